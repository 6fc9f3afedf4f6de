import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BackoffPolicy } from '../core/backoff';
import { type Clock, systemClock } from './clock';
import { type ControllerProcess, createControllerProcess } from './controller-process';
import { shellDataDir, startCrashDumps } from './crash-dumps';
import { installDownloadHandler } from './downloads';
import { type FatalErrorSource, recordMainProcessFatalErrors } from './fatal-errors';
import { type CrashPolicyOptions, RendererCrashPolicy } from './crash-policy';
import type { ElectronApi } from './electron-api';
import { type ShellLog, stderrLog } from './log';
import { guardWebContents } from './navigation';
import { KioskScreen } from './kiosk-screen';
import { installPermissionHandlers } from './permissions';

export interface ShellOptions {
  /** Folder holding package.json and dist/ (app.asar on a robot); default app.getAppPath(). */
  appRoot?: string;
  env?: Record<string, string | undefined>;
  /** Where uncaught exceptions of the main process are heard (process by default; null: nowhere). */
  fatalErrorSource?: FatalErrorSource | null;
  clock?: Clock;
  log?: ShellLog;
  signals?: { on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };
  controllerBackoff?: BackoffPolicy;
  crashPolicy?: CrashPolicyOptions;
  /** After the crash fallback page, try the controller's page again this much later. */
  fallbackRetryMs?: number;
  /** After the controller's page failed to load, try again this much later. */
  loadRetryMs?: number;
  /** A page unresponsive this long is crashed and then recovered like a crash. */
  hangGraceMs?: number;
}

export interface Shell {
  /** False when another instance already runs: this one quits and starts nothing. */
  readonly primary: boolean;
  /** Resolves once the window is open and the controller is starting. */
  readonly started: Promise<void>;
}

export function createShell(electron: ElectronApi, options: ShellOptions = {}): Shell {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, started: Promise.resolve() };
  }
  app.enableSandbox();

  const clock = options.clock ?? systemClock;
  const log = options.log ?? stderrLog();
  startCrashDumps(electron, { env: options.env ?? process.env, log });
  const dataDir = shellDataDir(app, options.env ?? process.env);
  // the real process by default; a test passes its own source
  if (options.fatalErrorSource !== null) recordMainProcessFatalErrors(dataDir, { version: app.getVersion(), source: options.fatalErrorSource });
  const appRoot = options.appRoot ?? app.getAppPath();
  const token = randomBytes(32).toString('hex');
  const screen = new KioskScreen(electron, {
    appRoot, token, clock, log,
    crashPolicy: new RendererCrashPolicy(options.crashPolicy),
    fallbackRetryMs: options.fallbackRetryMs ?? 5 * 60_000,
    loadRetryMs: options.loadRetryMs ?? 2_000,
    hangGraceMs: options.hangGraceMs ?? 10_000,
  });

  const controller: ControllerProcess = createControllerProcess({
    utilityProcess: electron.utilityProcess,
    modulePath: join(appRoot, 'dist/cli.js'),
    token,
    env: options.env ?? process.env,
    clock,
    log,
    ...(options.controllerBackoff ? { backoff: options.controllerBackoff } : {}),
    onReady: (url) => screen.controllerReady(url),
    onDown: () => screen.controllerDown(),
  });
  handleAppEvents(electron, screen, controller, options);

  const started = app.whenReady().then(() => {
    if (screen.quitting) return;
    electron.Menu.setApplicationMenu(null); // drops the default menu's reload and devtools keys
    installPermissionHandlers(electron.session.defaultSession, screen.controllerOrigin);
    installDownloadHandler(electron.session.defaultSession, screen.controllerOrigin, (options.env ?? process.env).LOBBY_ROBOT_EXPORT_DIR || join(dataDir, 'exports'), log);
    screen.open();
    screen.show({ page: 'starting' });
    controller.start();
  });
  return { primary: true, started };
}

/** A second instance, new web contents, closed windows, quitting and signals. */
function handleAppEvents(electron: ElectronApi, screen: KioskScreen, controller: ControllerProcess, options: ShellOptions): void {
  const { app } = electron;
  let controllerStopped = false;
  let stopping: Promise<void> | null = null;
  app.on('second-instance', () => screen.bringToFront());
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, screen.controllerOrigin));
  // a kiosk never quits because its window went away; the window's 'closed' reopens it
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    screen.quitting = true;
    if (controllerStopped) return;
    // hold the quit until the controller closed its devices and flushed its store
    event.preventDefault();
    screen.clearRetry();
    stopping ??= controller.stop().then(() => {
      controllerStopped = true;
      app.quit();
    });
  });
  const signals = options.signals ?? process;
  signals.on('SIGTERM', () => app.quit());
  signals.on('SIGINT', () => app.quit());
}
