/** The realtime stream's log: appended inside the transaction of the change it describes. */
import type { StreamEvent, StreamEventType } from '../../../contract/sync';
import type { NewEvent } from '../port';
import type { Db } from './open';

/** How many events the center keeps for resuming clients; older ids get a `stream.reset`. */
export const EVENTS_KEPT = 20_000;

export function appendEvent(db: Db, e: NewEvent, nowMs: number): number {
  const id = Number(db.prepare('INSERT INTO events (at_ms, type, data) VALUES (?, ?, ?)').run(nowMs, e.type, JSON.stringify(e.data)).lastInsertRowid);
  // prune now and then, not on every append
  if (id % 1000 === 0) db.prepare('DELETE FROM events WHERE id <= ?').run(id - EVENTS_KEPT);
  return id;
}

interface EventRow {
  id: number;
  at_ms: number;
  type: StreamEventType;
  data: string;
}

export function eventsAfter(db: Db, afterId: number, limit: number): StreamEvent[] {
  const rows = db.prepare('SELECT id, at_ms, type, data FROM events WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as EventRow[];
  return rows.map((r) => ({ id: r.id, at: r.at_ms, type: r.type, data: JSON.parse(r.data) }));
}

export function firstEventId(db: Db): number {
  return (db.prepare('SELECT coalesce(min(id), 0) AS n FROM events').get() as { n: number }).n;
}

export function lastEventId(db: Db): number {
  // sqlite_sequence survives pruning, so ids never go back even when the table is empty
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}
