import type { StaffCall } from '../../contract';
import type { StaffNotifier } from './port';

/** A lobby makes a few calls an hour; past this the oldest unsent call is dropped (and counted). */
export const MAX_PENDING_CALLS = 200;

/**
 * The StaffNotifier the controller starts with: calls wait here, in memory, until whoever carries
 * them to the center (the sync client) takes them and acknowledges them. Listeners hear each call
 * as it arrives (a staff page, the robot's lights).
 */
export class StaffCallOutbox implements StaffNotifier {
  private readonly calls: StaffCall[] = [];
  private readonly listeners = new Set<(call: StaffCall) => void>();
  /** Calls dropped because nobody took them in time: a health signal for the technician. */
  dropped = 0;

  notify(call: StaffCall): Promise<void> {
    this.calls.push(call);
    if (this.calls.length > MAX_PENDING_CALLS) {
      this.calls.shift();
      this.dropped++;
    }
    for (const l of this.listeners) l(call);
    return Promise.resolve();
  }

  /** Oldest first; taking does not remove (at-least-once, like the ticket outbox). */
  pending(max = MAX_PENDING_CALLS): StaffCall[] {
    return this.calls.slice(0, max);
  }

  /** The center has these: forget them. Unknown ids are ignored (acknowledging twice is harmless). */
  ack(ids: readonly string[]): void {
    const done = new Set(ids);
    for (let i = this.calls.length - 1; i >= 0; i--) if (done.has(this.calls[i]!.id)) this.calls.splice(i, 1);
  }

  onCall(listener: (call: StaffCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
