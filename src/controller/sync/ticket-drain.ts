/**
 * The ticket drain: the outbox in idempotent batches, oldest first. Only an answer that names the
 * ticket sent at its index acknowledges it; a rejected change flags the ticket for staff; a
 * partial answer stops the drain and the rest goes next pass.
 */
import { IngestResponse } from '../../contract/sync';
import type { OutboxEvent } from './outbox-port';
import { toCenterTime, type SyncContext } from './sync-context';

export interface TicketDrainCount {
  sent: number;
  acked: number;
  rejected: number;
}

export async function drainTickets(ctx: SyncContext, token: string, count: TicketDrainCount): Promise<void> {
  const { outbox, marks } = ctx.options;
  const size = Math.max(1, Math.min(200, ctx.options.batchSize ?? 100));
  for (;;) {
    const batch = outbox.takeBatch(size);
    if (!batch.length) return;
    const changes = batch.map((e) => ({ key: e.key, ...e.payload, ticket: { ...e.payload.ticket, issuedAt: toCenterTime(ctx, e.payload.ticket.issuedAt) } }));
    const r = await ctx.http.request('POST', '/v1/tickets/batch', IngestResponse, { body: { changes }, token });
    count.sent += batch.length;
    const acked: OutboxEvent[] = [];
    for (const res of r.body!.results) {
      const ev = batch[res.index];
      if (!ev || (res.ticketId !== null && res.ticketId !== ev.ticketId)) continue;
      acked.push(ev);
      if (res.status === 'rejected') {
        count.rejected++;
        marks?.flag(ev.ticketId, res.code ?? 'SYNC_TICKET_CONFLICT');
        ctx.log.warn({ ticketId: ev.ticketId, code: res.code }, 'center rejected a ticket change');
      }
    }
    outbox.ack(acked);
    count.acked += acked.length;
    if (acked.length < batch.length) return;
  }
}
