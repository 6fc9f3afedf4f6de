import { createFakeClock } from '../../support/fake-clock';
import { EventEmitter } from 'node:events';
import { createLogger } from '../../../src/controller/log';
import {
  pingIntervalMs,
  startWatchdog,
  validNotifySocket,
  type NotifyChild,
  type WatchdogLog,
  type WatchdogOptions,
} from '../../../src/controller/watchdog';

interface FakeNotify extends NotifyChild {
  args: readonly string[];
  env: Record<string, string | undefined>;
  killed: boolean;
  exit(code: number | null): void;
  fail(err: Error): void;
}

const createClock = (start = 0) => createFakeClock(start);

/** Each call: a fresh clock, spawner and log; children exit 0 at once unless told otherwise. */
function setup(env: Record<string, string | undefined>, overrides: Partial<WatchdogOptions> = {}, autoExit = true) {
  const clock = createClock();
  const children: FakeNotify[] = [];
  const spawn = jest.fn((command: string, args: readonly string[], options: { env: Record<string, string | undefined> }) => {
    expect(command).toBe('systemd-notify');
    const emitter = new EventEmitter();
    const child: FakeNotify = {
      args,
      env: options.env,
      killed: false,
      once: (event: string, listener: (...a: unknown[]) => void) => emitter.once(event, listener),
      kill() {
        child.killed = true;
      },
      exit: (code) => emitter.emit('exit', code),
      fail: (err) => emitter.emit('error', err),
    } as FakeNotify;
    children.push(child);
    if (autoExit) queueMicrotask(() => child.exit(0));
    return child;
  });
  const log: WatchdogLog & { [k in 'info' | 'warn' | 'error']: jest.Mock } = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  let healthy: boolean | (() => boolean | Promise<boolean>) = true;
  const health = () => (typeof healthy === 'function' ? healthy() : healthy);
  const watchdog = startWatchdog({ env, health, spawn, clock, log, ...overrides });
  const sent = () => children.map((c) => c.args.join(' '));
  const pings = () => sent().filter((s) => s === 'WATCHDOG=1').length;
  const setHealth = (h: typeof healthy) => (healthy = h);
  return { clock, children, spawn, log, watchdog, sent, pings, setHealth };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
const SYSTEMD = { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '30000000' }; // WatchdogSec=30s

describe('systemd watchdog (sd_notify through systemd-notify)', () => {
  it('does nothing at all without NOTIFY_SOCKET (started by hand or by the Electron shell outside systemd)', () => {
    const { watchdog, spawn, clock } = setup({ WATCHDOG_USEC: '30000000' });
    clock.advance(120_000);
    expect(watchdog.mode).toBe('off');
    expect(spawn).not.toHaveBeenCalled();
  });

  it('ignores a NOTIFY_SOCKET that is not a socket path', () => {
    const { watchdog, spawn, log } = setup({ NOTIFY_SOCKET: 'tcp://10.0.0.1:80', WATCHDOG_USEC: '30000000' });
    expect(watchdog.mode).toBe('off');
    expect(spawn).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalled();
  });

  it('says READY=1 with a status once started (after the API listens), passing NOTIFY_SOCKET on', () => {
    const { sent, children } = setup({ ...SYSTEMD, PATH: '/usr/bin' }, { status: 'listening on 127.0.0.1:8787' });
    expect(sent()).toEqual(['READY=1 STATUS=listening on 127.0.0.1:8787']);
    expect(children[0]!.env).toMatchObject({ NOTIFY_SOCKET: '/run/systemd/notify', PATH: '/usr/bin' });
  });

  it('accepts an abstract NOTIFY_SOCKET (@...)', () => {
    const { watchdog, sent } = setup({ NOTIFY_SOCKET: '@/org/freedesktop/systemd1/notify/123', WATCHDOG_USEC: '10000000' });
    expect(watchdog.mode).toBe('pinging');
    expect(sent()[0]).toMatch(/^READY=1/);
  });

  it('only says READY=1 when the unit has no WatchdogSec (no WATCHDOG_USEC)', async () => {
    const { watchdog, sent, clock } = setup({ NOTIFY_SOCKET: '/run/systemd/notify' });
    await flush();
    clock.advance(300_000);
    expect(watchdog.mode).toBe('ready-only');
    expect(sent()).toHaveLength(1);
  });

  it('pings WATCHDOG=1 every WATCHDOG_USEC/2 while healthy', async () => {
    const { watchdog, pings, clock } = setup(SYSTEMD);
    expect(watchdog.intervalMs).toBe(15_000);
    await flush();
    clock.advance(14_999);
    expect(pings()).toBe(0);
    for (let i = 1; i <= 4; i++) {
      clock.advance(i === 1 ? 1 : 15_000);
      await flush();
      expect(pings()).toBe(i);
    }
  });

  it('withholds pings while unhealthy and resumes when healthy again, logging each change once', async () => {
    const { pings, clock, setHealth, log } = setup(SYSTEMD);
    await flush();
    clock.advance(15_000);
    await flush();
    expect(pings()).toBe(1);
    setHealth(false);
    for (let i = 0; i < 4; i++) {
      clock.advance(15_000);
      await flush();
    }
    expect(pings()).toBe(1);
    expect(log.warn).toHaveBeenCalledTimes(1);
    setHealth(true);
    clock.advance(15_000);
    await flush();
    expect(pings()).toBe(2);
  });

  it('counts a health check that throws as unhealthy', async () => {
    const { pings, clock, setHealth } = setup(SYSTEMD);
    setHealth(() => {
      throw new Error('database is locked');
    });
    clock.advance(60_000);
    await flush();
    expect(pings()).toBe(0);
  });

  it('waits for an async health check and pings only when it answers true', async () => {
    const { pings, clock, setHealth } = setup(SYSTEMD);
    let answer!: (ok: boolean) => void;
    setHealth(() => new Promise<boolean>((resolve) => (answer = resolve)));
    clock.advance(15_000);
    await flush();
    expect(pings()).toBe(0);
    answer(true);
    await flush();
    expect(pings()).toBe(1);
  });

  it('a store that never answers stops the pings; its late answer pings nothing', async () => {
    const { pings, clock, setHealth } = setup(SYSTEMD);
    let answer!: (ok: boolean) => void;
    setHealth(() => new Promise<boolean>((resolve) => (answer = resolve)));
    clock.advance(15_000); // check 1 starts, never settles in time
    clock.advance(15_000); // still pending: unhealthy
    await flush();
    answer(true); // too late for its tick
    await flush();
    expect(pings()).toBe(0);
  });

  it('a rejected async health check is unhealthy', async () => {
    const { pings, clock, setHealth } = setup(SYSTEMD);
    setHealth(() => Promise.reject(new Error('SQLITE_BUSY')));
    clock.advance(15_000);
    await flush();
    expect(pings()).toBe(0);
  });

  it('never runs two systemd-notify at once, and kills one that hangs past 5 s', async () => {
    const { children, clock } = setup({ NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '4000000' }, {}, false);
    expect(children).toHaveLength(1); // READY=1, hanging
    clock.advance(2_000);
    expect(children).toHaveLength(1); // tick while READY=1 still runs: skipped
    clock.advance(4_000); // 6 s: the hung one is killed, a ping goes out
    expect(children[0]!.killed).toBe(true);
    expect(children.map((c) => c.args.join(' '))).toEqual([expect.stringMatching(/^READY=1/), 'WATCHDOG=1']);
  });

  it('logs a failing systemd-notify once (not on every ping) and when it works again', async () => {
    const { children, clock, log } = setup(SYSTEMD, {}, false);
    children[0]!.fail(Object.assign(new Error('spawn systemd-notify ENOENT'), { code: 'ENOENT' }));
    for (let i = 1; i <= 3; i++) {
      clock.advance(15_000);
      children[i]!.exit(1);
    }
    expect(log.error).toHaveBeenCalledTimes(2); // ENOENT, then "exit code 1" (logged once for three)
    expect(log.error.mock.calls.map((c) => (c[0] as { reason: string }).reason)).toEqual(['ENOENT', 'exit code 1']);
    clock.advance(15_000);
    children[4]!.exit(0);
    expect(log.info).toHaveBeenCalledWith({}, 'systemd-notify works again');
  });

  it('a spawn that throws is logged, and the pings go on', async () => {
    let calls = 0;
    const clock = createClock();
    const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    startWatchdog({
      env: SYSTEMD,
      health: () => true,
      clock,
      log,
      spawn: () => {
        calls++;
        throw new Error('EAGAIN');
      },
    });
    clock.advance(30_000);
    expect(calls).toBe(3);
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('stop() ends the pings', async () => {
    const { watchdog, pings, clock } = setup(SYSTEMD);
    await flush();
    clock.advance(15_000);
    await flush();
    watchdog.stop();
    clock.advance(120_000);
    await flush();
    expect(pings()).toBe(1);
  });

  it('accepts the controller pino logger as its log', () => {
    const log = createLogger('silent');
    expect(startWatchdog({ env: {}, health: () => true, log }).mode).toBe('off');
  });
});

describe('watchdog environment parsing', () => {
  it.each([
    ['30000000', 15_000],
    ['1000000', 500],
    ['1', 1],
  ])('WATCHDOG_USEC=%s pings every %i ms', (usec, ms) => {
    expect(pingIntervalMs(usec)).toBe(ms);
  });

  it.each([undefined, '', '0', '-5', '1.5', '30s', '99999999999999999999', '86400000001'])('WATCHDOG_USEC=%s turns pinging off', (usec) => {
    expect(pingIntervalMs(usec)).toBeUndefined();
  });

  it.each([
    ['/run/systemd/notify', true],
    ['@abstract', true],
    ['', false],
    ['/', false],
    ['relative/path', false],
    [`/${'x'.repeat(200)}`, false],
  ])('NOTIFY_SOCKET=%s valid: %s', (value, valid) => {
    expect(validNotifySocket(value)).toBe(valid);
  });
});
