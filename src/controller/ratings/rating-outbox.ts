/**
 * Ratings taken at the robot while the center could not be reached: they wait in the store's
 * outbox (they survive a restart), one per ticket (the key is the ticket id, so a second rating
 * of the same ticket is ignored, as the center would), until the sync loop delivers them to
 * POST /v1/robot/ratings/:ticketId. Without a store (unit tests) they wait in memory.
 */
import type { RatingRequest } from '../../contract/sync';
import { memoryOutboxQueue, type OutboxKind, type OutboxQueue, type OutboxQueues } from '../store/outbox-queue';

/** The store's outbox rows of ratings (the other drains read only their own types). */
export const RATING_OUTBOX_TYPE = 'rating';
/** A lobby's offline hour gives a few dozen; past this the oldest are dropped (and counted). */
export const MAX_PENDING_RATINGS = 500;
const RATINGS: OutboxKind = { type: RATING_OUTBOX_TYPE, keyPrefix: 'rating', cap: MAX_PENDING_RATINGS };

export interface PendingRating {
  ticketId: string;
  rating: RatingRequest;
}

export class RatingOutbox {
  private readonly queue: OutboxQueue<PendingRating>;
  private readonly listeners = new Set<() => void>();
  /** Ratings dropped because too many waited: a health signal for the technician. */
  dropped = 0;

  constructor(store?: OutboxQueues) {
    this.queue = store ? store.outboxQueue<PendingRating>(RATINGS) : memoryOutboxQueue<PendingRating>(MAX_PENDING_RATINGS);
  }

  add(item: PendingRating, atMs: number): void {
    this.dropped += this.queue.add(item.ticketId, item, atMs);
    for (const l of this.listeners) l();
  }

  /** Oldest first; taking does not remove (at-least-once: the center's answer to a resend is 200). */
  pending(max = MAX_PENDING_RATINGS): PendingRating[] {
    return this.queue.list(max);
  }

  /** The center answered for these tickets (stored, or refused for good): forget them. */
  ack(ticketIds: readonly string[]): void {
    this.queue.remove(ticketIds);
  }

  onRating(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
