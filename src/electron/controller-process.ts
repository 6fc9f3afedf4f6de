import {
  CONTROLLER_SERVICE_NAME,
  CONTROLLER_START_ARGS,
  CONTROLLER_TOKEN_ENV,
  ControllerReady,
} from '../contract/shell-controller';
import { createBackoff, type Backoff, type BackoffPolicy } from '../core/backoff';
import type { Clock } from './clock';
import type { ElectronApi, UtilityProcess } from './electron-api';
import type { ShellLog } from './log';

/** A controller that dies at once is restarted after 0.5 s, 1 s, 2 s … 30 s; a run of a minute was healthy. */
export const CONTROLLER_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, jitter: 'none', resetAfterMs: 60_000 };

export interface ControllerProcessOptions {
  utilityProcess: ElectronApi['utilityProcess'];
  /** <app>/dist/cli.js */
  modulePath: string;
  token: string;
  env: Record<string, string | undefined>;
  clock: Clock;
  log: ShellLog;
  backoff?: BackoffPolicy;
  /** A controller that has not said 'ready' by then is hung: it is killed and restarted. */
  readyTimeoutMs?: number;
  /** How long stop() waits for the exit after SIGTERM (the controller promises 5 s). */
  stopGraceMs?: number;
  onReady(url: string): void;
  onDown(info: { exitCode: number | null; restartInMs: number }): void;
}

export interface ControllerProcess {
  start(): void;
  /** Graceful stop (SIGTERM via kill()); resolves on exit or after the grace period. */
  stop(): Promise<void>;
}

export function createControllerProcess(options: ControllerProcessOptions): ControllerProcess {
  const supervisor = new ControllerSupervisor(options);
  return { start: () => supervisor.spawn(), stop: () => supervisor.stop() };
}

/**
 * Keeps one controller running: forks it, kills it when it never reports ready, restarts it after
 * an exit with a growing delay, and stops it gracefully (waiting for the exit, within a grace period).
 */
class ControllerSupervisor {
  private readonly backoff: Backoff;
  private readonly readyTimeoutMs: number;
  private readonly stopGraceMs: number;
  private child: UtilityProcess | null = null;
  private startedAt = 0;
  private restartTimer: unknown = null;
  private readyTimer: unknown = null;
  private stopping = false;
  private readonly exitWaiters: Array<() => void> = [];

  constructor(private readonly options: ControllerProcessOptions) {
    // no jitter: a local process restart competes with nobody
    this.backoff = createBackoff(options.backoff ?? CONTROLLER_BACKOFF, Math.random);
    this.readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
    this.stopGraceMs = options.stopGraceMs ?? 6_000;
  }

  spawn(): void {
    if (this.stopping) return;
    const { options } = this;
    this.startedAt = options.clock.now();
    let proc: UtilityProcess;
    try {
      proc = options.utilityProcess.fork(options.modulePath, [...CONTROLLER_START_ARGS], {
        env: { ...options.env, [CONTROLLER_TOKEN_ENV]: options.token },
        serviceName: CONTROLLER_SERVICE_NAME,
        stdio: 'inherit',
      });
    } catch (e) {
      options.log.error({ err: String(e) }, 'controller could not be started');
      this.scheduleRestart(null);
      return;
    }
    this.child = proc;
    this.watch(proc);
  }

  stop(): Promise<void> {
    const { clock, log } = this.options;
    this.stopping = true;
    this.clearReadyTimer();
    if (this.restartTimer !== null) clock.clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const running = this.child;
    if (running === null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const grace = clock.setTimeout(() => {
        log.warn({ stopGraceMs: this.stopGraceMs }, 'controller did not exit in time');
        resolve();
      }, this.stopGraceMs);
      this.exitWaiters.push(() => {
        clock.clearTimeout(grace);
        resolve();
      });
      running.kill();
    });
  }

  /** Ready within the time limit or killed; an exit restarts it unless we are stopping. */
  private watch(proc: UtilityProcess): void {
    const { clock, log } = this.options;
    const readyTimeoutMs = this.readyTimeoutMs;
    this.readyTimer = clock.setTimeout(() => {
      this.readyTimer = null;
      log.error({ readyTimeoutMs }, 'controller never reported ready; killing it');
      proc.kill();
    }, readyTimeoutMs);
    proc.on('message', (message: unknown) => {
      if (proc !== this.child) return;
      const ready = ControllerReady.safeParse(message);
      if (!ready.success) return; // anything else on the port is not for the shell
      this.clearReadyTimer();
      log.info({ url: ready.data.url }, 'controller ready');
      this.options.onReady(ready.data.url);
    });
    proc.on('error', (type: string, location: string) => log.error({ type, location }, 'controller fatal error'));
    proc.on('exit', (code: number) => {
      if (proc !== this.child) return;
      this.child = null;
      this.clearReadyTimer();
      if (this.stopping) {
        this.exitWaiters.splice(0).forEach((resolve) => resolve());
        return;
      }
      this.scheduleRestart(code);
    });
  }

  private clearReadyTimer(): void {
    if (this.readyTimer !== null) this.options.clock.clearTimeout(this.readyTimer);
    this.readyTimer = null;
  }

  private scheduleRestart(exitCode: number | null): void {
    const { clock, log } = this.options;
    const restartInMs = this.backoff.next(clock.now() - this.startedAt);
    log.warn({ exitCode, restartInMs }, 'controller exited; restarting');
    this.options.onDown({ exitCode, restartInMs });
    this.restartTimer = clock.setTimeout(() => {
      this.restartTimer = null;
      this.spawn();
    }, restartInMs);
  }
}
