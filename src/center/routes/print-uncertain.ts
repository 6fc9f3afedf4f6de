/**
 * Staff routes for tickets a robot was printing when it crashed (issue 16): the list the counter
 * page marks, and the settle action. Staff key required; every settlement is logged (no personal data).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDay } from '../../core/business-day';
import { PrintUncertainQuery, SettleRequest, type PrintUncertainList, type PrintUncertainTicket, type SettleResponse } from '../../contract/sync';
import type { CenterContext } from '../context';
import { requireStaff } from '../http/auth';
import { CenterError, parse, statusOf } from '../http/errors';
import type { CenterTicket } from '../storage/port';

const ticketParam = z.object({ ticketId: z.string().uuid() }).strict();

function toUncertain(t: CenterTicket): PrintUncertainTicket {
  return { ticketId: t.ticketId, display: t.display, serviceId: t.serviceId, counterGroup: t.counterGroup, robotId: t.robotId, status: t.status, issuedAt: t.issuedAtMs };
}

export function printUncertainRoutes(app: FastifyInstance, ctx: CenterContext, opts: { afterWrite: () => void }): void {
  app.get('/v1/tickets/print-uncertain', async (req): Promise<PrintUncertainList> => {
    requireStaff(ctx, req);
    const { counterGroup } = parse(PrintUncertainQuery, req.query ?? {});
    const tickets = await ctx.storage.printUncertain(businessDay(new Date(ctx.now())), counterGroup);
    return { tickets: tickets.map(toUncertain), serverTime: ctx.now() };
  });

  app.post('/v1/tickets/:ticketId/settle', async (req): Promise<SettleResponse> => {
    requireStaff(ctx, req);
    const { ticketId } = parse(ticketParam, req.params);
    const { outcome } = parse(SettleRequest, req.body);
    const out = await ctx.storage.settleTicket(ticketId, outcome, ctx.now());
    opts.afterWrite();
    if (!out.ok) throw new CenterError(out.code === 'QUEUE_TICKET_STATE_CONFLICT' ? 409 : statusOf(out.code), out.code);
    ctx.log.info({ ticketId, outcome }, 'print-uncertain ticket settled by staff');
    return { ticket: { ...toUncertain(out.ticket), printUncertain: out.ticket.printUncertain }, serverTime: ctx.now() };
  });
}
