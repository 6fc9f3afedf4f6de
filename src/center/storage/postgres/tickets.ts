/** Ticket reads on PostgreSQL (ingestion is ./ingest.ts); the rows are ../sqlite/tickets.ts's. */
import type { CenterTicket, WaitingCenterTicket } from '../port';
import { rowToTicket, type TicketRow } from '../sqlite/tickets';
import type { Tx } from './tx';

export async function countWaitingIn(t: Pick<Tx, 'one'>, group: string, day: string): Promise<number> {
  return (await t.one<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE counter_group = $1 AND day = $2 AND status = 'waiting'", [group, day]))!.n;
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
