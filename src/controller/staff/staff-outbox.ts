import type { StaffCall } from '../../contract';
import { memoryOutboxQueue, type OutboxKind, type OutboxQueue, type OutboxQueues } from '../store/outbox-queue';
import type { StaffNotifier } from './port';

/** A lobby makes a few calls an hour; past this the oldest unsent call is dropped (and counted). */
export const MAX_PENDING_CALLS = 200;
/** The store's outbox rows of staff calls (the ticket and audit drains read only their own types). */
export const STAFF_CALL_OUTBOX_TYPE = 'staff.call';
const STAFF_CALLS: OutboxKind = { type: STAFF_CALL_OUTBOX_TYPE, keyPrefix: 'staff', cap: MAX_PENDING_CALLS };

/**
 * The StaffNotifier the controller starts with: calls wait here until whoever carries them to the
 * center (the sync client) takes them and acknowledges them. Given the store, they wait in its
 * outbox, so a call made while the center is cut off survives a restart; without one (unit tests)
 * they wait in memory. Listeners hear each call as it arrives (the sync loop, a light).
 */
export class StaffCallOutbox implements StaffNotifier {
  private readonly queue: OutboxQueue<StaffCall>;
  private readonly listeners = new Set<(call: StaffCall) => void>();
  /** Calls dropped because nobody took them in time: a health signal for the technician. */
  dropped = 0;

  constructor(store?: OutboxQueues) {
    this.queue = store ? store.outboxQueue<StaffCall>(STAFF_CALLS) : memoryOutboxQueue<StaffCall>(MAX_PENDING_CALLS);
  }

  notify(call: StaffCall): Promise<void> {
    try {
      this.dropped += this.queue.add(call.id, call, Date.parse(call.calledAt) || 0);
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
