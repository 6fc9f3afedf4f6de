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

/** The two calls of node:fs the writer needs: passed in, so this module stays free of Node. */
export interface ReportFiles {
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
  writeFileSync(path: string, data: string, options: { mode: number }): unknown;
}

/** The part of `process` used: the monitor event runs before Node.js's default crash. */
export interface FatalErrorSource {
  on(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
}

/**
 * The one writer of fatal-error reports (controller and shell): <crashesDir>/fatal-<time>-<pid>.json,
 * synchronously (the process is ending). Returns the path, or null on a full or read-only disk
 * (the journal still has Node.js's own message).
 */
export function writeFatalErrorReport(files: ReportFiles, crashesDir: string, error: unknown, context: FatalContext & { pid: number }): string | null {
  const path = `${crashesDir}/${fatalErrorFileName(context.now, context.pid)}`;
  try {
    files.mkdirSync(crashesDir, { recursive: true, mode: 0o750 });
    files.writeFileSync(path, `${JSON.stringify(fatalErrorReport(error, context), null, 2)}\n`, { mode: 0o640 });
    return path;
  } catch {
    return null;
  }
}

/**
 * Records every fatal error of `source` without changing what happens next: Node.js still prints
 * it and exits; the shell or systemd restarts. Returns the uninstaller.
 */
export function recordFatalErrors(
  files: ReportFiles,
  crashesDir: string,
  source: FatalErrorSource,
  options: { version: string; now: () => Date; pid: number; process?: string },
): () => void {
  const listener = (error: Error, origin: string) => {
    writeFatalErrorReport(files, crashesDir, error, { now: options.now(), version: options.version, origin, pid: options.pid, ...(options.process ? { process: options.process } : {}) });
  };
  source.on('uncaughtExceptionMonitor', listener);
  return () => void source.off('uncaughtExceptionMonitor', listener);
}
