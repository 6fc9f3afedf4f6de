/** Print-uncertain tickets on PostgreSQL (the rules are ../sqlite/print-uncertain.ts's). */
import type { Pool } from 'pg';
import type { CenterTicket, SettleOutcome } from '../port';
import { PRINT_UNCERTAIN, rowToTicket, type TicketRow } from '../sqlite/tickets';
import { countWaitingIn, getTicket } from './tickets';
import { direct, tx } from './tx';

export async function printUncertain(pool: Pool, day: string, counterGroup?: string): Promise<CenterTicket[]> {
  const rows = await direct(pool).all<TicketRow>(
    `SELECT * FROM tickets WHERE day = $1 AND robot_state = 'printing' AND attention = $2 AND settled_at_ms IS NULL
       AND status IN ('pending', 'waiting', 'called') AND ($3::text IS NULL OR counter_group = $3) ORDER BY issued_at_ms, seq LIMIT 500`,
    [day, PRINT_UNCERTAIN, counterGroup ?? null],
  );
  return rows.map(rowToTicket);
}

/** The ticket's row is locked first, so a counter cannot call it while it is being voided. */
export function settleTicket(pool: Pool, ticketId: string, outcome: 'callable' | 'void', nowMs: number): Promise<SettleOutcome> {
  return tx(pool, async (t): Promise<SettleOutcome> => {
    const row = await t.one<TicketRow>('SELECT * FROM tickets WHERE ticket_id = $1 FOR UPDATE', [ticketId]);
    if (!row) return { ok: false, code: 'CENTER_NOT_FOUND' };
    const tk = rowToTicket(row);
    const data = { ticketId: tk.ticketId, display: tk.display, counterGroup: tk.counterGroup };
    if (outcome === 'void') {
      // a ticket at a counter is finished there (skip or complete), not voided under the counter's feet
      if (tk.status !== 'pending' && tk.status !== 'waiting') return { ok: false, code: 'QUEUE_TICKET_STATE_CONFLICT' };
      await t.run("UPDATE tickets SET status = 'voided', settled_at_ms = $1, settled_outcome = 'void', updated_at_ms = $1 WHERE ticket_id = $2", [nowMs, ticketId]);
      if (tk.status === 'waiting') t.event({ type: 'ticket.voided', data: { ...data, waiting: await countWaitingIn(t, tk.counterGroup, tk.day) } }, nowMs);
    } else {
      if (tk.status === 'voided') return { ok: false, code: 'QUEUE_TICKET_STATE_CONFLICT' };
      const status = tk.status === 'pending' ? 'waiting' : tk.status;
      await t.run("UPDATE tickets SET status = $1, settled_at_ms = $2, settled_outcome = 'callable', updated_at_ms = $2 WHERE ticket_id = $3", [status, nowMs, ticketId]);
      if (tk.status === 'pending') t.event({ type: 'ticket.queued', data: { ...data, waiting: await countWaitingIn(t, tk.counterGroup, tk.day) } }, nowMs);
    }
    return { ok: true, ticket: (await getTicket(t, ticketId))! };
  });
}
