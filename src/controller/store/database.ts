import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** Ordered schema steps; step i brings user_version from i to i + 1. Never edit a shipped step. */
const MIGRATIONS: string[] = [
  `CREATE TABLE tickets (
     id TEXT PRIMARY KEY,
     service_id TEXT NOT NULL,
     prefix TEXT NOT NULL,
     day TEXT NOT NULL,
     number INTEGER NOT NULL,
     display TEXT NOT NULL,
     language TEXT NOT NULL,
     state TEXT NOT NULL,
     print_error TEXT,
     issued_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     UNIQUE (prefix, day, number)
   );
   CREATE TABLE number_series (
     prefix TEXT NOT NULL,
     day TEXT NOT NULL,
     last_number INTEGER NOT NULL,
     PRIMARY KEY (prefix, day)
   );`,
];

/**
 * Opens the robot's store: WAL so readers never block the writer, synchronous FULL so a
 * committed ticket survives power loss, migrations applied in one transaction each.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export function integrityOk(db: Db): boolean {
  return db.pragma('integrity_check', { simple: true }) === 'ok';
}
