/**
 * Opens the robot's SQLite file the durable way: WAL journal, synchronous FULL (a committed
 * transaction survives power loss, not only a process crash), foreign keys on, a busy timeout,
 * then applies pending migrations.
 */
import Database from 'better-sqlite3';
import type { Migration } from './queue-migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** A file path, or ':memory:' for tests and peers in benchmarks. */
  file: string;
  /** Only for benchmarks comparing against a non-durable peer. */
  synchronous?: 'FULL' | 'NORMAL' | 'OFF';
}

export function openSqlite(options: OpenOptions, migrations: readonly Migration[]): Db {
  const db = new Database(options.file);
  try {
    if (options.file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function migrate(db: Db, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (current > known) throw new Error(`store schema version ${current} is newer than this program knows (${known})`);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
