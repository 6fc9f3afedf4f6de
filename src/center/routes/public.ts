/**
 * What anyone in the lobby may see: the board (now serving, queue lengths), a ticket's status by
 * its unguessable id (the QR on the ticket), the realtime stream. No personal data is exposed.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDay } from '../../core/business-day';
import { estimateWait } from '../../core/queue/wait-estimate';
import { PageLanguage, type Board, type TicketStatus } from '../../contract/sync';
import type { CenterContext } from '../context';
import { peopleAhead } from '../../core/queue/call-order';
import { toQueued } from '../domain/calling';
import { CenterError, parse } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';
import type { StreamHub } from '../http/stream-hub';

const ticketParam = z.object({ ticketId: z.string().uuid() }).strict();
const afterQuery = z.object({ after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() }).strict();

export function publicRoutes(app: FastifyInstance, ctx: CenterContext, opts: { hub: StreamHub; statusLimiter: RateLimiter }): void {
  const minutesByService = new Map(ctx.catalog.services.map((s) => [s.id, s.expectedServiceMinutes]));

  // the balancer's health check: an instance whose database does not answer takes no requests
  app.get('/healthz', async () => {
    try {
      await ctx.storage.ping();
    } catch {
      throw new CenterError(503, 'CENTER_STORAGE_FAILED');
    }
    return { ok: true, streamClients: opts.hub.size, serverTime: ctx.now() };
  });

  app.get('/v1/board', async (): Promise<Board> => {
    const counters = (await ctx.storage.listCounters()).map((c) => ({
      id: c.id, label: c.label, counterGroup: c.counterGroup, serving: c.current?.status === 'called' ? c.current.display : null,
    }));
    const waiting = await ctx.storage.countWaiting(businessDay(new Date(ctx.now())));
    return { counters, waiting, lastEventId: await ctx.storage.lastEventId(), serverTime: ctx.now() };
  });

  app.get('/v1/tickets/:ticketId/status', async (req): Promise<TicketStatus> => {
    if (!(await opts.statusLimiter.take(req.ip, ctx.now()))) throw new CenterError(429, 'CENTER_RATE_LIMITED');
    const { ticketId } = parse(ticketParam, req.params);
    const t = await ctx.storage.getTicket(ticketId);
    if (!t) throw new CenterError(404, 'CENTER_NOT_FOUND');
    let ahead = 0;
    let waitMinutes: TicketStatus['waitMinutes'] = null;
    if (t.status === 'waiting' || t.status === 'pending') {
      const waiting = await ctx.storage.waitingIn(t.counterGroup, t.day);
      // a pending ticket is not waiting yet: placed as if it were, passed by nobody so far
      const queued = waiting.some((w) => w.ticketId === t.ticketId) ? waiting : [...waiting, { ...t, overtakenBy: 0 }];
      ahead = peopleAhead(queued.map(toQueued), { weights: ctx.weights, maxOvertakes: ctx.maxOvertakes }, t.ticketId);
      const counters = ctx.counters.filter((c) => c.counterGroup === t.counterGroup).length;
      // the robot's own estimate (core), so the phone page says what the screen and the paper said
      const wait = estimateWait({ localPeopleAhead: ahead, recentServiceMinutes: [], expectedServiceMinutes: minutesByService.get(t.serviceId) ?? 10, counters: Math.max(1, counters) });
      waitMinutes = { min: wait.minMinutes, max: wait.maxMinutes };
    }
    const counterLabel = t.counterId ? (ctx.counters.find((c) => c.id === t.counterId)?.label ?? null) : null;
    const language = PageLanguage.safeParse(t.language).data;
    const rated = t.status === 'served' && (await ctx.storage.ratingOf(t.ticketId)) !== null;
    return {
      ticketId: t.ticketId, display: t.display, status: t.status, peopleAhead: ahead, waitMinutes, counterLabel, printUncertain: t.printUncertain,
      serviceId: t.serviceId, counterId: t.counterId, ...(language ? { language } : {}), rated, serverTime: ctx.now(),
    };
  });

  app.get('/v1/stream', async (req, reply) => {
    const { after } = parse(afterQuery, req.query);
    const header = req.headers['last-event-id'];
    const fromHeader = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
    if (opts.hub.size >= opts.hub.maxClients) throw new CenterError(503, 'CENTER_RATE_LIMITED');
    // no id at all: live events only (a page fetches the board first and passes its lastEventId)
    const start = fromHeader ?? after ?? (await ctx.storage.lastEventId());
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-server-time': String(ctx.now()),
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 2000\n\n');
    await opts.hub.attach(reply.raw, start);
  });
}
