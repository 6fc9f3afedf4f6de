/**
 * What the sync client needs from the robot's durable store. The queue branch's QueueStore
 * (src/controller/store/queue-store.ts) has these methods with these shapes, so it can be passed
 * as is; tests pass small in-memory fakes.
 */
import type { ErrorCode } from '../../contract/error-codes';
import type { StaffCall } from '../../contract/staff';
import type { Lease, TicketChangeInput } from '../../contract/sync';

export interface OutboxEvent {
  /** Idempotency key (robot id + ticket id + version); sent along for the center's logs. */
  key: string;
  ticketId: string;
  /** The version this event carries; what `ack` takes with the ticket id. */
  version: number;
  /** The change as the center's TicketChange schema reads it: { ticket, version, kind, prefix, ... }. */
  payload: Omit<TicketChangeInput, 'key'>;
}

export interface OutboxPort {
  /** The oldest `max` tickets owed to the center, each at its latest version; taking does not remove (at-least-once). */
  takeBatch(max: number): OutboxEvent[];
  /** The center stored these versions (acknowledging twice, or an older version, is harmless). */
  ack(acks: readonly Pick<OutboxEvent, 'ticketId' | 'version'>[]): unknown;
  pendingCount(): number;
}

export interface LeaseNeed {
  prefix: string;
  day: string;
  remaining: number;
  leasedUpTo: number | null;
}

export interface LeasePort {
  /** Prefixes of `day` whose leased numbers fell below the low-water mark. */
  leaseNeeds(day?: string, lowWater?: number): LeaseNeed[];
  /** Stores a block from the center; refuses (throws) one that overlaps numbers already held. */
  addLease(lease: Lease): 'added' | 'known';
  /** The request id for (prefix, day), durably stored before it is returned; the same one until answered. */
  leaseRequestId(prefix: string, day: string): string;
  /** The center answered this request (after addLease): the next one gets a new id. */
  leaseAnswered(requestId: string): void;
}

/** Optional: what the center says happened to this robot's tickets, and items it refused for good. */
export interface TicketMarksPort {
  applyCenterMark(ticketId: string, mark: { calledAt?: Date; servedAt?: Date; counterId?: string }): void;
  flag(ticketId: string, attention: ErrorCode): unknown;
}

/**
 * Optional: staff calls waiting for the center (StaffCallOutbox in ../staff has these methods).
 * `pending` does not remove; `ack` takes call ids; `onCall` lets the sync loop wake at once.
 */
export interface StaffCallsPort {
  pending(max: number): readonly StaffCall[];
  ack(ids: readonly string[]): unknown;
  onCall?(listener: (call: StaffCall) => void): () => void;
}

/** Optional: service-mode audit rows for the center (ServiceMode.auditOutbox has these methods). */
export interface AuditPort {
  takeBatch(max: number): { id: number; key: string; payload: { robotId: string; auditId: number; at: string; actor: string; action: string; detail: Record<string, unknown> | null } }[];
  ack(ids: readonly number[]): unknown;
  pendingCount(): number;
}
