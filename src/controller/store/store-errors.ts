/**
 * The one way a store write fails: every write of every repository in this folder runs through
 * `writeTransaction`, so the same SQLite condition gives the same code whichever table it hit.
 * A CodedError thrown inside (a refused transition, an unknown ticket) keeps its own code.
 */
import type Database from 'better-sqlite3';
import { CodedError, isCodedError, type ErrorCode } from '../../contract/error-codes';

type Db = Database.Database;

/** SQLite's primary result code for a failure (`SQLITE_CONSTRAINT_UNIQUE` → `SQLITE_CONSTRAINT`). */
function sqliteCode(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  return code.split('_').slice(0, 2).join('_');
}

/** SQLite could not grow the file: the disk (or the page limit a test sets) is full. */
export function isDiskFull(e: unknown): boolean {
  return sqliteCode(e) === 'SQLITE_FULL';
}

/**
 * The code a person is shown: a full disk and a file held by another process each have their own
 * (staff fix them differently); anything else SQLite refused (a constraint, I/O, a read-only file)
 * is QUEUE_STORE_FAILED. The transaction rolled back whole in every case.
 */
export function storeErrorCode(e: unknown): ErrorCode {
  switch (sqliteCode(e)) {
    case 'SQLITE_FULL':
      return 'STORE_DISK_FULL';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'STORE_LOCKED';
    default:
      return 'QUEUE_STORE_FAILED';
  }
}

export function storeFailure(e: unknown): CodedError {
  if (isCodedError(e)) return e;
  return new CodedError(storeErrorCode(e), e instanceof Error ? e.message : String(e));
}

export type WriteTransaction = <T>(fn: () => T) => T;

/**
 * Runs `fn` in an IMMEDIATE transaction on `db` (a savepoint when one is already open), errors
 * mapped by `storeFailure`. The wrapper is built once: better-sqlite3 makes five per `transaction()`.
 */
export function writeTransaction(db: Db): WriteTransaction {
  const tx = db.transaction((fn: () => unknown) => fn());
  return <T>(fn: () => T): T => {
    try {
      return tx.immediate(fn) as T;
    } catch (e) {
      throw storeFailure(e);
    }
  };
}
