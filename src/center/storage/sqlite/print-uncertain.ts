/**
 * Tickets a robot was printing when it crashed (issue 16). They wait in the queue like any other
 * (tickets.ts, statusAfter); staff see them marked and settle each one: `callable` clears the mark
 * (and queues a ticket still pending), `void` takes it out of the queue. The settlement is kept in
 * its own columns, so a later report from the robot never undoes it.
 */
import type { CenterTicket, SettleOutcome } from '../port';
import { appendEvent } from './events';
import type { Db } from './open';
import { countWaitingIn, getTicket, PRINT_UNCERTAIN, rowToTicket, type TicketRow } from './tickets';

export function printUncertain(db: Db, day: string, counterGroup?: string): CenterTicket[] {
  const rows = db
    .prepare(
      `SELECT * FROM tickets WHERE day = ? AND robot_state = 'printing' AND attention = ? AND settled_at_ms IS NULL
         AND status IN ('pending', 'waiting', 'called') AND (? IS NULL OR counter_group = ?) ORDER BY issued_at_ms, seq LIMIT 500`,
    )
    .all(day, PRINT_UNCERTAIN, counterGroup ?? null, counterGroup ?? null) as TicketRow[];
  return rows.map(rowToTicket);
}

export function settleTicket(db: Db, ticketId: string, outcome: 'callable' | 'void', nowMs: number): SettleOutcome {
  return db.transaction((): SettleOutcome => {
    const t = getTicket(db, ticketId);
    if (!t) return { ok: false, code: 'CENTER_NOT_FOUND' };
    const data = { ticketId: t.ticketId, display: t.display, counterGroup: t.counterGroup };
    if (outcome === 'void') {
      // a ticket at a counter is finished there (skip or complete), not voided under the counter's feet
      if (t.status !== 'pending' && t.status !== 'waiting') return { ok: false, code: 'QUEUE_TICKET_STATE_CONFLICT' };
      db.prepare("UPDATE tickets SET status = 'voided', settled_at_ms = ?, settled_outcome = 'void', updated_at_ms = ? WHERE ticket_id = ?").run(nowMs, nowMs, ticketId);
      if (t.status === 'waiting') appendEvent(db, { type: 'ticket.voided', data: { ...data, waiting: countWaitingIn(db, t.counterGroup, t.day) } }, nowMs);
    } else {
      if (t.status === 'voided') return { ok: false, code: 'QUEUE_TICKET_STATE_CONFLICT' };
      const status = t.status === 'pending' ? 'waiting' : t.status;
      db.prepare("UPDATE tickets SET status = ?, settled_at_ms = ?, settled_outcome = 'callable', updated_at_ms = ? WHERE ticket_id = ?").run(status, nowMs, nowMs, ticketId);
      if (t.status === 'pending') appendEvent(db, { type: 'ticket.queued', data: { ...data, waiting: countWaitingIn(db, t.counterGroup, t.day) } }, nowMs);
    }
    return { ok: true, ticket: getTicket(db, ticketId)! };
  }).immediate();
}
