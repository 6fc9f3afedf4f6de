/**
 * Robot events besides tickets: staff calls and service audit rows (device token), and what staff
 * do with them (staff key): the open calls for the counter page, acknowledging one, a robot's
 * audit trail. Each batch item is validated alone and answered alone, like ticket ingestion.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ServiceAuditEvent } from '../../contract/service';
import { AuditBatchRequest, StaffCallsBatchRequest, SyncStaffCall, type RobotEventsResponse } from '../../contract/sync';
import type { CenterContext } from '../context';
import { deviceHook, requireDevice, requireStaff } from '../http/auth';
import { CenterError, issuesOf, parse } from '../http/errors';
import type { AuditInput, InvalidItem } from '../storage/port';

const callParam = z.object({ callId: z.string().uuid() }).strict();
const robotParam = z.object({ robotId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/) }).strict();

/** The item's own id or key, echoed in a rejection so the robot can drop exactly that item. */
function readableId(item: unknown, field: 'id' | 'key'): string | null {
  const v = item && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined;
  return typeof v === 'string' && v.length > 0 && v.length <= 160 ? v : null;
}

function staffCallItem(item: unknown): SyncStaffCall | InvalidItem {
  const r = SyncStaffCall.safeParse(item);
  return r.success ? r.data : { invalid: issuesOf(r.error), id: readableId(item, 'id') };
}

function auditItem(item: unknown): AuditInput | InvalidItem {
  const r = ServiceAuditEvent.safeParse(item);
  if (!r.success) return { invalid: issuesOf(r.error), id: readableId(item, 'key') };
  const atMs = Date.parse(r.data.at);
  if (!Number.isFinite(atMs)) return { invalid: ['at: not an ISO instant'], id: r.data.key };
  const { at: _at, ...rest } = r.data;
  return { ...rest, atMs };
}

export function robotEventRoutes(app: FastifyInstance, ctx: CenterContext, opts: { afterWrite: () => void }): void {
  const deviceOnly = { onRequest: deviceHook(ctx) };

  app.post('/v1/staff-calls/batch', deviceOnly, async (req): Promise<RobotEventsResponse> => {
    const { robotId } = await requireDevice(ctx, req);
    const body = parse(StaffCallsBatchRequest, req.body);
    const results = await ctx.storage.storeStaffCalls(body.calls.map(staffCallItem), { robotId, nowMs: ctx.now() });
    if (results.some((r) => r.status === 'stored')) {
      opts.afterWrite();
      // reason and robot only: the call is for staff, not a record of the visitor
      ctx.log.info({ robotId, stored: results.filter((r) => r.status === 'stored').length }, 'staff called from a robot');
    }
    return { results, serverTime: ctx.now() };
  });

  app.post('/v1/audit/batch', deviceOnly, async (req): Promise<RobotEventsResponse> => {
    const { robotId } = await requireDevice(ctx, req);
    const body = parse(AuditBatchRequest, req.body);
    const results = await ctx.storage.storeAudit(body.events.map(auditItem), { robotId, nowMs: ctx.now() });
    return { results, serverTime: ctx.now() };
  });

  app.get('/v1/staff-calls', async (req) => {
    requireStaff(ctx, req);
    return { calls: await ctx.storage.openStaffCalls(100), serverTime: ctx.now() };
  });

  app.post('/v1/staff-calls/:callId/acknowledge', async (req) => {
    requireStaff(ctx, req);
    const { callId } = parse(callParam, req.params);
    const call = await ctx.storage.acknowledgeStaffCall(callId, ctx.now());
    if (!call) throw new CenterError(404, 'CENTER_NOT_FOUND');
    opts.afterWrite();
    return { call, serverTime: ctx.now() };
  });

  app.get('/v1/fleet/:robotId/audit', async (req) => {
    requireStaff(ctx, req);
    const { robotId } = parse(robotParam, req.params);
    return { rows: await ctx.storage.recentAudit(robotId, 100), serverTime: ctx.now() };
  });
}
