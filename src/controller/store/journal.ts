/**
 * The outbox (events for the center, drained by the sync client) and the audit trail. Both are
 * written inside the caller's transaction so they can never disagree with the tickets table.
 */
import { stmt, type Db } from './database';
import { eventPayload, type TicketEventPayload, type TicketRow } from './ticket-rows';

export interface OutboxEvent {
  id: number;
  /** Idempotency key for the center: robot id + ticket id + version. */
  key: string;
  type: 'ticket.changed';
  ticketId: string;
  payload: TicketEventPayload;
  createdAt: string;
}

export function enqueueTicketEvent(db: Db, row: TicketRow): void {
  stmt(db, 'INSERT INTO outbox (event_key, type, ticket_id, payload, created_at_ms) VALUES (?, ?, ?, ?, ?)').run(
    `${row.robot_id}:${row.id}:v${row.version}`,
    'ticket.changed',
    row.id,
    JSON.stringify(eventPayload(row)),
    row.updated_at_ms,
  );
}

export function audit(db: Db, atMs: number, actor: string, action: string, ticketId: string | null, detail?: Record<string, unknown>): void {
  stmt(db, 'INSERT INTO audit (at_ms, actor, action, ticket_id, detail) VALUES (?, ?, ?, ?, ?)').run(
    atMs,
    actor,
    action,
    ticketId,
    detail ? JSON.stringify(detail) : null,
  );
}

interface OutboxRow {
  id: number;
  event_key: string;
  ticket_id: string;
  payload: string;
  created_at_ms: number;
}

/** The oldest `n` events not yet acknowledged; taking does not remove (at-least-once). */
export function takeBatch(db: Db, n: number): OutboxEvent[] {
  const limit = Math.max(1, Math.min(1000, Math.floor(n)));
  // other kinds (service.audit) share the table but go to the center by their own route
  const rows = stmt(db, `SELECT id, event_key, ticket_id, payload, created_at_ms FROM outbox WHERE type = 'ticket.changed' ORDER BY id LIMIT ?`).all(limit) as OutboxRow[];
  return rows.map((r) => ({
    id: r.id,
    key: r.event_key,
    type: 'ticket.changed',
    ticketId: r.ticket_id,
    payload: JSON.parse(r.payload) as TicketEventPayload,
    createdAt: new Date(r.created_at_ms).toISOString(),
  }));
}

/** The center has stored these events: drop them and mark their tickets synced (in the caller's transaction). */
export function ack(db: Db, ids: readonly number[], atMs: number): number {
  const select = stmt(db, 'SELECT ticket_id FROM outbox WHERE id = ?');
  const del = stmt(db, 'DELETE FROM outbox WHERE id = ?');
  const synced = stmt(db, 'UPDATE tickets SET synced_at_ms = ? WHERE id = ? AND synced_at_ms IS NULL');
  let removed = 0;
  for (const id of ids) {
    const row = select.get(id) as { ticket_id: string } | undefined;
    if (!row) continue; // acknowledged twice: harmless
    removed += del.run(id).changes;
    synced.run(atMs, row.ticket_id);
  }
  return removed;
}

export function pendingCount(db: Db): number {
  return (stmt(db, `SELECT count(*) AS n FROM outbox WHERE type = 'ticket.changed'`).get() as { n: number }).n;
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
