/**
 * The center's side of calling: its tickets as the core calling rule sees them
 * (src/core/queue/call-order.ts decides who is next), and the wait range shown for a ticket.
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

/**
 * Minutes until a ticket is likely called: the people ahead share the open counters of the
 * group, each taking about `serviceMinutes`. A range (±30 %, at least a minute wide), never negative.
 */
export function waitRange(ahead: number, serviceMinutes: number, counters: number): { min: number; max: number } {
  const mid = (Math.max(0, ahead) * Math.max(1, serviceMinutes)) / Math.max(1, counters);
  const min = Math.max(0, Math.floor(mid * 0.7));
  return { min, max: Math.max(min + 1, Math.ceil(mid * 1.3)) };
}
