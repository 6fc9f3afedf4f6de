/**
 * GET /v1/announcements/:ticketId — the lobby display's announcement of a called ticket as a WAV
 * spoken by the center (espeak-ng), cached: every display in the lobby fetches the same call.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PageLanguage } from '../../contract/sync';
import type { CenterContext } from '../context';
import { CenterError, parse } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';
import { announcement } from '../speech/announcement';
import { espeakSpeaker, type Speak } from '../speech/espeak';
import { pageLabels } from './labels';

const params = z.object({ ticketId: z.string().uuid() }).strict();
/** `call` is the stream event's id: a recall is a new URL, so no cache in between replays an old one. */
const query = z.object({ call: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() }).strict();
const CACHED = 64;

export function speechRoutes(app: FastifyInstance, ctx: CenterContext, opts: { synthLimiter: RateLimiter; speak?: Speak }): void {
  const speak = opts.speak ?? espeakSpeaker();
  const counters = new Map(pageLabels(ctx).counters.map((c) => [c.id, c.label]));
  const cache = new Map<string, Promise<Buffer>>();

  app.get('/v1/announcements/:ticketId', async (req, reply) => {
    const { ticketId } = parse(params, req.params);
    parse(query, req.query);
    const t = await ctx.storage.getTicket(ticketId);
    const counter = t?.counterId ? counters.get(t.counterId) : undefined;
    if (!t || t.status !== 'called' || !counter) throw new CenterError(404, 'CENTER_NOT_FOUND');
    const key = `${t.ticketId}:${t.counterId}`;
    let wav = cache.get(key);
    if (!wav) {
      if (!(await opts.synthLimiter.take(req.ip, ctx.now()))) throw new CenterError(429, 'CENTER_RATE_LIMITED');
      wav = speak(announcement(t.display, counter, PageLanguage.safeParse(t.language).data));
      cache.set(key, wav);
      wav.catch(() => cache.delete(key));
      if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
    }
    return reply.header('cache-control', 'public, max-age=600').type('audio/wav').send(await wav);
  });
}
