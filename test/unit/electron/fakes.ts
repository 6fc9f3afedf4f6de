// Factories for fakes of the electron API used by the shell. Each test calls them for its own
// fresh set: there is no shared state at module level.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApi } from '../../../src/electron/electron-api';
import type { ShellLog } from '../../../src/electron/log';

// the fake clock is shared with the watchdog's tests
export { createFakeClock, type FakeClock } from '../../support/fake-clock';

/** An event whose preventDefault is observable, like Electron's. */
export function fakeEvent<T extends object>(fields: T = {} as T): T & { preventDefault: jest.Mock; defaultPrevented: () => boolean } {
  const preventDefault = jest.fn();
  return Object.assign(fields, { preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 });
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  setWindowOpenHandler = jest.fn((handler: (details: unknown) => unknown) => {
    this.windowOpenHandler = handler;
  });
  setVisualZoomLevelLimits = jest.fn(() => Promise.resolve());
  /** Like Electron: the killed renderer is then reported as gone. */
  forcefullyCrashRenderer = jest.fn(() => {
    this.emit('render-process-gone', fakeEvent(), { reason: 'killed', exitCode: 9 });
  });
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  /** Each loadURL answers with this; tests replace it to simulate a failed load. */
  loadResult: () => Promise<void> = () => Promise.resolve();
  loadURL = jest.fn((_url: string) => this.loadResult());
  isMinimized = jest.fn(() => this.minimized);
  restore = jest.fn();
  show = jest.fn();
  focus = jest.fn();
  destroy = jest.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });

  constructor(readonly options: Record<string, unknown>) {
    super();
  }

  /** The URL most recently given to loadURL. */
  lastUrl(): string | undefined {
    return this.loadURL.mock.calls.at(-1)?.[0];
  }
}

export class FakeChild extends EventEmitter {
  kill = jest.fn(() => true);
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: { env: Record<string, string | undefined>; serviceName: string; stdio: string },
  ) {
    super();
  }
}

export class FakeApp extends EventEmitter {
  lockGranted = true;
  quitRequests = 0;
  /** True once a quit went through without any listener preventing it. */
  exited = false;
  requestSingleInstanceLock = jest.fn(() => this.lockGranted);
  enableSandbox = jest.fn();
  whenReady = jest.fn(() => Promise.resolve());
  getAppPath = jest.fn(() => '/opt/lobby-robot/resources/app.asar');
  getVersion = jest.fn(() => '0.0.0-test');
  /** Paths set through setPath; userData defaults to a scratch folder (the shell creates crashes/ in it). */
  readonly paths = new Map<string, string>([['userData', join(tmpdir(), 'lobby-robot-fake-electron-userdata')]]);
  getPath = jest.fn((name: string) => this.paths.get(name) ?? join(tmpdir(), `lobby-robot-fake-electron-${name}`));
  setPath = jest.fn((name: string, path: string) => void this.paths.set(name, path));
  quit = jest.fn(() => {
    this.quitRequests++;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented()) this.exited = true;
  });
}

export function createFakeElectron() {
  const app = new FakeApp();
  const windows: FakeWindow[] = [];
  const children: FakeChild[] = [];
  const sessionEvents = new EventEmitter();
  const session = {
    /** Session events (will-download); tests emit them through `sessionEvents`. */
    on: jest.fn((event: string, listener: (...args: unknown[]) => void) => sessionEvents.on(event, listener)),
    setPermissionRequestHandler: jest.fn(),
    setPermissionCheckHandler: jest.fn(),
    setDevicePermissionHandler: jest.fn(),
  };
  const setApplicationMenu = jest.fn();
  const crashReporter = { start: jest.fn() };
  const fork = jest.fn((modulePath: string, args: string[], options: FakeChild['options']) => {
    const child = new FakeChild(modulePath, args, options);
    children.push(child);
    return child;
  });
  class BrowserWindow extends FakeWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      windows.push(this);
    }
  }
  const api = {
    app,
    crashReporter,
    BrowserWindow,
    Menu: { setApplicationMenu },
    session: { defaultSession: session },
    utilityProcess: { fork },
  } as unknown as ElectronApi;
  return { api, app, windows, children, session, sessionEvents, setApplicationMenu, fork, crashReporter };
}

/** A shell log that keeps what it was told, for tests that check what is (and is not) logged. */
export function recordingLog() {
  const lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => void lines.push({ level, msg, fields });
  const log: ShellLog = { info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}
