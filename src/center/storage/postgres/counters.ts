/**
 * Counter operations on PostgreSQL (the rules are ../sqlite/counters.ts's). Each is one
 * transaction that first locks its counter's row (two presses on one counter take turns). "Call
 * next" also takes a transaction-level advisory lock on (group, day): the calling rule looks at
 * the whole waiting line, so two counters of a group pick one after the other and never the same
 * ticket (SKIP LOCKED would let the second skip the first in line and break the order). The
 * status guard on the UPDATE is a second line: a ticket a settle voided meanwhile is picked again.
 */
import type { Pool } from 'pg';
import { nextToCall } from '../../../core/queue/call-order';
import { toQueued } from '../../domain/calling';
import type { CenterTicket, CounterOpInput, CounterOpOutcome, CounterRecord } from '../port';
import { countWaitingIn, getTicket, waitingIn } from './tickets';
import { LOCK, read, tx, type Tx } from './tx';

interface CounterRow {
  id: string;
  label: string;
  counter_group: string;
  current_ticket_id: string | null;
}

export function syncCounters(pool: Pool, counters: readonly CounterRecord[]): Promise<void> {
  return tx(pool, async (t) => {
    // in id order: two instances starting together lock the rows in the same order (no deadlock)
    for (const c of [...counters].sort((a, b) => a.id.localeCompare(b.id))) {
      await t.run(
        'INSERT INTO counters (id, label, counter_group) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET label = excluded.label, counter_group = excluded.counter_group',
        [c.id, c.label, c.counterGroup],
      );
    }
    await t.run('DELETE FROM counters WHERE NOT (id = ANY($1::text[]))', [counters.map((c) => c.id)]);
  });
}

export function listCounters(pool: Pool): Promise<(CounterRecord & { current: CenterTicket | null })[]> {
  return read(pool, async (t) => {
    const rows = await t.all<CounterRow>('SELECT * FROM counters ORDER BY id');
    const out: (CounterRecord & { current: CenterTicket | null })[] = [];
    for (const r of rows) out.push({ id: r.id, label: r.label, counterGroup: r.counter_group, current: r.current_ticket_id ? await getTicket(t, r.current_ticket_id) : null });
    return out;
  });
}

async function setTicket(t: Tx, ticketId: string, status: string, counterId: string | null, nowMs: number, column: 'done_at_ms' | 'called_at_ms'): Promise<number> {
  return t.run(`UPDATE tickets SET status = $1, counter_id = $2, updated_at_ms = $3, ${column} = $3 WHERE ticket_id = $4`, [status, counterId, nowMs, ticketId]);
}

/** Who completed a ticket is kept on it: its rating is counted for that staff session. */
async function served(t: Tx, ticketId: string, counterId: string, input: CounterOpInput): Promise<void> {
  await setTicket(t, ticketId, 'served', counterId, input.nowMs, 'done_at_ms');
  await t.run('UPDATE tickets SET served_by_session = $1 WHERE ticket_id = $2', [input.staffSession ?? null, ticketId]);
}

async function callNext(t: Tx, counter: CounterRow, input: CounterOpInput, at: (x: CenterTicket) => object): Promise<CounterOpOutcome> {
  await t.run('SELECT pg_advisory_xact_lock($1, hashtext(current_schema() || $2))', [LOCK.callGroup, `|${counter.counter_group}|${input.day}`]);
  for (;;) {
    const next = nextToCall((await waitingIn(t, counter.counter_group, input.day)).map(toQueued), { weights: input.weights, maxOvertakes: input.maxOvertakes })?.ticket;
    if (!next) return { ok: false, code: 'CENTER_QUEUE_EMPTY' };
    const taken = await t.run(
      "UPDATE tickets SET status = 'called', counter_id = $1, updated_at_ms = $2, called_at_ms = $2 WHERE ticket_id = $3 AND status = 'waiting'",
      [counter.id, input.nowMs, next.ticketId],
    );
    if (!taken) continue;
    await t.run('UPDATE counters SET current_ticket_id = $1 WHERE id = $2', [next.ticketId, counter.id]);
    const called = (await getTicket(t, next.ticketId))!;
    t.event({ type: 'ticket.called', data: { ...at(called), waiting: await countWaitingIn(t, counter.counter_group, input.day) } }, input.nowMs);
    return { ok: true, current: called };
  }
}

export function counterOp(pool: Pool, input: CounterOpInput): Promise<CounterOpOutcome> {
  return tx(pool, async (t): Promise<CounterOpOutcome> => {
    const counter = await t.one<CounterRow>('SELECT * FROM counters WHERE id = $1 FOR UPDATE', [input.counterId]);
    if (!counter) return { ok: false, code: 'CENTER_COUNTER_UNKNOWN' };
    const now = input.nowMs;
    const current = counter.current_ticket_id ? await getTicket(t, counter.current_ticket_id) : null;
    const active = current && current.status === 'called' ? current : null;
    const at = (x: CenterTicket) => ({ ticketId: x.ticketId, display: x.display, counterId: counter.id, counterLabel: counter.label, counterGroup: x.counterGroup });
    const clear = () => t.run('UPDATE counters SET current_ticket_id = NULL WHERE id = $1', [counter.id]);

    if (input.action === 'call-next') {
      if (active) {
        await served(t, active.ticketId, counter.id, input);
        t.event({ type: 'ticket.served', data: at(active) }, now);
        await clear();
      }
      return callNext(t, counter, input, at);
    }
    if (!active) return { ok: false, code: 'CENTER_NO_CURRENT_TICKET' };
    switch (input.action) {
      case 'recall':
        t.event({ type: 'ticket.recalled', data: at(active) }, now);
        return { ok: true, current: active };
      case 'skip':
      case 'complete':
        if (input.action === 'skip') await setTicket(t, active.ticketId, 'skipped', counter.id, now, 'done_at_ms');
        else await served(t, active.ticketId, counter.id, input);
        await clear();
        t.event({ type: input.action === 'skip' ? 'ticket.skipped' : 'ticket.served', data: at(active) }, now);
        return { ok: true, current: null };
      case 'transfer': {
        const to = input.toCounterGroup ?? '';
        if (!(await t.one('SELECT 1 FROM counters WHERE counter_group = $1', [to]))) return { ok: false, code: 'CENTER_COUNTER_UNKNOWN' };
        // keeps its issue time: the citizen does not go to the back of the other queue
        await t.run("UPDATE tickets SET status = 'waiting', counter_group = $1, counter_id = NULL, updated_at_ms = $2 WHERE ticket_id = $3", [to, now, active.ticketId]);
        await clear();
        t.event({ type: 'ticket.transferred', data: { ...at(active), counterGroup: to, waiting: await countWaitingIn(t, to, active.day) } }, now);
        return { ok: true, current: null };
      }
    }
  });
}
