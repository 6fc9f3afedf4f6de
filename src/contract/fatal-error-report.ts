/**
 * The report a process writes when it dies of an uncaught exception: the controller and the
 * Electron shell's main process both write it to <data>/crashes, and the controller's heartbeat
 * summarises them for the center. It keeps the error's name, stable code and stack frames, never
 * its message (which may quote a citizen's data).
 */
const MAX_STACK_FRAMES = 20;

export interface FatalContext {
  now: Date;
  version: string;
  /** 'uncaughtException' or 'unhandledRejection', as Node.js names the origin. */
  origin: string;
  /** Which process: 'controller' or 'electron-main'. */
  process?: string;
}

export interface FatalErrorReport {
  kind: 'fatal-error';
  at: string;
  version: string;
  origin: string;
  process?: string;
  name: string;
  code?: string;
  frames: string[];
}

export function fatalErrorReport(error: unknown, context: FatalContext): FatalErrorReport {
  const err = error instanceof Error ? error : new Error(typeof error);
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, MAX_STACK_FRAMES)
    .map((l) => l.trim().slice(0, 300));
  return {
    kind: 'fatal-error',
    at: context.now.toISOString(),
    version: context.version,
    origin: context.origin,
    ...(context.process ? { process: context.process } : {}),
    name: err.name.slice(0, 80),
    ...(typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? { code } : {}),
    frames,
  };
}

/** fatal-<time>-<pid>.json: the name the controller's crash-report listing recognises. */
export function fatalErrorFileName(now: Date, pid: number): string {
  return `fatal-${now.toISOString().replace(/[:.]/g, '-')}-${pid}.json`;
}
