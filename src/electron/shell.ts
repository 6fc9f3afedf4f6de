import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BackoffPolicy } from '../core/backoff';
import { type Clock, systemClock } from './clock';
import { type ControllerProcess, createControllerProcess } from './controller-process';
import { shellDataDir, startCrashDumps } from './crash-dumps';
import { installDownloadHandler } from './downloads';
import { type FatalErrorSource, recordMainProcessFatalErrors } from './fatal-errors';
import { type CrashPolicyOptions, RendererCrashPolicy } from './crash-policy';
import type { BrowserWindow, ElectronApi } from './electron-api';
import { type ShellLog, stderrLog } from './log';
import { guardWebContents } from './navigation';
import { originOf } from './origin';
import { type ShellPage, shellPageUrl } from './pages';
import { installPermissionHandlers } from './permissions';
import { watchRenderer } from './renderer-watch';
import { openKioskWindow } from './window';

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

/** What the window should show: the controller's page, or one of the shell's own pages. */
type Target = { url: string } | { page: ShellPage };

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
  const crashPolicy = new RendererCrashPolicy(options.crashPolicy);
  const fallbackRetryMs = options.fallbackRetryMs ?? 5 * 60_000;
  const loadRetryMs = options.loadRetryMs ?? 2_000;

  let win: BrowserWindow | null = null;
  let windowControllerUrl: string | null = null; // what the current window's preload was told
  let controllerUrl: string | null = null;
  let target: Target = { page: 'starting' };
  let retryTimer: unknown = null;
  let loadGeneration = 0;
  let quitting = false;
  let controllerStopped = false;
  let stopping: Promise<void> | null = null;
  const controllerOrigin = () => originOf(controllerUrl ?? undefined);

  const clearRetry = () => {
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = null;
  };
  const retryLater = (ms: number) => {
    clearRetry();
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      show(target);
    }, ms);
  };

  const load = (url: string, onFailure?: () => void) => {
    if (win === null) return;
    const generation = ++loadGeneration;
    win.loadURL(url).catch((err: unknown) => {
      if (generation !== loadGeneration) return; // superseded by a newer load: nothing failed
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'page failed to load');
      onFailure?.();
    });
  };

  const show = (next: Target) => {
    target = next;
    clearRetry();
    if ('page' in next) return load(shellPageUrl(next.page));
    load(next.url, () => {
      load(shellPageUrl('restarting'));
      retryLater(loadRetryMs);
    });
  };

  const onRendererGone = () => {
    if (quitting) return;
    if (crashPolicy.onCrash(clock.now()) === 'reload') return show(target);
    load(shellPageUrl('fallback'));
    retryLater(fallbackRetryMs);
  };

  const openWindow = () => {
    const previous = win;
    const next = openKioskWindow(
      electron,
      { preloadPath: join(appRoot, 'dist/electron/preload.js'), controllerUrl, token },
      controllerOrigin,
    );
    win = next;
    windowControllerUrl = controllerUrl;
    watchRenderer(next.webContents, { clock, log, hangGraceMs: options.hangGraceMs ?? 10_000, onGone: onRendererGone });
    next.on('closed', () => {
      if (win !== next) return; // replaced on purpose
      win = null;
      if (quitting) return;
      log.warn({}, 'kiosk window closed; reopening');
      openWindow();
      show(target);
    });
    previous?.destroy();
  };

  const controller: ControllerProcess = createControllerProcess({
    utilityProcess: electron.utilityProcess,
    modulePath: join(appRoot, 'dist/cli.js'),
    token,
    env: options.env ?? process.env,
    clock,
    log,
    ...(options.controllerBackoff ? { backoff: options.controllerBackoff } : {}),
    onReady(url) {
      controllerUrl = url;
      if (win === null || quitting) return;
      // additionalArguments are fixed when a window is made: a new address needs a new window
      if (windowControllerUrl !== url) openWindow();
      show({ url });
    },
    onDown() {
      if (!quitting) show({ page: 'restarting' });
    },
  });

  app.on('second-instance', () => {
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, controllerOrigin));
  // a kiosk never quits because its window went away; 'closed' above reopens it
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    quitting = true;
    if (controllerStopped) return;
    // hold the quit until the controller closed its devices and flushed its store
    event.preventDefault();
    clearRetry();
    stopping ??= controller.stop().then(() => {
      controllerStopped = true;
      app.quit();
    });
  });
  const signals = options.signals ?? process;
  signals.on('SIGTERM', () => app.quit());
  signals.on('SIGINT', () => app.quit());

  const started = app.whenReady().then(() => {
    if (quitting) return;
    electron.Menu.setApplicationMenu(null); // drops the default menu's reload and devtools keys
    installPermissionHandlers(electron.session.defaultSession, controllerOrigin);
    installDownloadHandler(electron.session.defaultSession, controllerOrigin, (options.env ?? process.env).LOBBY_ROBOT_EXPORT_DIR || join(dataDir, 'exports'), log);
    openWindow();
    show({ page: 'starting' });
    controller.start();
  });
  return { primary: true, started };
}
