import type * as Electron from 'electron';

/**
 * The part of the `electron` module the shell uses. main.ts passes the real module; unit tests
 * pass a fake, so every lock-down setting is provable without Electron's binary.
 */
export interface ElectronApi {
  app: Electron.App;
  crashReporter: Pick<typeof Electron.crashReporter, 'start'>;
  BrowserWindow: typeof Electron.BrowserWindow;
  Menu: Pick<typeof Electron.Menu, 'setApplicationMenu'>;
  session: Pick<typeof Electron.session, 'defaultSession'>;
  utilityProcess: Pick<typeof Electron.utilityProcess, 'fork'>;
}

export type BrowserWindow = Electron.BrowserWindow;
export type WebContents = Electron.WebContents;
export type Session = Electron.Session;
export type UtilityProcess = Electron.UtilityProcess;
