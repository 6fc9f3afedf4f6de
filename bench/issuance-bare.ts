/**
 * Durable issuance's bare peer: better-sqlite3 alone, the same file settings as the robot's store
 * (WAL, synchronous FULL, the same migrated schema, indexes and triggers), committing one
 * same-shaped INSERT INTO tickets per transaction with a statement prepared once. Every commit is
 * one fsync of the WAL, as each `issue` is, and writes the one row an issue writes (migration 6):
 * the limit of a durable issue on this disk.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/controller/store/database';

export interface BareCommitLoop {
  /** Commits `n` tickets, one transaction each; returns the milliseconds each took. */
  commit(n: number): number[];
  close(): void;
}

export function openBareCommitLoop(file: string, atMs: number): BareCommitLoop {
  const db = openDatabase(file, { synchronous: 'FULL' });
  // the ticket's number source (a foreign key, as in the store)
  const source = db.prepare(`INSERT INTO number_sources (prefix, day, kind, lease_id, first, last, next, created_at_ms) VALUES ('A', '2026-11-30', 'lease', 'bare', 1, 90000, 1, ?)`).run(atMs).lastInsertRowid;
  const insert = db.prepare(
    `INSERT INTO tickets (id, robot_id, service_id, counter_group, prefix, day, number, display, source_id, category_id, kind,
       language, state, version, print_attempts, issued_at_ms, updated_at_ms)
     VALUES (?, 'bench', 'birth-registration', 'civil', 'A', '2026-11-30', ?, ?, ?, 'elderly', 'priority', 'vi', 'issued', 1, 0, ?, ?)`,
  );
  const one = db.transaction((n: number) => insert.run(randomUUID(), n, `A${String(n).padStart(5, '0')}`, source, atMs, atMs));
  let number = 0;
  return {
    commit(n) {
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        one.immediate(++number);
        ms.push(performance.now() - t0);
      }
      return ms;
    },
    close: () => db.close(),
  };
}
