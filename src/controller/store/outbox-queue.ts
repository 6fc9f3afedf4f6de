/**
 * A bounded queue of one kind of item for the center (staff calls, ratings), kept in the store's
 * `outbox` table under its own `type` so the ticket and audit drains never see it. An item is
 * identified by its key (adding the same key twice keeps the first); past `cap` items the oldest
 * are dropped and counted. Taking does not remove: the caller removes what the center has.
 */
import { stmt, type Db } from './database';
import type { WriteTransaction } from './store-errors';

export interface OutboxQueue<T> {
  /** Stores `item` under `key`; returns how many of the oldest were dropped to stay under the cap. */
  add(key: string, item: T, atMs: number): number;
  /** Oldest first. */
  list(max: number): T[];
  remove(keys: readonly string[]): void;
}

/** Where queues of the store are made: QueueStore implements it; the callers know no SQL. */
export interface OutboxQueues {
  outboxQueue<T>(kind: OutboxKind): OutboxQueue<T>;
}

export interface OutboxKind {
  /** The rows' `type` column. */
  type: string;
  /** Prefix of the rows' `event_key` (kept as files already written have it). */
  keyPrefix: string;
  cap: number;
}

export function sqliteOutboxQueue<T>(db: Db, write: WriteTransaction, { type, keyPrefix, cap }: OutboxKind): OutboxQueue<T> {
  const keyOf = (key: string) => `${keyPrefix}:${key}`;
  return {
    add: (key, item, atMs) =>
      write(() => {
        stmt(db, 'INSERT OR IGNORE INTO outbox (event_key, type, ticket_id, payload, created_at_ms) VALUES (?, ?, NULL, ?, ?)').run(keyOf(key), type, JSON.stringify(item), atMs);
        const over = (stmt(db, 'SELECT count(*) AS n FROM outbox WHERE type = ?').get(type) as { n: number }).n - cap;
        return over > 0 ? stmt(db, 'DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE type = ? ORDER BY id LIMIT ?)').run(type, over).changes : 0;
      }),
    list: (max) =>
      (stmt(db, 'SELECT payload FROM outbox WHERE type = ? ORDER BY id LIMIT ?').all(type, Math.max(0, Math.floor(max))) as { payload: string }[]).map((r) => JSON.parse(r.payload) as T),
    remove: (keys) => write(() => keys.forEach((key) => stmt(db, 'DELETE FROM outbox WHERE type = ? AND event_key = ?').run(type, keyOf(key)))),
  };
}

/** The same queue in memory, for a controller run without a store file (unit tests). */
export function memoryOutboxQueue<T>(cap: number): OutboxQueue<T> {
  const items = new Map<string, T>();
  return {
    add: (key, item) => {
      if (items.has(key)) return 0;
      items.set(key, item);
      const over = Math.max(0, items.size - cap);
      [...items.keys()].slice(0, over).forEach((k) => items.delete(k));
      return over;
    },
    list: (max) => [...items.values()].slice(0, Math.max(0, Math.floor(max))),
    remove: (keys) => keys.forEach((k) => items.delete(k)),
  };
}
