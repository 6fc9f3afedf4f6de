/**
 * Durable issuance's bare peer: better-sqlite3 alone, the same file settings as the robot's store
 * (WAL, synchronous FULL, the same migrated schema and indexes), committing one same-shaped
 * INSERT INTO tickets per transaction with a statement prepared once. Every commit is one fsync
 * of the WAL, as each `issue` is: the limit of a durable commit on this disk.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/controller/store/database';

export interface BareCommitLoop {
  /** Commits `n` tickets, one transaction each; returns the milliseconds each took. */
  commit(n: number): number[];
  close(): void;
}

/**
 * A second peer, to tell the store's overhead from its work: the same writes one `issue` makes
 * (number cursor, ticket, outbox event, audit line; each statement prepared once, JSON built
 * inline) in one transaction per ticket, nothing read and nothing planned.
 */
export function openSameWorkCommitLoop(file: string, atMs: number): BareCommitLoop {
  const db = openDatabase(file, { synchronous: 'FULL' });
  const source = db.prepare(`INSERT INTO number_sources (prefix, day, kind, lease_id, first, last, next, created_at_ms) VALUES ('A', '2026-11-30', 'lease', 'bare', 1, 90000, 1, ?)`).run(atMs).lastInsertRowid;
  const advance = db.prepare('UPDATE number_sources SET next = next + 1 WHERE id = ? AND next <= last');
  const insert = db.prepare(
    `INSERT INTO tickets (id, robot_id, service_id, counter_group, prefix, day, number, display, source_id, category_id, kind,
       language, state, version, print_attempts, issued_at_ms, updated_at_ms)
     VALUES (?, 'bench', 'birth-registration', 'civil', 'A', '2026-11-30', ?, ?, ?, 'elderly', 'priority', 'vi', 'issued', 1, 0, ?, ?)`,
  );
  const outbox = db.prepare('INSERT INTO outbox (event_key, type, ticket_id, payload, created_at_ms) VALUES (?, ?, ?, ?, ?)');
  const audit = db.prepare('INSERT INTO audit (at_ms, actor, action, ticket_id, detail) VALUES (?, ?, ?, ?, ?)');
  const one = db.transaction((n: number) => {
    const id = randomUUID();
    const display = `A${String(n).padStart(5, '0')}`;
    advance.run(source);
    insert.run(id, n, display, source, atMs, atMs);
    outbox.run(`bench:${id}:v1`, 'ticket.changed', id, JSON.stringify({ id, display, state: 'issued', version: 1 }), atMs);
    audit.run(atMs, 'robot', 'ticket.issued', id, JSON.stringify({ display, day: '2026-11-30', source: 'lease' }));
  });
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
