/**
 * Satisfaction ratings (issue 18), one per served ticket, from three places:
 * - the phone page: POST /v1/tickets/:ticketId/rating — the ticket's unguessable id is the
 *   capability, as for its status page; rate-limited per address;
 * - the counter's rating tablet: POST /v1/counters/:counterId/tickets/:ticketId/rating — staff
 *   signed in, and only a ticket that counter served;
 * - the robot: POST /v1/robot/ratings/:ticketId — device token; the same rating sent again (a lost
 *   answer) is answered 200, so the robot's outbox may resend it safely.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RatingRequest, type RatingResponse } from '../../contract/sync';
import type { CenterContext } from '../context';
import { deviceHook, requireStaff } from '../http/auth';
import { CenterError, parse, statusOf } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';
import type { RatingSourceName, StoredRating } from '../storage/port';

const ticketParam = z.object({ ticketId: z.string().uuid() }).strict();
const counterTicketParams = z.object({ counterId: z.string().min(1).max(48), ticketId: z.string().uuid() }).strict();

const sameRating = (a: StoredRating, b: { score: string; reasons: readonly string[]; comment: string | null }) =>
  a.score === b.score && a.comment === b.comment && JSON.stringify(a.reasons) === JSON.stringify(b.reasons);

export function ratingRoutes(app: FastifyInstance, ctx: CenterContext, opts: { ratingLimiter: RateLimiter }): void {
  async function rate(ticketId: string, body: unknown, source: RatingSourceName, counterId?: string): Promise<{ status: 200 | 201; body: RatingResponse }> {
    const r = parse(RatingRequest, body);
    const rating = { score: r.score, reasons: [...new Set(r.reasons)], comment: r.comment ? r.comment : null };
    const out = await ctx.storage.rateTicket({ ticketId, ...rating, source, ...(counterId ? { counterId } : {}), nowMs: ctx.now() });
    if (!out.ok) {
      // the robot's resend after a lost answer: the rating it sent is the one stored
      if (source === 'robot' && out.existing?.source === 'robot' && sameRating(out.existing, rating)) return { status: 200, body: { rated: true, serverTime: ctx.now() } };
      throw new CenterError(statusOf(out.code), out.code);
    }
    ctx.log.info({ source }, 'ticket rated');
    return { status: 201, body: { rated: true, serverTime: ctx.now() } };
  }

  app.post('/v1/tickets/:ticketId/rating', async (req, reply) => {
    if (!(await opts.ratingLimiter.take(req.ip, ctx.now()))) throw new CenterError(429, 'CENTER_RATE_LIMITED');
    const { ticketId } = parse(ticketParam, req.params);
    const out = await rate(ticketId, req.body, 'phone');
    return reply.code(out.status).send(out.body);
  });

  app.post('/v1/counters/:counterId/tickets/:ticketId/rating', async (req, reply) => {
    requireStaff(ctx, req);
    const { counterId, ticketId } = parse(counterTicketParams, req.params);
    const out = await rate(ticketId, req.body, 'counter', counterId);
    return reply.code(out.status).send(out.body);
  });

  app.post('/v1/robot/ratings/:ticketId', { onRequest: deviceHook(ctx) }, async (req, reply) => {
    const { ticketId } = parse(ticketParam, req.params);
    const out = await rate(ticketId, req.body, 'robot');
    return reply.code(out.status).send(out.body);
  });
}
