/**
 * The center's side of calling: its tickets as the core calling rule sees them
 * (src/core/queue/call-order.ts decides who is next).
 */
import type { QueuedTicket } from '../../core/queue/call-order';

export type Weights = Readonly<Record<string, number>>;

/** A waiting ticket as the center stores it, with the count the calling rule needs. */
export interface WaitingAtCenter {
  ticketId: string;
  categoryId: string | null;
  issuedAtMs: number;
  receivedSeq: number;
  /** Tickets of its group and day already called that were issued after it. */
  overtakenBy: number;
}

export function toQueued<T extends WaitingAtCenter>(t: T): QueuedTicket & { ticket: T } {
  return { id: t.ticketId, categoryId: t.categoryId, issuedAtMs: t.issuedAtMs, seq: t.receivedSeq, overtakenBy: t.overtakenBy, ticket: t };
}
