/**
 * Ratings taken at the robot while the center could not be reached: they wait in the store's
 * outbox table (they survive a restart), one per ticket (the event key is the ticket id, so a
 * second rating of the same ticket is ignored, as the center would), until the sync loop delivers
 * them to POST /v1/robot/ratings/:ticketId. Without a database (unit tests) they wait in memory.
 */
import type { RatingRequest } from '../../contract/sync';
import type { Db } from '../store/database';

/** The store's outbox rows of ratings (the other drains read only their own types). */
export const RATING_OUTBOX_TYPE = 'rating';
/** A lobby's offline hour gives a few dozen; past this the oldest are dropped (and counted). */
export const MAX_PENDING_RATINGS = 500;

export interface PendingRating {
  ticketId: string;
  rating: RatingRequest;
}

export class RatingOutbox {
  private readonly memory = new Map<string, PendingRating>();
  private readonly listeners = new Set<() => void>();
  /** Ratings dropped because too many waited: a health signal for the technician. */
  dropped = 0;

  constructor(private readonly db?: Db) {}

  add(item: PendingRating, atMs: number): void {
    if (!this.db) {
      if (!this.memory.has(item.ticketId)) this.memory.set(item.ticketId, item);
    } else {
      const db = this.db;
      this.dropped += db.transaction(() => {
        db.prepare('INSERT OR IGNORE INTO outbox (event_key, type, ticket_id, payload, created_at_ms) VALUES (?, ?, ?, ?, ?)')
          .run(`rating:${item.ticketId}`, RATING_OUTBOX_TYPE, null, JSON.stringify(item), atMs);
        const over = (db.prepare('SELECT count(*) AS n FROM outbox WHERE type = ?').get(RATING_OUTBOX_TYPE) as { n: number }).n - MAX_PENDING_RATINGS;
        return over > 0 ? db.prepare('DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE type = ? ORDER BY id LIMIT ?)').run(RATING_OUTBOX_TYPE, over).changes : 0;
      }).immediate();
    }
    for (const l of this.listeners) l();
  }

  /** Oldest first; taking does not remove (at-least-once: the center's answer to a resend is 200). */
  pending(max = MAX_PENDING_RATINGS): PendingRating[] {
    if (!this.db) return [...this.memory.values()].slice(0, max);
    const rows = this.db.prepare('SELECT payload FROM outbox WHERE type = ? ORDER BY id LIMIT ?').all(RATING_OUTBOX_TYPE, Math.max(0, Math.floor(max))) as { payload: string }[];
    return rows.map((r) => JSON.parse(r.payload) as PendingRating);
  }

  /** The center answered for these tickets (stored, or refused for good): forget them. */
  ack(ticketIds: readonly string[]): void {
    if (!this.db) return void ticketIds.forEach((id) => this.memory.delete(id));
    const db = this.db;
    const del = db.prepare('DELETE FROM outbox WHERE type = ? AND event_key = ?');
    db.transaction(() => ticketIds.forEach((id) => del.run(RATING_OUTBOX_TYPE, `rating:${id}`))).immediate();
  }

  onRating(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
