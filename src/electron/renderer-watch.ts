import type * as Electron from 'electron';
import type { Clock } from './clock';
import type { WebContents } from './electron-api';
import type { ShellLog } from './log';

export interface RendererWatchOptions {
  clock: Clock;
  log: ShellLog;
  /** A page that stays unresponsive this long after Chromium noticed is crashed on purpose. */
  hangGraceMs: number;
  onGone(details: Electron.RenderProcessGoneDetails): void;
}

/**
 * Turns both ways a kiosk page can die into one signal: a crash reports itself, a hang does not,
 * so a hung renderer is crashed after a grace period and then recovers like any crash.
 */
export function watchRenderer(contents: WebContents, options: RendererWatchOptions): void {
  const { clock, log } = options;
  let hangTimer: unknown = null;
  const clearHang = () => {
    if (hangTimer !== null) clock.clearTimeout(hangTimer);
    hangTimer = null;
  };
  contents.on('unresponsive', () => {
    if (hangTimer !== null) return;
    hangTimer = clock.setTimeout(() => {
      hangTimer = null;
      log.error({ hangGraceMs: options.hangGraceMs }, 'renderer hung; crashing it to recover');
      contents.forcefullyCrashRenderer();
    }, options.hangGraceMs);
  });
  contents.on('responsive', clearHang);
  contents.on('render-process-gone', (_event, details) => {
    clearHang();
    log.error({ reason: details.reason, exitCode: details.exitCode }, 'renderer gone');
    options.onGone(details);
  });
}
