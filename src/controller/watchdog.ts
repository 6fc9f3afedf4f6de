/**
 * The controller's side of the systemd watchdog (sd_notify protocol).
 *
 * When systemd starts us with NOTIFY_SOCKET set, we say READY=1 once the API listens and then
 * WATCHDOG=1 every WATCHDOG_USEC/2 — but only while the controller is healthy: the ping is
 * scheduled by a timer (so a blocked event loop sends nothing) and each one waits for the health
 * check (so a store that stops answering sends nothing). Missing pings make systemd kill and
 * restart the unit after WatchdogSec.
 *
 * Node.js has no unix datagram sockets, so each message is sent by spawning `systemd-notify`,
 * which the unit allows with NotifyAccess=all. systemd-notify (systemd >= 246) waits until
 * systemd has processed the message before it exits, so the message is attributed to the
 * unit even though its sender is short-lived.
 *
 * WATCHDOG_PID is deliberately not checked: in the kiosk the controller is a grandchild of the
 * unit's main process (cage → Electron → utilityProcess) and is exactly the process that must
 * prove it is alive; NotifyAccess=all in the unit is what accepts its messages.
 */
import { spawn as nodeSpawn } from 'node:child_process';

export const SYSTEMD_NOTIFY = 'systemd-notify';

export interface WatchdogClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The part of a ChildProcess the watchdog uses. */
export interface NotifyChild {
  once(event: 'exit', listener: (code: number | null) => void): unknown;
  once(event: 'error', listener: (err: Error) => void): unknown;
  kill(): unknown;
}

export type NotifySpawn = (
  command: string,
  args: readonly string[],
  options: { env: Record<string, string | undefined> },
) => NotifyChild;

export interface WatchdogLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WatchdogOptions {
  /** The controller's environment (process.env): NOTIFY_SOCKET, WATCHDOG_USEC. */
  env: Record<string, string | undefined>;
  /** True while the controller can serve: store answers, API listens. May be async. */
  health: () => boolean | Promise<boolean>;
  spawn?: NotifySpawn;
  clock?: WatchdogClock;
  log: WatchdogLog;
  /** Shown by `systemctl status` after READY=1. */
  status?: string;
}

export interface Watchdog {
  /** 'off': no NOTIFY_SOCKET; 'ready-only': no WATCHDOG_USEC; 'pinging': READY=1 + WATCHDOG=1. */
  readonly mode: 'off' | 'ready-only' | 'pinging';
  /** Ms between pings (0 unless pinging). */
  readonly intervalMs: number;
  stop(): void;
}

/** A systemd-notify that has not returned after this long is killed (systemd is stuck). */
const NOTIFY_TIMEOUT_MS = 5_000;
/** Longest socket path sd_notify accepts (sun_path), and a sanity bound on WATCHDOG_USEC (1 day). */
const MAX_SOCKET_PATH = 108;
const MAX_WATCHDOG_USEC = 86_400_000_000;

const defaultSpawn: NotifySpawn = (command, args, options) =>
  nodeSpawn(command, [...args], { env: options.env as NodeJS.ProcessEnv, stdio: 'ignore' });

const defaultClock: WatchdogClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(), // never keeps the process alive alone
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** NOTIFY_SOCKET is a path (/run/...) or an abstract socket (@...); anything else is ignored. */
export function validNotifySocket(value: string | undefined): boolean {
  return typeof value === 'string' && value.length > 1 && value.length <= MAX_SOCKET_PATH && (value[0] === '/' || value[0] === '@');
}

/** WATCHDOG_USEC → ms between pings (half the timeout, as sd_watchdog_enabled(3) advises). */
export function pingIntervalMs(watchdogUsec: string | undefined): number | undefined {
  if (watchdogUsec === undefined || !/^[0-9]{1,17}$/.test(watchdogUsec)) return undefined;
  const usec = Number(watchdogUsec);
  if (usec <= 0 || usec > MAX_WATCHDOG_USEC) return undefined;
  return Math.max(1, Math.floor(usec / 2000));
}

/**
 * Sends one sd_notify message at a time through systemd-notify. One still waiting is left alone
 * for NOTIFY_TIMEOUT_MS and then killed; each distinct failure is logged once, not every ping.
 */
function createNotifier(spawn: NotifySpawn, clock: WatchdogClock, env: WatchdogOptions['env'], log: WatchdogLog): (args: string[]) => void {
  let inFlight: { child: NotifyChild; since: number } | null = null;
  let lastFailure: string | null = null; // logged once per distinct failure, not every ping

  const fail = (reason: string) => {
    if (reason === lastFailure) return;
    lastFailure = reason;
    log.error({ reason }, 'systemd-notify failed: systemd will restart the robot when its watchdog runs out');
  };

  return (args) => {
    if (inFlight !== null) {
      if (clock.now() - inFlight.since < NOTIFY_TIMEOUT_MS) return; // the previous one still waits
      log.warn({ afterMs: clock.now() - inFlight.since }, 'systemd-notify did not return; killing it');
      inFlight.child.kill();
      inFlight = null;
    }
    let child: NotifyChild;
    try {
      child = spawn(SYSTEMD_NOTIFY, args, { env });
    } catch (e) {
      fail(`spawn: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const entry = { child, since: clock.now() };
    inFlight = entry;
    const done = (failure: string | null) => {
      if (inFlight === entry) inFlight = null;
      if (failure === null) {
        if (lastFailure !== null) log.info({}, 'systemd-notify works again');
        lastFailure = null;
      } else fail(failure);
    };
    child.once('exit', (code) => done(code === 0 ? null : `exit code ${String(code)}`));
    child.once('error', (err) => done(`${(err as NodeJS.ErrnoException).code ?? err.message}`));
  };
}

/** Pings WATCHDOG=1 every intervalMs while the health check says yes; returns the stop function. */
function startPinging(options: WatchdogOptions, clock: WatchdogClock, intervalMs: number, notify: (args: string[]) => void): () => void {
  const { log } = options;
  let stopped = false;
  let healthy = true;
  let timer: unknown = null;

  const afterHealth = (ok: boolean) => {
    if (stopped) return;
    if (ok) notify(['WATCHDOG=1']);
    if (ok !== healthy) {
      healthy = ok;
      if (ok) log.info({}, 'controller healthy again; watchdog pings resume');
      else log.warn({}, 'controller unhealthy; watchdog pings withheld');
    }
  };

  // Fixed rate: the next tick is planned before this one's check runs. A check still pending
  // when the next tick comes counts as unhealthy, so a store that hangs stops the pings.
  let checkPending = false;
  let tickNo = 0;
  const tick = () => {
    if (stopped) return;
    timer = clock.setTimeout(tick, intervalMs);
    const mine = ++tickNo;
    if (checkPending) return afterHealth(false);
    let answer: boolean | Promise<boolean>;
    try {
      answer = options.health();
    } catch {
      answer = false;
    }
    if (typeof answer === 'boolean') return afterHealth(answer);
    checkPending = true;
    answer.then(
      (ok) => {
        checkPending = false;
        if (mine === tickNo) afterHealth(ok === true); // a late answer pings nothing
      },
      () => {
        checkPending = false;
        if (mine === tickNo) afterHealth(false);
      },
    );
  };

  timer = clock.setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
}

export function startWatchdog(options: WatchdogOptions): Watchdog {
  const { env, log } = options;
  const clock = options.clock ?? defaultClock;

  if (!validNotifySocket(env.NOTIFY_SOCKET)) {
    if (env.NOTIFY_SOCKET) log.warn({ notifySocket: env.NOTIFY_SOCKET.slice(0, MAX_SOCKET_PATH) }, 'NOTIFY_SOCKET is not a socket path; systemd watchdog off');
    return { mode: 'off', intervalMs: 0, stop: () => undefined };
  }

  const notify = createNotifier(options.spawn ?? defaultSpawn, clock, env, log);
  notify(['READY=1', `STATUS=${(options.status ?? 'controller listening').slice(0, 200)}`]);
  log.info({ notifySocket: env.NOTIFY_SOCKET }, 'told systemd the controller is ready');

  const intervalMs = pingIntervalMs(env.WATCHDOG_USEC);
  // with nothing to ping there is nothing to stop
  if (intervalMs === undefined) return { mode: 'ready-only', intervalMs: 0, stop: () => undefined };

  log.info({ intervalMs }, 'systemd watchdog on');
  const stop = startPinging(options, clock, intervalMs, notify);
  return { mode: 'pinging', intervalMs, stop };
}
