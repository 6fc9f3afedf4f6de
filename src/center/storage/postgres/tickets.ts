/**
 * Idempotent ticket ingestion on PostgreSQL (the rules are ../sqlite/tickets.ts's). A new ticket
 * is an INSERT ... ON CONFLICT (ticket_id) DO NOTHING: of two ingests of one ticket, the second
 * waits for the first to commit and then finds the row. A known ticket is locked (FOR UPDATE)
 * before its version is compared, so two newer versions are applied one after the other.
 */
import type { Pool } from 'pg';
import type { IngestItemResult, TicketChange } from '../../../contract/sync';
import type { CenterTicket, CenterTicketStatus, IngestContext, WaitingCenterTicket } from '../port';
import { rowToTicket, statusAfter, UNASSIGNED_GROUP, type TicketRow } from '../sqlite/tickets';
import { tx, type Tx } from './tx';

export async function countWaitingIn(t: Pick<Tx, 'one'>, group: string, day: string): Promise<number> {
  return (await t.one<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE counter_group = $1 AND day = $2 AND status = 'waiting'", [group, day]))!.n;
}

type Emitted = { ticket_id: string; display: string; counter_group: string; day: string };

async function emitStatusChange(t: Tx, r: Emitted, from: CenterTicketStatus | null, to: CenterTicketStatus, nowMs: number): Promise<void> {
  if (from === to) return;
  const data = { ticketId: r.ticket_id, display: r.display, counterGroup: r.counter_group };
  if (to === 'waiting') t.event({ type: 'ticket.queued', data: { ...data, waiting: await countWaitingIn(t, r.counter_group, r.day) } }, nowMs);
  if (to === 'voided' && from === 'waiting') t.event({ type: 'ticket.voided', data: { ...data, waiting: await countWaitingIn(t, r.counter_group, r.day) } }, nowMs);
}

async function updateKnown(t: Tx, base: { index: number; ticketId: string }, c: TicketChange, ctx: IngestContext): Promise<IngestItemResult> {
  const tk = c.ticket;
  const known = await t.one<TicketRow>('SELECT * FROM tickets WHERE ticket_id = $1 FOR UPDATE', [tk.id]);
  if (!known) return { ...base, status: 'rejected', code: 'SYNC_TICKET_CONFLICT', issues: ['ticket vanished while stored'] };
  if (known.robot_id !== ctx.robotId || known.day !== tk.day || known.prefix !== c.prefix || known.number !== tk.number || known.service_id !== tk.serviceId) {
    return { ...base, status: 'rejected', code: 'SYNC_TICKET_CONFLICT', issues: ['same ticket id, different robot, day or number'] };
  }
  if (c.version === known.version) return { ...base, status: 'duplicate' };
  if (c.version < known.version) return { ...base, status: 'stale' };
  const status = statusAfter(known.status, tk.state, c.attention);
  await t.run('UPDATE tickets SET robot_state = $1, version = $2, status = $3, attention = $4, category_id = $5, updated_at_ms = $6 WHERE seq = $7', [
    tk.state, c.version, status, c.attention, tk.categoryId ?? null, ctx.nowMs, known.seq,
  ]);
  await emitStatusChange(t, known, known.status, status, ctx.nowMs);
  return { ...base, status: 'stored' };
}

async function ingestOne(t: Tx, index: number, c: TicketChange, ctx: IngestContext): Promise<IngestItemResult> {
  const tk = c.ticket;
  const base = { index, ticketId: tk.id };
  if (tk.robotId !== undefined && tk.robotId !== ctx.robotId) return { ...base, status: 'rejected', code: 'SYNC_TICKET_CONFLICT', issues: ['ticket.robotId is not the robot of this token'] };
  const group = ctx.groupOf(tk.serviceId);
  const status = statusAfter(null, tk.state, c.attention);
  const row = { ticket_id: tk.id, display: tk.display, counter_group: group ?? UNASSIGNED_GROUP, day: tk.day };
  const inserted = await t.run(
    `INSERT INTO tickets (ticket_id, robot_id, service_id, counter_group, prefix, day, number, display, category_id, language, robot_state,
       version, status, attention, issued_at_ms, received_at_ms, updated_at_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) ON CONFLICT (ticket_id) DO NOTHING`,
    [tk.id, ctx.robotId, tk.serviceId, row.counter_group, c.prefix, tk.day, tk.number, tk.display, tk.categoryId ?? null, tk.language, tk.state,
      c.version, status, c.attention, Date.parse(tk.issuedAt), ctx.nowMs],
  );
  if (!inserted) return updateKnown(t, base, c, ctx);
  await emitStatusChange(t, row, null, status, ctx.nowMs);
  const taken = await t.one("SELECT 1 FROM tickets WHERE prefix = $1 AND day = $2 AND number = $3 AND status != 'voided' AND ticket_id != $4", [c.prefix, tk.day, tk.number, tk.id]);
  if (taken) return { ...base, status: 'stored', code: 'SYNC_NUMBER_DUPLICATE' };
  if (group === null) return { ...base, status: 'stored', code: 'SERVICE_UNKNOWN' };
  return { ...base, status: 'stored' };
}

/** One transaction for the whole batch: a crash mid-batch stores none of it, and the robot sends it again. */
export function ingest(pool: Pool, changes: readonly (TicketChange | { invalid: string[] })[], ctx: IngestContext): Promise<IngestItemResult[]> {
  return tx(pool, async (t) => {
    const results: IngestItemResult[] = [];
    for (const [index, c] of changes.entries()) {
      results.push('invalid' in c ? { index, ticketId: null, status: 'rejected', code: 'CENTER_INVALID_REQUEST', issues: c.invalid.slice(0, 10) } : await ingestOne(t, index, c, ctx));
    }
    return results;
  });
}

export async function getTicket(t: Pick<Tx, 'one'>, ticketId: string): Promise<CenterTicket | null> {
  const row = await t.one<TicketRow>('SELECT * FROM tickets WHERE ticket_id = $1', [ticketId]);
  return row ? rowToTicket(row) : null;
}

/** Waiting tickets of one group and day, each with how many later-issued tickets were called before it. */
export async function waitingIn(t: Pick<Tx, 'all'>, group: string, day: string): Promise<WaitingCenterTicket[]> {
  const rows = await t.all<TicketRow & { overtaken_by: number }>(
    `SELECT w.*, (SELECT count(*) FROM tickets c WHERE c.counter_group = w.counter_group AND c.day = w.day
       AND c.status IN ('called', 'served', 'skipped')
       AND (c.issued_at_ms > w.issued_at_ms OR (c.issued_at_ms = w.issued_at_ms AND c.seq > w.seq))) AS overtaken_by
     FROM tickets w WHERE w.counter_group = $1 AND w.day = $2 AND w.status = 'waiting' ORDER BY w.seq`,
    [group, day],
  );
  return rows.map((r) => ({ ...rowToTicket(r), overtakenBy: r.overtaken_by }));
}

export async function countWaiting(t: Pick<Tx, 'all'>, day: string): Promise<Record<string, number>> {
  const rows = await t.all<{ g: string; n: number }>("SELECT counter_group AS g, count(*) AS n FROM tickets WHERE day = $1 AND status = 'waiting' GROUP BY counter_group", [day]);
  return Object.fromEntries(rows.map((r) => [r.g, r.n]));
}
