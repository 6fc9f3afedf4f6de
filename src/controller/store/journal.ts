/**
 * What the center is owed (every ticket whose version is above the one it acknowledged, drained by
 * the sync client) and the audit trail. The owed tickets are read from the tickets table itself, so
 * they can never disagree with it; audit lines are written inside the caller's transaction.
 */
import { stmt, type Db } from './database';
import { eventPayload, type TicketEventPayload, type TicketRow } from './ticket-rows';

export interface OutboxEvent {
  /** Idempotency key for the center: robot id + ticket id + version. */
  key: string;
  type: 'ticket.changed';
  ticketId: string;
  /** The version sent; acknowledging it leaves a later one owed. */
  version: number;
  payload: TicketEventPayload;
  createdAt: string;
}

/** What acknowledges an event: the ticket and the version the center stored. */
export type OutboxAck = Pick<OutboxEvent, 'ticketId' | 'version'>;

export function audit(db: Db, atMs: number, actor: string, action: string, ticketId: string | null, detail?: Record<string, unknown>): void {
  stmt(db, 'INSERT INTO audit (at_ms, actor, action, ticket_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    atMs,
    actor,
    action,
    ticketId,
    detail ? JSON.stringify(detail) : null,
  );
}

/**
 * The `n` tickets changed longest ago and not acknowledged at their version, each as its latest
 * version (an earlier one not yet sent is superseded: the center keeps the highest). Taking does
 * not remove (at-least-once).
 */
export function takeBatch(db: Db, n: number): OutboxEvent[] {
  const limit = Math.max(1, Math.min(1000, Math.floor(n)));
  const rows = stmt(db, 'SELECT * FROM tickets WHERE acked_version < version ORDER BY updated_at_ms LIMIT ?').all(limit) as TicketRow[];
  return rows.map((r) => ({
    key: `${r.robot_id}:${r.id}:v${r.version}`,
    type: 'ticket.changed',
    ticketId: r.id,
    version: r.version,
    payload: eventPayload(r),
    createdAt: new Date(r.updated_at_ms).toISOString(),
  }));
}

/** The center has stored these versions: they are no longer owed, and their tickets are synced (in the caller's transaction). */
export function ack(db: Db, acks: readonly OutboxAck[], atMs: number): number {
  const acked = stmt(db, 'UPDATE tickets SET acked_version = ?, synced_at_ms = coalesce(synced_at_ms, ?) WHERE id = ? AND acked_version < ?');
  let removed = 0;
  // acknowledged twice, or a version older than one already acknowledged: harmless
  for (const a of acks) removed += acked.run(a.version, atMs, a.ticketId, a.version).changes;
  return removed;
}

export function pendingCount(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM tickets WHERE acked_version < version').get() as { n: number }).n;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  ticketId: string | null;
  detail: Record<string, unknown> | null;
}

export function recentAudit(db: Db, limit = 100): AuditEntry[] {
  const rows = stmt(db, 'SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(Math.max(1, Math.min(1000, limit))) as {
    id: number; at_ms: number; actor: string; action: string; ticket_id: string | null; detail: string | null;
  }[];
  return rows.map((r) => ({ id: r.id, at: new Date(r.at_ms).toISOString(), actor: r.actor, action: r.action, ticketId: r.ticket_id, detail: r.detail ? JSON.parse(r.detail) : null }));
}
