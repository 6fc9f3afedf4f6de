/** The routes robots call with their device token (and enrolment, which gives them one). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { businessDay } from '../../core/business-day';
import {
  DeviceHealth, EnrolRequest, IngestRequest, LeaseRequest, LookupCode, SYNC_PROTOCOL_VERSION, TicketChange,
  type CatalogResponse, type DeviceToken, type EnrolResponse, type HeartbeatResponse, type IngestResponse, type LeaseResponse, type LeaseResult, type RefreshResponse,
} from '../../contract/sync';
import { ruleFor, type CenterContext } from '../context';
import type { EnrolOutcome } from '../storage/port';
import { deviceHook, hashSecret, issueToken, requireDevice } from '../http/auth';
import { CenterError, issuesOf, parse, statusOf } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';

const DAY_MS = 24 * 3600_000;

/**
 * The enrolment code belongs to the branch whose staff made it, so the robot needs no branch in
 * its config: the code is tried in this branch first, then in the others of the deployment, and
 * the robot is enrolled (its token bound) where the code is known.
 */
async function enrolInBranchOfCode(ctx: CenterContext, body: EnrolRequest, afterWrite: () => void) {
  const branches = [{ ctx, afterWrite }, ...(ctx.directory?.all() ?? []).filter((b) => b.ctx.branchId !== ctx.branchId)];
  let tried: { outcome: EnrolOutcome; device: DeviceToken; branch: (typeof branches)[number] } | undefined;
  for (const branch of branches) {
    const c = branch.ctx;
    const { device, hash } = issueToken(c);
    const outcome = await c.storage.enrol({
      codeHash: hashSecret(body.code), robotId: body.robotId, tokenHash: hash, tokenExpiresAtMs: device.expiresAt, nowMs: c.now(),
      fallbackSlots: c.numbering.default.fallbackSlots, preferredSlot: body.preferredSlot,
    });
    tried ??= { outcome, device, branch };
    if (outcome.ok || outcome.code !== 'SYNC_ENROLMENT_CODE_INVALID') return { outcome, device, branch };
  }
  return tried!;
}

export function robotRoutes(app: FastifyInstance, ctx: CenterContext, opts: { enrolLimiter: RateLimiter; afterWrite: () => void; appointmentKey?: string }): void {
  const groupByService = new Map(ctx.catalog.services.map((s) => [s.id, s.counterGroup]));
  const deviceOnly = { onRequest: deviceHook(ctx) };

  app.get('/v1/info', async () => ({
    protocol: SYNC_PROTOCOL_VERSION, minProtocol: 1, centerName: ctx.catalog.centerName.vi,
    ...(opts.appointmentKey ? { appointmentKey: opts.appointmentKey } : {}), serverTime: ctx.now(),
  }));

  app.post('/v1/enrol', async (req, reply) => {
    // only failed attempts count: guessing codes is slow, enrolling a fleet at once is not
    if (!(await opts.enrolLimiter.allows(req.ip, ctx.now()))) throw new CenterError(429, 'CENTER_RATE_LIMITED');
    const body = parse(EnrolRequest, req.body);
    const { outcome, device, branch } = await enrolInBranchOfCode(ctx, body, opts.afterWrite);
    if (!outcome.ok) await opts.enrolLimiter.take(req.ip, ctx.now());
    if (!outcome.ok && outcome.code === 'SYNC_ROBOT_ID_TAKEN') ctx.log.warn({ robotId: body.robotId, code: outcome.code }, 'enrolment refused: the robot id is enrolled and alive');
    if (!outcome.ok) throw new CenterError(statusOf(outcome.code), outcome.code);
    branch.afterWrite();
    ctx.log.info({ robotId: body.robotId, robotSlot: outcome.robotSlot, branchId: branch.ctx.branchId }, 'robot enrolled');
    const res: EnrolResponse = { robotId: body.robotId, robotSlot: outcome.robotSlot, device, serverTime: ctx.now() };
    return reply.code(201).send(res);
  });

  app.post('/v1/token/refresh', deviceOnly, async (req): Promise<RefreshResponse> => {
    const { tokenHash } = await requireDevice(ctx, req);
    const { device, hash } = issueToken(ctx);
    await ctx.storage.rotateToken(tokenHash, hash, device.expiresAt, ctx.now() + ctx.tokenGraceMs, ctx.now());
    return { device, serverTime: ctx.now() };
  });

  app.get('/v1/catalog', deviceOnly, async (req: FastifyRequest, reply: FastifyReply) => {
    await requireDevice(ctx, req);
    reply.header('etag', ctx.catalogEtag);
    if (req.headers['if-none-match'] === ctx.catalogEtag) return reply.code(304).send();
    const res: CatalogResponse = {
      catalog: ctx.catalog, counters: ctx.counters, priorityWeights: { ...ctx.weights }, numbering: ctx.numbering, etag: ctx.catalogEtag, serverTime: ctx.now(),
    };
    return res;
  });

  app.post('/v1/leases', deviceOnly, async (req): Promise<LeaseResponse> => {
    const { robotId } = await requireDevice(ctx, req);
    const body = parse(LeaseRequest, req.body);
    const results = await leaseBlocks(ctx, robotId, body.requests);
    const slot = await ctx.storage.slotOf(robotId);
    return { results, robotSlot: slot ?? 0, serverTime: ctx.now() };
  });

  app.post('/v1/tickets/batch', deviceOnly, async (req): Promise<IngestResponse> => {
    const { robotId } = await requireDevice(ctx, req);
    const body = parse(IngestRequest, req.body);
    // one bad item must not hold back the others: each is validated alone and answered alone
    const changes = body.changes.map((c) => {
      const r = TicketChange.safeParse(c);
      return r.success ? r.data : { invalid: issuesOf(r.error) };
    });
    const results = await ctx.storage.ingest(changes, { robotId, nowMs: ctx.now(), groupOf: (id) => groupByService.get(id) ?? null });
    opts.afterWrite();
    return { results, serverTime: ctx.now() };
  });

  app.post('/v1/heartbeat', deviceOnly, async (req): Promise<HeartbeatResponse> => {
    const { robotId } = await requireDevice(ctx, req);
    const health = parse(DeviceHealth, req.body);
    await ctx.storage.recordHeartbeat(robotId, health, ctx.now());
    return { catalogEtag: ctx.catalogEtag, lastEventId: await ctx.storage.lastEventId(), serverTime: ctx.now() };
  });

  lookupRoutes(app, ctx, deviceOnly);
}

/** The robot's look-ups at the counter's desk: an appointment by its code, a dossier by its number. */
function lookupRoutes(app: FastifyInstance, ctx: CenterContext, deviceOnly: { onRequest: ReturnType<typeof deviceHook> }): void {
  const codeParam = z.object({ code: LookupCode }).strict();
  app.get('/v1/appointments/:code', deviceOnly, async (req) => {
    await requireDevice(ctx, req);
    const { code } = parse(codeParam, req.params);
    const appointment = await ctx.storage.findAppointment(code);
    if (!appointment) throw new CenterError(404, 'CENTER_NOT_FOUND');
    return { appointment, serverTime: ctx.now() };
  });
  app.get('/v1/dossiers/:code', deviceOnly, async (req) => {
    await requireDevice(ctx, req);
    const { code } = parse(codeParam, req.params);
    const dossier = await ctx.storage.findDossier(code);
    if (!dossier) throw new CenterError(404, 'CENTER_NOT_FOUND');
    return { dossier, serverTime: ctx.now() };
  });
}

/** Each block request answered alone: a prefix this center does not number or a day not leasable now is refused by code. */
async function leaseBlocks(ctx: CenterContext, robotId: string, requests: LeaseRequest['requests']): Promise<LeaseResult[]> {
  const now = ctx.now();
  // only today and tomorrow (a robot near midnight, or a little ahead): nobody hoards future days
  const days = new Set([businessDay(new Date(now)), businessDay(new Date(now + DAY_MS))]);
  const results: LeaseResult[] = [];
  for (const r of requests) {
    if (!ctx.prefixes.has(r.prefix)) results.push({ requestId: r.requestId, ok: false, code: 'CENTER_PREFIX_UNKNOWN' });
    else if (!days.has(r.day)) results.push({ requestId: r.requestId, ok: false, code: 'SYNC_DAY_NOT_LEASABLE' });
    else {
      const out = await ctx.storage.leaseBlock({ robotId, requestId: r.requestId, prefix: r.prefix, day: r.day, rule: ruleFor(ctx, r.prefix), nowMs: now });
      results.push(out.ok ? { requestId: r.requestId, ok: true, lease: out.lease } : { requestId: r.requestId, ok: false, code: out.code });
    }
  }
  return results;
}
