/**
 * Idempotent ticket ingestion on PostgreSQL (the rules are ../sqlite/tickets.ts's), in a few
 * statements per batch rather than three per ticket: on a city's center every robot reports its
 * tickets in batches, and each statement is a round trip to the server and a parse and plan in it.
 * The batch's new tickets are one multi-row INSERT ... ON CONFLICT (ticket_id) DO NOTHING (of two
 * ingests of one ticket, the second waits for the first to commit and then finds the row), which
 * also reads their number clashes and their groups' waiting counts; the counts are then kept up to
 * date as the batch is walked in order. A ticket the center already knows is locked (FOR UPDATE)
 * before its version is compared, so two newer versions are applied one after the other.
 */
import type { Pool } from 'pg';
import type { IngestItemResult, TicketChange } from '../../../contract/sync';
import type { CenterTicketStatus, IngestContext } from '../port';
import { statusAfter, UNASSIGNED_GROUP, type TicketRow } from '../sqlite/tickets';
import { countWaitingIn } from './tickets';
import { tx, type Tx } from './tx';

type Emitted = { ticket_id: string; display: string; counter_group: string; day: string };

/**
 * Waiting counts per group|day within one batch, kept up to date as the batch is walked in order:
 * the groups of the batch's new tickets start from their count before the batch (read with the
 * INSERT), any other group from a count when first touched. Each event so reports the queue as it
 * stood after its own ticket, as if the batch had been stored ticket by ticket.
 */
class WaitingCounts {
  constructor(private readonly t: Tx, private readonly counts: Map<string, number>) {}

  async after(r: Emitted, delta: 1 | -1): Promise<number> {
    const key = keyOf(r);
    const cached = this.counts.get(key);
    // a fresh count already includes the row just written
    const n = cached === undefined ? await countWaitingIn(this.t, r.counter_group, r.day) : cached + delta;
    this.counts.set(key, n);
    return n;
  }
}

const keyOf = (r: Pick<Emitted, 'counter_group' | 'day'>) => `${r.counter_group}|${r.day}`;

async function emitStatusChange(t: Tx, counts: WaitingCounts, r: Emitted, from: CenterTicketStatus | null, to: CenterTicketStatus, nowMs: number): Promise<void> {
  if (from === to) return;
  const data = { ticketId: r.ticket_id, display: r.display, counterGroup: r.counter_group };
  if (to === 'waiting') t.event({ type: 'ticket.queued', data: { ...data, waiting: await counts.after(r, 1) } }, nowMs);
  if (to === 'voided' && from === 'waiting') t.event({ type: 'ticket.voided', data: { ...data, waiting: await counts.after(r, -1) } }, nowMs);
}

async function updateKnown(t: Tx, counts: WaitingCounts, base: { index: number; ticketId: string }, c: TicketChange, ctx: IngestContext): Promise<IngestItemResult> {
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
  await emitStatusChange(t, counts, known, known.status, status, ctx.nowMs);
  return { ...base, status: 'stored' };
}

interface Fresh {
  index: number;
  change: TicketChange;
  row: Emitted;
  status: CenterTicketStatus;
}

const COLUMNS = 17;

interface Written {
  /** Ticket ids this batch wrote (the others existed). */
  inserted: Set<string>;
  /** Written tickets whose number a live ticket already held. */
  clashes: Set<string>;
  /** Waiting tickets per group|day of the written ones, before the batch. */
  before: Map<string, number>;
}

/**
 * One statement, one round trip: inserts the first occurrence of every ticket id, and reads, in
 * the statement's snapshot (which does not see the rows it inserts), the live tickets that already
 * held a written number and the waiting counts of the written tickets' groups before the batch.
 */
async function insertFresh(t: Tx, fresh: readonly Fresh[], ctx: IngestContext): Promise<Written> {
  if (!fresh.length) return { inserted: new Set(), clashes: new Set(), before: new Map() };
  const params: unknown[] = [];
  const values = fresh.map(({ change: c, row, status }, i) => {
    const tk = c.ticket;
    params.push(tk.id, ctx.robotId, tk.serviceId, row.counter_group, c.prefix, tk.day, tk.number, tk.display, tk.categoryId ?? null, tk.language, tk.state,
      c.version, status, c.attention, Date.parse(tk.issuedAt), ctx.nowMs, ctx.nowMs);
    return `(${Array.from({ length: COLUMNS }, (_, k) => `$${i * COLUMNS + k + 1}`).join(', ')})`;
  });
  const rows = await t.all<{ kind: 'ins' | 'count'; a: string; b: string | null; n: number | null }>(
    `WITH ins AS (
       INSERT INTO tickets (ticket_id, robot_id, service_id, counter_group, prefix, day, number, display, category_id, language, robot_state,
         version, status, attention, issued_at_ms, received_at_ms, updated_at_ms)
       VALUES ${values.join(', ')} ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id, prefix, day, number, counter_group)
     SELECT 'ins' AS kind, ins.ticket_id AS a, o.ticket_id AS b, NULL::bigint AS n FROM ins LEFT JOIN tickets o
       ON o.prefix = ins.prefix AND o.day = ins.day AND o.number = ins.number AND o.status != 'voided'
     UNION ALL
     SELECT 'count', w.counter_group || '|' || w.day, NULL, count(*) FROM tickets w
       WHERE w.status = 'waiting' AND (w.counter_group, w.day) IN (SELECT counter_group, day FROM ins) GROUP BY w.counter_group, w.day`,
    params,
  );
  const inserted = new Set(rows.filter((r) => r.kind === 'ins').map((r) => r.a));
  const before = new Map(fresh.filter((f) => inserted.has(f.row.ticket_id)).map((f) => [keyOf(f.row), 0]));
  for (const r of rows) if (r.kind === 'count') before.set(r.a, r.n!);
  return { inserted, clashes: clashesOf(fresh, inserted, rows.filter((r) => r.kind === 'ins' && r.b !== null).map((r) => r.a)), before };
}

/** Clashes with tickets stored before the batch, and within the batch the later of two live tickets with one number. */
function clashesOf(fresh: readonly Fresh[], inserted: Set<string>, withEarlier: readonly string[]): Set<string> {
  const clashes = new Set(withEarlier);
  const live = new Set<string>();
  for (const f of fresh) {
    if (!inserted.has(f.row.ticket_id)) continue;
    const number = `${f.change.prefix}|${f.row.day}|${f.change.ticket.number}`;
    if (live.has(number)) clashes.add(f.row.ticket_id);
    if (f.status !== 'voided') live.add(number);
  }
  return clashes;
}

type Item = TicketChange | { invalid: string[] };

/** A ticket that names another robot than the token's. */
const foreign = (c: TicketChange, ctx: IngestContext) => c.ticket.robotId !== undefined && c.ticket.robotId !== ctx.robotId;

/** The batch's valid changes whose ticket id is seen for the first time in it. */
function freshOf(changes: readonly Item[], ctx: IngestContext): Fresh[] {
  const seen = new Set<string>();
  const fresh: Fresh[] = [];
  for (const [index, c] of changes.entries()) {
    if ('invalid' in c || foreign(c, ctx) || seen.has(c.ticket.id)) continue;
    seen.add(c.ticket.id);
    const tk = c.ticket;
    const row = { ticket_id: tk.id, display: tk.display, counter_group: ctx.groupOf(tk.serviceId) ?? UNASSIGNED_GROUP, day: tk.day };
    fresh.push({ index, change: c, row, status: statusAfter(null, tk.state, c.attention) });
  }
  return fresh;
}

/** One transaction for the whole batch: a crash mid-batch stores none of it, and the robot sends it again. */
export function ingest(pool: Pool, changes: readonly Item[], ctx: IngestContext): Promise<IngestItemResult[]> {
  return tx(pool, async (t) => {
    const fresh = freshOf(changes, ctx);
    const { inserted, clashes, before } = await insertFresh(t, fresh, ctx);
    const written = new Map(fresh.filter((f) => inserted.has(f.change.ticket.id)).map((f) => [f.index, f]));
    const counts = new WaitingCounts(t, before);
    // in the batch's order: events and counts come out as if the tickets had been stored one by one
    const answer = async (c: Item, index: number): Promise<IngestItemResult> => {
      if ('invalid' in c) return { index, ticketId: null, status: 'rejected', code: 'CENTER_INVALID_REQUEST', issues: c.invalid.slice(0, 10) };
      const base = { index, ticketId: c.ticket.id };
      if (foreign(c, ctx)) return { ...base, status: 'rejected', code: 'SYNC_TICKET_CONFLICT', issues: ['ticket.robotId is not the robot of this token'] };
      const mine = written.get(index);
      if (!mine) return updateKnown(t, counts, base, c, ctx);
      await emitStatusChange(t, counts, mine.row, null, mine.status, ctx.nowMs);
      const code = clashes.has(c.ticket.id) ? 'SYNC_NUMBER_DUPLICATE' : ctx.groupOf(c.ticket.serviceId) === null ? 'SERVICE_UNKNOWN' : undefined;
      return code ? { ...base, status: 'stored', code } : { ...base, status: 'stored' };
    };
    const results: IngestItemResult[] = [];
    for (const [index, c] of changes.entries()) results.push(await answer(c, index));
    return results;
  });
}
