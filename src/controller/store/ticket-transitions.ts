/**
 * One state change of a ticket: checked against the state machine, versioned (a new version is
 * owed to the center: journal.ts), and written with its audit line and (for a void) its void
 * record, all in the caller's transaction.
 */
import type { TicketState } from '../../contract';
import { CodedError } from '../../contract/error-codes';
import { canTransition } from '../../core/queue';
import { audit } from './journal';
import { stmt, type Db } from './database';
import type { TicketRow } from './ticket-rows';

export function loadRow(db: Db, id: string): TicketRow {
  const row = stmt(db, 'SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
  if (!row) throw new CodedError('TICKET_NOT_FOUND', `ticket ${id}`);
  return row;
}

export interface TransitionPatch {
  print_attempts?: number;
  last_print_error?: string | null;
  attention?: string | null;
}

export function transition(
  db: Db,
  row: TicketRow,
  to: TicketState,
  atMs: number,
  actor: string,
  patch: TransitionPatch = {},
  detail?: Record<string, unknown>,
): TicketRow {
  if (!canTransition(row.state, to)) throw new CodedError('QUEUE_TICKET_STATE_CONFLICT', `ticket ${row.id}: ${row.state} -> ${to}`);
  const next: TicketRow = { ...row, ...patch, state: to, version: row.version + 1, updated_at_ms: atMs };
  stmt(db, 
    `UPDATE tickets SET state = ?, version = ?, updated_at_ms = ?, print_attempts = ?, last_print_error = ?, attention = ?
     WHERE id = ? AND version = ?`,
  ).run(next.state, next.version, next.updated_at_ms, next.print_attempts, next.last_print_error, next.attention, row.id, row.version);
  if (to === 'voided') {
    stmt(db, 'INSERT INTO voided_numbers (prefix, day, number, ticket_id, reason, actor, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      row.prefix, row.day, row.number, row.id, String(detail?.reason ?? 'unspecified'), actor, atMs,
    );
  }
  audit(db, atMs, actor, `ticket.${to}`, row.id, { from: row.state, ...detail });
  return next;
}

/** Flags a ticket for an operator without changing its state (still announced to the center). */
export function flag(db: Db, row: TicketRow, attention: string, atMs: number, actor: string): TicketRow {
  const next: TicketRow = { ...row, attention, version: row.version + 1, updated_at_ms: atMs };
  stmt(db, 'UPDATE tickets SET attention = ?, version = ?, updated_at_ms = ? WHERE id = ? AND version = ?').run(attention, next.version, atMs, row.id, row.version);
  audit(db, atMs, actor, 'ticket.flagged', row.id, { attention, state: row.state });
  return next;
}

export interface CenterMark {
  calledAt?: Date;
  servedAt?: Date;
  counterId?: string;
}

/** A mark from the center (called, served), in the caller's transaction: a first served time feeds the wait history. */
export function recordCenterMark(db: Db, id: string, mark: CenterMark): void {
  const row = stmt(db, 'SELECT service_id, called_at_ms, served_at_ms FROM tickets WHERE id = ?').get(id) as
    | { service_id: string; called_at_ms: number | null; served_at_ms: number | null } | undefined;
  if (!row) return;
  const called = mark.calledAt?.getTime() ?? row.called_at_ms;
  const served = mark.servedAt?.getTime() ?? row.served_at_ms;
  stmt(db, 'UPDATE tickets SET called_at_ms = ?, served_at_ms = ?, counter_id = coalesce(?, counter_id) WHERE id = ?').run(called, served, mark.counterId ?? null, id);
  if (row.served_at_ms === null && served !== null && called !== null && served >= called) {
    stmt(db, 'INSERT INTO service_times (service_id, minutes, at_ms) VALUES (?, ?, ?)').run(row.service_id, (served - called) / 60_000, served);
  }
}
