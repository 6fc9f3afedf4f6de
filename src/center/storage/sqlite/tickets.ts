/**
 * Idempotent ticket ingestion. Key: the ticket's UUID, bound to the robot that first sent it.
 * The center keeps the highest version of each ticket; sending a batch again changes nothing and
 * answers `duplicate` per item. A ticket is never refused for what it says about the queue (an
 * unknown service, a number seen twice): it is stored and flagged, because losing a citizen's
 * ticket is worse than a warning. Only malformed items and identity conflicts are rejected.
 */
import type { TicketIdentityColumns } from '../../../contract/ticket';
import type { IngestItemResult, TicketChange } from '../../../contract/sync';
import type { CenterTicket, CenterTicketStatus, IngestContext, WaitingCenterTicket } from '../port';
import { appendEvent } from './events';
import type { Db } from './open';

/** Counter group of tickets whose service the catalog does not know: staff transfer them. */
export const UNASSIGNED_GROUP = 'unassigned';

export interface TicketRow extends TicketIdentityColumns {
  seq: number;
  ticket_id: string;
  language?: string;
  robot_state: string;
  version: number;
  status: CenterTicketStatus;
  issued_at_ms: number;
  counter_id: string | null;
  attention: string | null;
  settled_at_ms: number | null;
}

/** The robot's flag for a ticket it was printing when it crashed (recovery.ts). */
export const PRINT_UNCERTAIN = 'QUEUE_PRINT_OUTCOME_UNKNOWN';

/** Still printing at the robot, flagged after a crash, and not yet settled by staff. */
export function isPrintUncertain(r: Pick<TicketRow, 'robot_state' | 'attention' | 'settled_at_ms'>): boolean {
  return r.robot_state === 'printing' && r.attention === PRINT_UNCERTAIN && r.settled_at_ms === null;
}

export function rowToTicket(r: TicketRow): CenterTicket {
  return {
    ticketId: r.ticket_id, robotId: r.robot_id, serviceId: r.service_id, counterGroup: r.counter_group, prefix: r.prefix, day: r.day,
    number: r.number, display: r.display, categoryId: r.category_id, robotState: r.robot_state, version: r.version, status: r.status,
    issuedAtMs: r.issued_at_ms, receivedSeq: r.seq, counterId: r.counter_id, printUncertain: isPrintUncertain(r), ...(r.language ? { language: r.language } : {}),
  };
}

const PRINTED = new Set(['printed', 'reprinted']);

/**
 * Where the center's queue status goes when the robot reports a new state of the ticket. A ticket
 * whose printing a crash interrupted is callable at once: a sheet may be in a citizen's hand, and
 * a no-show costs a counter one skip where a forgotten citizen costs a morning.
 */
export function statusAfter(current: CenterTicketStatus | null, robotState: string, attention: string | null): CenterTicketStatus {
  if (robotState === 'voided') return current === null || current === 'pending' || current === 'waiting' ? 'voided' : current;
  const callable = PRINTED.has(robotState) || (robotState === 'printing' && attention === PRINT_UNCERTAIN);
  if (current === null || current === 'pending') return callable ? 'waiting' : 'pending';
  return current;
}

/** Waiting tickets of one group and business day (what the board and the stream events report). */
export function countWaitingIn(db: Db, group: string, day: string): number {
  return (db.prepare("SELECT count(*) AS n FROM tickets WHERE counter_group = ? AND day = ? AND status = 'waiting'").get(group, day) as { n: number }).n;
}

/** Waiting counts per group|day within one batch: counted once, then kept up to date (no count per item). */
type WaitingCache = Map<string, number>;

function emitStatusChange(db: Db, t: { ticket_id: string; display: string; counter_group: string; day: string }, from: CenterTicketStatus | null, to: CenterTicketStatus, nowMs: number, cache: WaitingCache): void {
  if (from === to) return;
  const group = `${t.counter_group}|${t.day}`;
  const waiting = () => cache.get(group) ?? countWaitingIn(db, t.counter_group, t.day);
  const data = { ticketId: t.ticket_id, display: t.display, counterGroup: t.counter_group };
  if (to === 'waiting') {
    // the row is already written, so a fresh count includes it; a cached one needs the +1
    const n = cache.has(group) ? cache.get(group)! + 1 : waiting();
    cache.set(group, n);
    appendEvent(db, { type: 'ticket.queued', data: { ...data, waiting: n } }, nowMs);
  }
  if (to === 'voided' && from === 'waiting') {
    const n = cache.has(group) ? cache.get(group)! - 1 : waiting();
    cache.set(group, n);
    appendEvent(db, { type: 'ticket.voided', data: { ...data, waiting: n } }, nowMs);
  }
}

function ingestOne(db: Db, index: number, c: TicketChange, ctx: IngestContext, cache: WaitingCache): IngestItemResult {
  const t = c.ticket;
  const base = { index, ticketId: t.id };
  if (t.robotId !== undefined && t.robotId !== ctx.robotId) return { ...base, status: 'rejected', code: 'SYNC_TICKET_CONFLICT', issues: ['ticket.robotId is not the robot of this token'] };
  const known = db.prepare('SELECT * FROM tickets WHERE ticket_id = ?').get(t.id) as TicketRow | undefined;
  if (known) {
    if (known.robot_id !== ctx.robotId || known.day !== t.day || known.prefix !== c.prefix || known.number !== t.number || known.service_id !== t.serviceId) {
      return { ...base, status: 'rejected', code: 'SYNC_TICKET_CONFLICT', issues: ['same ticket id, different robot, day or number'] };
    }
    if (c.version === known.version) return { ...base, status: 'duplicate' };
    if (c.version < known.version) return { ...base, status: 'stale' };
    const status = statusAfter(known.status, t.state, c.attention);
    db.prepare('UPDATE tickets SET robot_state = ?, version = ?, status = ?, attention = ?, category_id = ?, updated_at_ms = ? WHERE seq = ?').run(
      t.state, c.version, status, c.attention, t.categoryId ?? null, ctx.nowMs, known.seq,
    );
    emitStatusChange(db, known, known.status, status, ctx.nowMs, cache);
    return { ...base, status: 'stored' };
  }
  const group = ctx.groupOf(t.serviceId);
  const taken = db.prepare("SELECT 1 FROM tickets WHERE prefix = ? AND day = ? AND number = ? AND status != 'voided'").get(c.prefix, t.day, t.number);
  const status = statusAfter(null, t.state, c.attention);
  const row = { ticket_id: t.id, display: t.display, counter_group: group ?? UNASSIGNED_GROUP, day: t.day };
  db.prepare(
    `INSERT INTO tickets (ticket_id, robot_id, service_id, counter_group, prefix, day, number, display, category_id, language, robot_state,
       version, status, attention, issued_at_ms, received_at_ms, updated_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    t.id, ctx.robotId, t.serviceId, row.counter_group, c.prefix, t.day, t.number, t.display, t.categoryId ?? null, t.language, t.state,
    c.version, status, c.attention, Date.parse(t.issuedAt), ctx.nowMs, ctx.nowMs,
  );
  emitStatusChange(db, row, null, status, ctx.nowMs, cache);
  if (taken) return { ...base, status: 'stored', code: 'SYNC_NUMBER_DUPLICATE' };
  if (group === null) return { ...base, status: 'stored', code: 'SERVICE_UNKNOWN' };
  return { ...base, status: 'stored' };
}

/** One transaction for the whole batch: a crash mid-batch stores none of it, and the robot sends it again. */
export function ingest(db: Db, changes: readonly (TicketChange | { invalid: string[] })[], ctx: IngestContext): IngestItemResult[] {
  return db.transaction(() => {
    const cache: WaitingCache = new Map();
    return changes.map((c, index): IngestItemResult =>
      'invalid' in c ? { index, ticketId: null, status: 'rejected', code: 'CENTER_INVALID_REQUEST', issues: c.invalid.slice(0, 10) } : ingestOne(db, index, c, ctx, cache),
    );
  }).immediate();
}

export function getTicket(db: Db, ticketId: string): CenterTicket | null {
  const row = db.prepare('SELECT * FROM tickets WHERE ticket_id = ?').get(ticketId) as TicketRow | undefined;
  return row ? rowToTicket(row) : null;
}

/**
 * Waiting tickets of one business day (yesterday's leftovers are never called today), each with
 * the count the calling rule bounds: tickets of its group and day called already, issued after it.
 */
export function waitingIn(db: Db, group: string, day: string): WaitingCenterTicket[] {
  const rows = db
    .prepare(
      `SELECT w.*, (SELECT count(*) FROM tickets c WHERE c.counter_group = w.counter_group AND c.day = w.day
         AND c.status IN ('called', 'served', 'skipped')
         AND (c.issued_at_ms > w.issued_at_ms OR (c.issued_at_ms = w.issued_at_ms AND c.seq > w.seq))) AS overtaken_by
       FROM tickets w WHERE w.counter_group = ? AND w.day = ? AND w.status = 'waiting'`,
    )
    .all(group, day) as (TicketRow & { overtaken_by: number })[];
  return rows.map((r) => ({ ...rowToTicket(r), overtakenBy: r.overtaken_by }));
}

export function countWaiting(db: Db, day: string): Record<string, number> {
  const rows = db.prepare("SELECT counter_group AS g, count(*) AS n FROM tickets WHERE day = ? AND status = 'waiting' GROUP BY counter_group").all(day) as { g: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.g, r.n]));
}
