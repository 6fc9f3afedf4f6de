/**
 * Home visits (issue 18): robots request them with their device token; the citizen follows the
 * request on the status link printed as the slip's QR (/v/<token>, unguessable, like /t/<id>).
 * Personal data is stored here and answered only masked; nothing personal is logged.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { businessDay } from '../../core/business-day';
import { HomeVisitRequest, type HomeVisitResponse } from '../../contract/sync';
import type { CenterContext } from '../context';
import { maskPhone } from '../../core/personal-mask';
import { toPublicVisit, type HomeVisitStatusResponse } from '../home-visits/views';
import { deviceHook, requireDevice } from '../http/auth';
import { CenterError, issuesOf } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';

const TOKEN = /^[A-Za-z0-9_-]{24,64}$/;
const tokenParam = z.object({ token: z.string().max(100) }).strict();
const HOST = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$/;
/** How far ahead a citizen may ask to be visited. */
const MAX_DAYS_AHEAD = 60;
const DAY_MS = 24 * 3600_000;

/** The base of status links: the configured public URL, else the address the robot reached us at. */
function publicBase(ctx: CenterContext, req: FastifyRequest): string {
  if (ctx.publicUrl) return ctx.publicUrl.replace(/\/$/, '');
  const host = req.host;
  if (!HOST.test(host)) throw new CenterError(400, 'CENTER_INVALID_REQUEST', ['host: not a host name']);
  return `${req.protocol}://${host}`;
}

/** Zod's verdict, with a wrong phone told apart: the robot shows the visitor the phone sentence. */
function parseRequest(body: unknown): HomeVisitRequest {
  const r = HomeVisitRequest.safeParse(body);
  if (r.success) return r.data;
  const onlyPhone = r.error.issues.every((i) => i.path[0] === 'phone');
  throw new CenterError(400, onlyPhone ? 'BOOKING_PHONE_INVALID' : 'CENTER_INVALID_REQUEST', issuesOf(r.error));
}

function checkDays(ctx: CenterContext, days: readonly string[]): void {
  const today = businessDay(new Date(ctx.now()));
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_DAYS_AHEAD * DAY_MS).toISOString().slice(0, 10);
  const bad = days.filter((d) => Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || d < today || d > last);
  if (bad.length) throw new CenterError(400, 'CENTER_INVALID_REQUEST', [`preferredDays: each day from today to ${MAX_DAYS_AHEAD} days ahead`]);
}

export function homeVisitRoutes(app: FastifyInstance, ctx: CenterContext, opts: { statusLimiter: RateLimiter }): void {
  const services = new Set(ctx.catalog.services.map((s) => s.id));

  app.post('/v1/home-visits', { onRequest: deviceHook(ctx) }, async (req, reply) => {
    const { robotId } = await requireDevice(ctx, req);
    const body = parseRequest(req.body);
    if (!services.has(body.serviceId)) throw new CenterError(400, 'CENTER_INVALID_REQUEST', ['serviceId: not a service of the catalog']);
    checkDays(ctx, body.preferredDays);
    if (!ctx.booking.homeVisitCategories.includes(body.category)) throw new CenterError(403, 'HOME_VISIT_CATEGORY_NOT_ALLOWED');
    const { visit, created } = await ctx.storage.requestHomeVisit({
      visitId: randomUUID(), statusToken: randomBytes(24).toString('base64url'), robotId, requestId: body.requestId,
      serviceId: body.serviceId, category: body.category, language: body.language, preferredDays: [...new Set(body.preferredDays)].sort(),
      phone: body.phone, maskedPhone: maskPhone(body.phone), name: body.name ?? null, address: body.address, nowMs: ctx.now(),
    });
    // ids and category only: the phone, name and address never reach a log line
    if (created) ctx.log.info({ robotId, visitId: visit.visitId, category: visit.category }, 'home visit requested');
    const res: HomeVisitResponse = { visit: toPublicVisit(visit), statusUrl: `${publicBase(ctx, req)}/v/${visit.statusToken}`, serverTime: ctx.now() };
    return reply.code(created ? 201 : 200).send(res);
  });

  app.get('/v1/home-visits/status/:token', async (req): Promise<HomeVisitStatusResponse> => {
    if (!(await opts.statusLimiter.take(req.ip, ctx.now()))) throw new CenterError(429, 'CENTER_RATE_LIMITED');
    const token = tokenParam.safeParse(req.params).data?.token;
    const visit = token && TOKEN.test(token) ? await ctx.storage.homeVisitByToken(token) : null;
    if (!visit) throw new CenterError(404, 'HOME_VISIT_NOT_FOUND');
    return { visit: toPublicVisit(visit), serverTime: ctx.now() };
  });
}
