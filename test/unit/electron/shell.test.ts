import type { ShellLog } from '../../../src/electron/log';
import { shellPageUrl } from '../../../src/electron/pages';
import { createShell, type ShellOptions } from '../../../src/electron/shell';
import { createFakeClock, createFakeElectron, fakeEvent, FakeWebContents, type FakeWindow } from './fakes';

const URL_A = 'http://127.0.0.1:8787/';
const RESTARTING = shellPageUrl('restarting');
const STARTING = shellPageUrl('starting');
const FALLBACK = shellPageUrl('fallback');
const flush = () => new Promise((resolve) => setImmediate(resolve));

async function boot(options: Partial<ShellOptions> = {}) {
  const electron = createFakeElectron();
  const clock = createFakeClock();
  const lines: string[] = [];
  const log: ShellLog = {
    info: (f, m) => lines.push(JSON.stringify({ ...f, m })),
    warn: (f, m) => lines.push(JSON.stringify({ ...f, m })),
    error: (f, m) => lines.push(JSON.stringify({ ...f, m })),
  };
  const signals = { on: jest.fn() };
  const shell = createShell(electron.api, { appRoot: '/app', env: { HOME: '/home/robot' }, clock, log, signals, fatalErrorSource: null, ...options });
  await shell.started;
  const win = (i = electron.windows.length - 1): FakeWindow => {
    const w = electron.windows[i];
    if (w === undefined) throw new Error(`no window #${i}`);
    return w;
  };
  const child = (i = electron.children.length - 1) => {
    const c = electron.children[i];
    if (c === undefined) throw new Error(`no child #${i}`);
    return c;
  };
  const ready = (url = URL_A) => child().emit('message', { type: 'ready', url });
  const crash = () => win().webContents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 });
  return { ...electron, shell, clock, lines, signals, win, child, ready, crash };
}

describe('Electron shell', () => {
  it('a second instance quits at once and starts nothing', async () => {
    const electron = createFakeElectron();
    electron.app.lockGranted = false;
    const shell = createShell(electron.api, { signals: { on: jest.fn() }, fatalErrorSource: null });
    await shell.started;
    expect(shell.primary).toBe(false);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.fork).not.toHaveBeenCalled();
  });

  it('the first instance takes the lock, sandboxes every renderer, drops the menu and installs permission handlers', async () => {
    const { app, setApplicationMenu, session, shell } = await boot();
    expect(shell.primary).toBe(true);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0] ?? 0);
    expect(setApplicationMenu).toHaveBeenCalledWith(null);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });

  it('opens one kiosk window on the starting page and forks the controller from the app folder', async () => {
    const { windows, fork, win } = await boot();
    expect(windows).toHaveLength(1);
    expect(win().options).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { preload: '/app/dist/electron/preload.js', sandbox: true } });
    expect(win().lastUrl()).toBe(STARTING);
    expect(fork).toHaveBeenCalledWith('/app/dist/cli.js', ['start', '--no-window'], expect.objectContaining({ serviceName: 'lobby-robot-controller' }));
  });

  it('gives the controller and the page the same fresh 64-hex token, and never logs it', async () => {
    const { child, ready, win, lines } = await boot();
    ready();
    const token = child().options.env.LOBBY_ROBOT_TOKEN;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(child().options.env.HOME).toBe('/home/robot');
    expect((win().options.webPreferences as { additionalArguments: string[] }).additionalArguments).toEqual([
      `--lobby-robot-url=${URL_A}`,
      `--lobby-robot-token=${token}`,
    ]);
    expect(lines.join('\n')).not.toContain(token);
    const other = await boot();
    expect(other.child().options.env.LOBBY_ROBOT_TOKEN).not.toBe(token);
  });

  it('on ready, replaces the boot window by one whose preload knows the URL, and loads the controller page', async () => {
    const { windows, ready, win } = await boot();
    const bootWindow = win();
    ready();
    expect(windows).toHaveLength(2);
    expect(bootWindow.destroyed).toBe(true);
    expect(win().lastUrl()).toBe(URL_A);
    expect(windows.filter((w) => !w.destroyed)).toHaveLength(1);
  });

  it('shows the restarting page while the controller is down, restarts it after 0.5 s and reloads the same window', async () => {
    const { ready, win, child, clock, fork, windows } = await boot();
    ready();
    const appWindow = win();
    child().emit('exit', 1);
    expect(appWindow.lastUrl()).toBe(RESTARTING);
    clock.advance(499);
    expect(fork).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(fork).toHaveBeenCalledTimes(2);
    expect(child().options.env.LOBBY_ROBOT_TOKEN).toBe(electronToken(fork, 0));
    ready();
    expect(windows).toHaveLength(2); // same address: no new window
    expect(appWindow.lastUrl()).toBe(URL_A);
  });

  it('opens a new window when the restarted controller listens elsewhere', async () => {
    const { ready, win, child, clock, windows } = await boot();
    ready();
    child().emit('exit', 1);
    clock.advance(500);
    ready('http://127.0.0.1:9000/');
    expect(windows).toHaveLength(3);
    expect((win().options.webPreferences as { additionalArguments: string[] }).additionalArguments[0]).toBe(
      '--lobby-robot-url=http://127.0.0.1:9000/',
    );
    expect(win().lastUrl()).toBe('http://127.0.0.1:9000/');
  });

  it('reloads a crashed renderer 3 times in a minute, then shows the fallback page, then tries again later', async () => {
    const { ready, win, crash, clock } = await boot({ fallbackRetryMs: 300_000 });
    ready();
    const w = win();
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      crash();
      expect(w.lastUrl()).toBe(URL_A);
    }
    const loadsBefore = w.loadURL.mock.calls.length;
    crash();
    expect(w.loadURL.mock.calls.length).toBe(loadsBefore + 1);
    expect(w.lastUrl()).toBe(FALLBACK);
    clock.advance(299_999);
    expect(w.lastUrl()).toBe(FALLBACK);
    clock.advance(1);
    expect(w.lastUrl()).toBe(URL_A);
  });

  it('recovers a hung renderer like a crashed one', async () => {
    const { ready, win, clock } = await boot({ hangGraceMs: 10_000 });
    ready();
    const w = win();
    const loads = w.loadURL.mock.calls.length;
    w.webContents.emit('unresponsive');
    clock.advance(10_000);
    expect(w.webContents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1);
    expect(w.loadURL.mock.calls.length).toBe(loads + 1);
    expect(w.lastUrl()).toBe(URL_A);
  });

  it('reloads again once the crashes have left the rolling minute', async () => {
    const { ready, win, crash, clock } = await boot();
    ready();
    crash();
    crash();
    crash();
    clock.advance(60_000);
    crash();
    expect(win().lastUrl()).toBe(URL_A);
  });

  it('a crash while the controller is down reloads the restarting page, not the controller page', async () => {
    const { ready, win, crash, child } = await boot();
    ready();
    child().emit('exit', 1);
    crash();
    expect(win().lastUrl()).toBe(RESTARTING);
  });

  it('shows the restarting page and retries when the controller page fails to load', async () => {
    const { ready, win, clock } = await boot({ loadRetryMs: 2000 });
    ready();
    const w = win();
    w.loadResult = () => Promise.reject(new Error('ERR_CONNECTION_REFUSED (-102)'));
    ready();
    await flush();
    expect(w.lastUrl()).toBe(RESTARTING);
    w.loadResult = () => Promise.resolve();
    clock.advance(2000);
    expect(w.lastUrl()).toBe(URL_A);
  });

  it('a load superseded by a newer one is not a failure', async () => {
    const { ready, win, child } = await boot();
    ready();
    const w = win();
    let rejectFirst: (e: Error) => void = () => undefined;
    w.loadResult = () => new Promise((_resolve, reject) => (rejectFirst = reject));
    ready();
    w.loadResult = () => Promise.resolve();
    child().emit('exit', 1);
    rejectFirst(new Error('ERR_ABORTED (-3)'));
    await flush();
    expect(w.loadURL.mock.calls.map((c) => c[0]).slice(-2)).toEqual([URL_A, RESTARTING]);
  });

  it('focuses the window when a second instance starts', async () => {
    const { app, win } = await boot();
    const w = win();
    w.minimized = true;
    app.emit('second-instance', fakeEvent(), [], '/');
    expect(w.restore).toHaveBeenCalled();
    expect(w.show).toHaveBeenCalled();
    expect(w.focus).toHaveBeenCalled();
  });

  it('guards every web contents the app creates', async () => {
    const { app } = await boot();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const event = fakeEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented()).toBe(true);
  });

  it('reopens the kiosk window when it is closed by anything but a quit', async () => {
    const { ready, win, windows } = await boot();
    ready();
    win().emit('closed');
    expect(windows).toHaveLength(3);
    expect(win().lastUrl()).toBe(URL_A);
  });

  it('on quit, holds the app until the controller exited after a graceful kill, then quits for real', async () => {
    const { app, child, ready, windows, clock, fork } = await boot();
    ready();
    app.quit();
    expect(app.exited).toBe(false);
    expect(child().kill).toHaveBeenCalledTimes(1);
    app.quit(); // a second request (SIGINT after SIGTERM) does not kill twice
    expect(child().kill).toHaveBeenCalledTimes(1);
    child().emit('exit', 0);
    await flush();
    expect(app.exited).toBe(true);
    clock.advance(120_000);
    expect(fork).toHaveBeenCalledTimes(1); // no restart of a controller stopped on purpose
    windows.at(-1)?.emit('closed');
    expect(windows).toHaveLength(2); // no reopening while quitting
  });

  it('quits after the grace period when the controller does not exit', async () => {
    const { app, clock } = await boot();
    app.quit();
    clock.advance(6000);
    await flush();
    expect(app.exited).toBe(true);
  });

  it('SIGTERM and SIGINT quit the app gracefully', async () => {
    const { app, signals, child } = await boot();
    const handlers = Object.fromEntries(signals.on.mock.calls.map(([sig, fn]) => [sig, fn as () => void]));
    expect(Object.keys(handlers).sort()).toEqual(['SIGINT', 'SIGTERM']);
    handlers.SIGTERM?.();
    expect(app.quit).toHaveBeenCalled();
    expect(child().kill).toHaveBeenCalledTimes(1);
  });

  it('does not quit when the last window closes: the kiosk keeps running', async () => {
    const { app } = await boot();
    expect(app.listenerCount('window-all-closed')).toBe(1);
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
  });
});

function electronToken(fork: jest.Mock, i: number): string | undefined {
  return (fork.mock.calls[i]?.[2] as { env: Record<string, string> }).env.LOBBY_ROBOT_TOKEN;
}
