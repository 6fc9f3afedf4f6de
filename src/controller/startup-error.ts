/**
 * Start-up failures (issue 16): whatever a part throws while the robot starts becomes one
 * StartupError with a stable code and the file or port it concerns, so `lobby-robot start` can
 * print one line a technician acts on and exit non-zero (systemd and the Electron shell restart
 * on that exit). Errors are told apart by their codes (errno, SQLite, CodedError), never by text.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { CodedError, isCodedError, type ErrorCode } from '../contract/error-codes';

export class StartupError extends CodedError {
  constructor(
    code: ErrorCode,
    /** The file, folder or host:port the failure concerns. */
    readonly subject: string,
    detail: string,
  ) {
    super(code, detail);
    this.name = 'StartupError';
  }

  /** The one line a person reads: cause, code and where the code is explained. */
  line(): string {
    return `lobby-robot: cannot start: ${this.subject}: ${this.message} [${this.code}] (see docs/troubleshooting/startup.md#${this.code.toLowerCase()})`;
  }
}

/** What a start-up step touches, to name it when the error itself does not. */
export interface StartupStep {
  /** The folder the step writes in (named for a full or read-only disk without a path). */
  dir: string;
  /** The SQLite file the step opens, and whose code a corrupt file gets. */
  sqlite?: { file: string; corrupt: 'STARTUP_STORE_CORRUPT' | 'STARTUP_CENTER_STORE_CORRUPT' };
  /** Named for a CodedError of these codes (e.g. the signing key file). */
  files?: Partial<Record<ErrorCode, string>>;
}

interface SystemError {
  code?: unknown;
  path?: unknown;
  address?: unknown;
  port?: unknown;
  message?: unknown;
}

export function startupError(e: unknown, step: StartupStep): StartupError {
  if (e instanceof StartupError) return e;
  const err = (typeof e === 'object' && e !== null ? e : {}) as SystemError;
  const code = typeof err.code === 'string' ? err.code : '';
  const detail = typeof err.message === 'string' ? err.message : String(e);
  const path = typeof err.path === 'string' ? err.path : undefined;
  if (isCodedError(e) && e.code.startsWith('STARTUP_')) {
    return new StartupError(e.code, step.files?.[e.code] ?? (e.code === 'STARTUP_STORE_TOO_NEW' ? step.sqlite?.file : undefined) ?? step.dir, detail);
  }
  if (typeof err.port === 'number' && (code === 'EADDRINUSE' || code === 'EACCES')) {
    return new StartupError('STARTUP_PORT_IN_USE', `${String(err.address ?? '127.0.0.1')}:${String(err.port)}`, detail);
  }
  const sqliteFile = step.sqlite?.file;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return new StartupError('STARTUP_DATA_DIR_FULL', path ?? sqliteFile ?? step.dir, detail);
  if (['EROFS', 'EACCES', 'EPERM'].includes(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new StartupError('STARTUP_DATA_DIR_NOT_WRITABLE', path ?? sqliteFile ?? step.dir, detail);
  }
  if (step.sqlite && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return new StartupError(step.sqlite.corrupt, step.sqlite.file, detail);
  return new StartupError('STARTUP_FAILED', path ?? sqliteFile ?? step.dir, detail);
}

/** Runs one start-up step; whatever it throws comes out as a StartupError naming what it touched. */
export async function startupStep<T>(step: StartupStep, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw startupError(e, step);
  }
}

/**
 * The data folder exists and takes a synced write: a read-only or full disk is named as such at
 * once, not as whatever the first part to write there happens to meet.
 */
export function probeDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, Buffer.alloc(4096));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Listens on host:port, or throws a StartupError naming them (a port in use, one not allowed). */
export function listenOn(server: Server, port: number, host: string): Promise<void> {
  return startupStep({ dir: `${host}:${port}` }, () => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  }));
}

/** Closes a listening server and the connections it holds. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
