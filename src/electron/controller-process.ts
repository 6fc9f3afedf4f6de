import {
  CONTROLLER_SERVICE_NAME,
  CONTROLLER_START_ARGS,
  CONTROLLER_TOKEN_ENV,
  ControllerReady,
} from '../contract/shell-controller';
import { createBackoff, type BackoffPolicy } from '../core/backoff';
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
  const { clock, log } = options;
  // no jitter: a local process restart competes with nobody
  const backoff = createBackoff(options.backoff ?? CONTROLLER_BACKOFF, Math.random);
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const stopGraceMs = options.stopGraceMs ?? 6_000;
  let child: UtilityProcess | null = null;
  let startedAt = 0;
  let restartTimer: unknown = null;
  let readyTimer: unknown = null;
  let stopping = false;
  const exitWaiters: Array<() => void> = [];

  const clearReadyTimer = () => {
    if (readyTimer !== null) clock.clearTimeout(readyTimer);
    readyTimer = null;
  };

  const scheduleRestart = (exitCode: number | null) => {
    const restartInMs = backoff.next(clock.now() - startedAt);
    log.warn({ exitCode, restartInMs }, 'controller exited; restarting');
    options.onDown({ exitCode, restartInMs });
    restartTimer = clock.setTimeout(() => {
      restartTimer = null;
      spawn();
    }, restartInMs);
  };

  const spawn = () => {
    if (stopping) return;
    startedAt = clock.now();
    let proc: UtilityProcess;
    try {
      proc = options.utilityProcess.fork(options.modulePath, [...CONTROLLER_START_ARGS], {
        env: { ...options.env, [CONTROLLER_TOKEN_ENV]: options.token },
        serviceName: CONTROLLER_SERVICE_NAME,
        stdio: 'inherit',
      });
    } catch (e) {
      log.error({ err: String(e) }, 'controller could not be started');
      scheduleRestart(null);
      return;
    }
    child = proc;
    readyTimer = clock.setTimeout(() => {
      readyTimer = null;
      log.error({ readyTimeoutMs }, 'controller never reported ready; killing it');
      proc.kill();
    }, readyTimeoutMs);
    proc.on('message', (message: unknown) => {
      if (proc !== child) return;
      const ready = ControllerReady.safeParse(message);
      if (!ready.success) return; // anything else on the port is not for the shell
      clearReadyTimer();
      log.info({ url: ready.data.url }, 'controller ready');
      options.onReady(ready.data.url);
    });
    proc.on('error', (type: string, location: string) => log.error({ type, location }, 'controller fatal error'));
    proc.on('exit', (code: number) => {
      if (proc !== child) return;
      child = null;
      clearReadyTimer();
      if (stopping) {
        exitWaiters.splice(0).forEach((resolve) => resolve());
        return;
      }
      scheduleRestart(code);
    });
  };

  return {
    start: spawn,
    stop() {
      stopping = true;
      clearReadyTimer();
      if (restartTimer !== null) clock.clearTimeout(restartTimer);
      restartTimer = null;
      const running = child;
      if (running === null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const grace = clock.setTimeout(() => {
          log.warn({ stopGraceMs }, 'controller did not exit in time');
          resolve();
        }, stopGraceMs);
        exitWaiters.push(() => {
          clock.clearTimeout(grace);
          resolve();
        });
        running.kill();
      });
    },
  };
}
