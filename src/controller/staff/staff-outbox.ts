import type { StaffCall } from '../../contract';
import type { Db } from '../store/database';
import type { StaffNotifier } from './port';

/** A lobby makes a few calls an hour; past this the oldest unsent call is dropped (and counted). */
export const MAX_PENDING_CALLS = 200;
/** The store's outbox rows of staff calls (the ticket and audit drains read only their own types). */
export const STAFF_CALL_OUTBOX_TYPE = 'staff.call';

/** Where the calls wait: the store's outbox table (survives a restart), or memory in tests. */
interface CallQueue {
  add(call: StaffCall): number;
  list(max: number): StaffCall[];
  remove(ids: readonly string[]): void;
}

function memoryQueue(): CallQueue {
  const calls: StaffCall[] = [];
  return {
    add: (call) => {
      calls.push(call);
      return calls.length > MAX_PENDING_CALLS ? calls.splice(0, calls.length - MAX_PENDING_CALLS).length : 0;
    },
    list: (max) => calls.slice(0, max),
    remove: (ids) => {
      const done = new Set(ids);
      for (let i = calls.length - 1; i >= 0; i--) if (done.has(calls[i]!.id)) calls.splice(i, 1);
    },
  };
}

function sqliteQueue(db: Db): CallQueue {
  const insert = db.prepare('INSERT OR IGNORE INTO outbox (event_key, type, ticket_id, payload, created_at_ms) VALUES (?, ?, NULL, ?, ?)');
  const count = db.prepare('SELECT count(*) AS n FROM outbox WHERE type = ?');
  const trim = db.prepare('DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE type = ? ORDER BY id LIMIT ?)');
  const select = db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY id LIMIT ?');
  const del = db.prepare('DELETE FROM outbox WHERE type = ? AND event_key = ?');
  return {
    add: (call) =>
      db.transaction(() => {
        insert.run(`staff:${call.id}`, STAFF_CALL_OUTBOX_TYPE, JSON.stringify(call), Date.parse(call.calledAt) || 0);
        const over = (count.get(STAFF_CALL_OUTBOX_TYPE) as { n: number }).n - MAX_PENDING_CALLS;
        return over > 0 ? trim.run(STAFF_CALL_OUTBOX_TYPE, over).changes : 0;
      }).immediate(),
    list: (max) => (select.all(STAFF_CALL_OUTBOX_TYPE, Math.max(0, Math.floor(max))) as { payload: string }[]).map((r) => JSON.parse(r.payload) as StaffCall),
    remove: (ids) => db.transaction(() => ids.forEach((id) => del.run(STAFF_CALL_OUTBOX_TYPE, `staff:${id}`))).immediate(),
  };
}

/**
 * The StaffNotifier the controller starts with: calls wait here until whoever carries them to the
 * center (the sync client) takes them and acknowledges them. Given the store's database, they wait
 * in its outbox table, so a call made while the center is cut off survives a restart; without one
 * (unit tests) they wait in memory. Listeners hear each call as it arrives (the sync loop, a light).
 */
export class StaffCallOutbox implements StaffNotifier {
  private readonly queue: CallQueue;
  private readonly listeners = new Set<(call: StaffCall) => void>();
  /** Calls dropped because nobody took them in time: a health signal for the technician. */
  dropped = 0;

  constructor(db?: Db) {
    this.queue = db ? sqliteQueue(db) : memoryQueue();
  }

  notify(call: StaffCall): Promise<void> {
    try {
      this.dropped += this.queue.add(call);
    } catch (e) {
      // the staff.call command turns this into STAFF_CALL_FAILED: the visitor is sent to the desk
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    for (const l of this.listeners) l(call);
    return Promise.resolve();
  }

  /** Oldest first; taking does not remove (at-least-once, like the ticket outbox). */
  pending(max = MAX_PENDING_CALLS): StaffCall[] {
    return this.queue.list(max);
  }

  /** The center has these: forget them. Unknown ids are ignored (acknowledging twice is harmless). */
  ack(ids: readonly string[]): void {
    this.queue.remove(ids);
  }

  onCall(listener: (call: StaffCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
