import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Logger } from '../controller/log';
import type { CliIo } from './io';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Opens the touchscreen: Chromium in kiosk app mode when there is one and a display, otherwise
 * the URL is printed for a person to open. (When Electron's binary is installed, `npm start`
 * runs the Electron shell instead, which starts this controller itself.)
 */
export function openWindow(urlWithToken: string, io: CliIo, log: Logger): void {
  const display = io.env.DISPLAY || io.env.WAYLAND_DISPLAY;
  if (existsSync(CHROMIUM) && display) {
    log.info('opening the touchscreen in Chromium kiosk mode');
    const child = spawn(CHROMIUM, ['--kiosk', `--app=${urlWithToken}`, '--no-first-run', '--disable-background-networking', '--disable-sync', '--disable-component-update'], {
      stdio: 'ignore',
      detached: false,
    });
    child.on('error', (e) => log.warn({ err: e.message }, 'chromium could not start'));
    return;
  }
  log.info({ chromium: existsSync(CHROMIUM), display: Boolean(display) }, 'no window opened (no Electron binary, no Chromium with a display): open the URL printed below');
  io.stdout(`\n  Touchscreen UI: ${urlWithToken}\n`);
}

/** The Electron binary's path when it is installed (the npm package only knows it after its download). */
export function electronBinary(): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const path: unknown = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
