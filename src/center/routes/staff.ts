/** Counter operations, the fleet view and device administration: staff key required. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDay } from '../../core/business-day';
import {
  CounterAction, CreateEnrolmentCodeRequest, TransferRequest,
  type CounterResponse, type FleetResponse,
} from '../../contract/sync';
import type { CenterContext } from '../context';
import { hashSecret, newEnrolmentCode, requireStaff, requireStaffOrAdmin, staffSessionOf } from '../http/auth';
import { CenterError, parse, statusOf } from '../http/errors';
import type { CenterTicket } from '../storage/port';

const counterParams = z.object({ counterId: z.string().min(1).max(48), action: CounterAction }).strict();
const robotParam = z.object({ robotId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/) }).strict();

export function toCalled(t: CenterTicket) {
  return { ticketId: t.ticketId, display: t.display, serviceId: t.serviceId, counterGroup: t.counterGroup, categoryId: t.categoryId, printUncertain: t.printUncertain };
}

/** The robots of the context's branch as the fleet page shows them (also read across branches by the city administrator). */
export async function fleetOf(ctx: CenterContext): Promise<FleetResponse['robots']> {
  const audit = await ctx.storage.auditSummaries();
  return (await ctx.storage.listDevices()).map((d) => ({
    robotId: d.robotId, robotSlot: d.robotSlot, enrolledAt: d.enrolledAtMs, revoked: d.revoked, tokenExpiresAt: d.tokenExpiresAtMs,
    lastSeenAt: d.lastSeenAtMs, skewMs: d.skewMs, health: d.health, audit: audit[d.robotId] ?? { count: 0, lastAt: null, lastAction: null },
    enrolment: {
      reEnrolments: d.enrolment.reEnrolments, lastReEnrolledAt: d.enrolment.lastReEnrolledAtMs,
      refusedTakeovers: d.enrolment.refusedTakeovers, lastRefusedAt: d.enrolment.lastRefusedAtMs,
    },
  }));
}

export function staffRoutes(app: FastifyInstance, ctx: CenterContext, opts: { afterWrite: () => void }): void {
  app.post('/v1/counters/:counterId/:action', async (req): Promise<CounterResponse> => {
    requireStaff(ctx, req);
    const { counterId, action } = parse(counterParams, req.params);
    const transfer = action === 'transfer' ? parse(TransferRequest, req.body) : undefined;
    const now = ctx.now();
    const out = await ctx.storage.counterOp({ counterId, action, toCounterGroup: transfer?.toCounterGroup, weights: ctx.weights, maxOvertakes: ctx.maxOvertakes, day: businessDay(new Date(now)), nowMs: now, staffSession: staffSessionOf(req) });
    opts.afterWrite();
    if (!out.ok) throw new CenterError(statusOf(out.code), out.code);
    return { counterId, current: out.current ? toCalled(out.current) : null, serverTime: ctx.now() };
  });

  app.get('/v1/fleet', async (req): Promise<FleetResponse> => {
    requireStaffOrAdmin(ctx, req);
    return { robots: await fleetOf(ctx), serverTime: ctx.now() };
  });

  app.post('/v1/admin/enrolment-codes', async (req, reply) => {
    requireStaff(ctx, req);
    const body = parse(CreateEnrolmentCodeRequest, req.body ?? {});
    const code = newEnrolmentCode();
    const now = ctx.now();
    const expiresAt = now + body.validMinutes * 60_000;
    await ctx.storage.createEnrolmentCode(hashSecret(code), body.robotId ?? null, expiresAt, now);
    return reply.code(201).send({ code, expiresAt, serverTime: ctx.now() });
  });

  app.post('/v1/admin/devices/:robotId/revoke', async (req) => {
    requireStaff(ctx, req);
    const { robotId } = parse(robotParam, req.params);
    const revoked = await ctx.storage.revokeDevice(robotId, ctx.now());
    if (!revoked && (await ctx.storage.slotOf(robotId)) === null) throw new CenterError(404, 'CENTER_NOT_FOUND');
    opts.afterWrite();
    ctx.log.info({ robotId }, 'robot revoked');
    return { robotId, revoked: true, serverTime: ctx.now() };
  });
}
