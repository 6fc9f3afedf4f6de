import type * as Electron from 'electron';
import { bridgeArguments } from './bridge';
import type { BrowserWindow, ElectronApi } from './electron-api';
import { guardWebContents } from './navigation';

/**
 * Electron's security checklist, as far as it applies to a window that shows the local
 * controller's page: no Node in the page, isolated and sandboxed preload, web security on,
 * no <webview>, no devtools on a public kiosk.
 */
export const KIOSK_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  devTools: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies Electron.WebPreferences;

export interface KioskWindowOptions {
  preloadPath: string;
  /** Null before the controller first reported where it listens. */
  controllerUrl: string | null;
  token: string;
}

export function kioskWindowOptions(options: KioskWindowOptions): Electron.BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#0b3d91',
    webPreferences: {
      ...KIOSK_WEB_PREFERENCES,
      preload: options.preloadPath,
      additionalArguments: bridgeArguments(options.controllerUrl, options.token),
    },
  };
}

export function openKioskWindow(
  electron: Pick<ElectronApi, 'BrowserWindow'>,
  options: KioskWindowOptions,
  controllerOrigin: () => string | null,
): BrowserWindow {
  const win = new electron.BrowserWindow(kioskWindowOptions(options));
  guardWebContents(win.webContents, controllerOrigin);
  // a citizen's pinch must not leave the touchscreen zoomed in for the next one
  win.webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  return win;
}
