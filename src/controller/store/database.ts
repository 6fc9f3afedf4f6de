/**
 * Opens the robot's SQLite file the durable way: WAL journal (readers never block the writer),
 * synchronous FULL (a committed ticket survives power loss, not only a process crash), foreign
 * keys on, a busy timeout; then applies the pending versioned migrations, one transaction each.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodedError } from '../../contract/error-codes';
import { QUEUE_MIGRATIONS, type Migration } from './queue-migrations';

export type Db = Database.Database;

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The statement for `sql` on `db`, compiled once per connection: compiling costs more than
 * running the small statements of an issue (profiled: ~10 % of its CPU). SQLite recompiles a
 * cached statement by itself after a schema change; the cache goes with the connection.
 */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export interface OpenOptions {
  /** Only for benchmarks comparing against a non-durable peer. */
  synchronous?: 'FULL' | 'NORMAL' | 'OFF';
  migrations?: readonly Migration[];
}

/** `path` is a file (its folder is created) or ':memory:' for tests. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? QUEUE_MIGRATIONS);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function migrate(db: Db, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (current > known) throw new CodedError('STARTUP_STORE_TOO_NEW', `store schema version ${current} is newer than this program knows (${known})`);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

export function integrityOk(db: Db): boolean {
  return db.pragma('integrity_check', { simple: true }) === 'ok';
}
