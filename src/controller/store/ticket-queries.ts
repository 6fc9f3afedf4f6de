/** Reads of the tickets table (no writes): single tickets, a day's list, and what the service mode shows. */
import type { ErrorCode, Service, Ticket } from '../../contract';
import { stmt, type Db } from './database';
import { rowToTicket, type TicketRow } from './ticket-rows';

const HISTORY_SAMPLES = 20;
/** People waiting in a counter group on a day, read by every issue: kept by triggers in waiting_counts (migration 5). */
export const PEOPLE_AHEAD_SQL = 'SELECT coalesce((SELECT n FROM waiting_counts WHERE day = ? AND counter_group = ?), 0) AS n';

export function ticketById(db: Db, id: string): Ticket | undefined {
  const row = stmt(db, 'SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
  return row ? rowToTicket(row) : undefined;
}

export function ticketsNeedingAttention(db: Db, code: ErrorCode | null): Ticket[] {
  const rows = stmt(db, 'SELECT * FROM tickets WHERE attention IS NOT NULL AND (? IS NULL OR attention = ?) ORDER BY issued_at_ms').all(code, code) as TicketRow[];
  return rows.map(rowToTicket);
}

export function ticketsOfDay(db: Db, day: string): Ticket[] {
  return (stmt(db, 'SELECT * FROM tickets WHERE day = ? ORDER BY issued_at_ms, rowid').all(day) as TicketRow[]).map(rowToTicket);
}

/** Tickets a stop left half-way (recovery.ts). */
export function interruptedRows(db: Db): TicketRow[] {
  return stmt(db, `SELECT * FROM tickets WHERE state IN ('issued', 'print_failed', 'printing') ORDER BY issued_at_ms`).all() as TicketRow[];
}

/** The people ahead and the recent service times a wait estimate needs. */
export function peopleAhead(db: Db, service: Service, day: string): number {
  return (stmt(db, PEOPLE_AHEAD_SQL).get(day, service.counterGroup) as { n: number }).n;
}

/** The last minutes from call to done of a service, newest first. */
export function recentServiceMinutes(db: Db, serviceId: string): number[] {
  return stmt(db, 'SELECT minutes FROM service_times WHERE service_id = ? ORDER BY id DESC LIMIT ?').pluck().all(serviceId, HISTORY_SAMPLES) as number[];
}

/** One ticket of a day as the technician's statistics count it (voided ones left out). */
export interface TicketTimes {
  serviceId: string;
  issuedAtMs: number;
  calledAtMs: number | null;
}

export function ticketTimesOfDay(db: Db, day: string): TicketTimes[] {
  const rows = stmt(db, `SELECT service_id, issued_at_ms, called_at_ms FROM tickets WHERE day = ? AND state != 'voided'`).all(day) as { service_id: string; issued_at_ms: number; called_at_ms: number | null }[];
  return rows.map((r) => ({ serviceId: r.service_id, issuedAtMs: r.issued_at_ms, calledAtMs: r.called_at_ms }));
}

/** Sheets printed (or reprinted) since `sinceMs`: the printer panel's count since the paper ran low. */
export function printedSince(db: Db, sinceMs: number): number {
  return (stmt(db, `SELECT count(*) AS n FROM tickets WHERE state IN ('printed', 'reprinted') AND updated_at_ms >= ?`).get(sinceMs) as { n: number }).n;
}

export function latestTicketOfDay(db: Db, day: string): Ticket | undefined {
  const row = stmt(db, 'SELECT * FROM tickets WHERE day = ? ORDER BY issued_at_ms DESC, rowid DESC LIMIT 1').get(day) as TicketRow | undefined;
  return row ? rowToTicket(row) : undefined;
}

/** The connection is open and answers a query (the controller's /healthz). */
export function answers(db: Db): boolean {
  return db.open && stmt(db, 'SELECT 1 AS ok').get() !== undefined;
}

export function integrityCheck(db: Db): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}
