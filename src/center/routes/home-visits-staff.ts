/** The /visits page's routes (staff sign-in or key): the full requests, schedule, done, cancel. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { businessDay } from '../../core/business-day';
import type { CenterContext } from '../context';
import {
  CloseHomeVisit, HomeVisitListQuery, ScheduleHomeVisit, toStaffVisit, type HomeVisitChangeResponse, type HomeVisitListResponse,
} from '../home-visits/views';
import { requireStaff } from '../http/auth';
import { CenterError, parse } from '../http/errors';
import type { HomeVisitChange } from '../storage/port';

const changeParams = z.object({ visitId: z.string().uuid(), action: z.enum(['schedule', 'done', 'cancel']) }).strict();

export function homeVisitStaffRoutes(app: FastifyInstance, ctx: CenterContext): void {
  app.get('/v1/home-visits', async (req): Promise<HomeVisitListResponse> => {
    requireStaff(ctx, req);
    const query = parse(HomeVisitListQuery, req.query);
    const visits = await ctx.storage.listHomeVisits(query);
    return { visits: visits.map(toStaffVisit), serverTime: ctx.now() };
  });

  app.post('/v1/home-visits/:visitId/:action', async (req): Promise<HomeVisitChangeResponse> => {
    requireStaff(ctx, req);
    const { visitId, action } = parse(changeParams, req.params);
    let change: HomeVisitChange;
    if (action === 'schedule') {
      const s = parse(ScheduleHomeVisit, req.body);
      if (s.day < businessDay(new Date(ctx.now())) || Number.isNaN(Date.parse(`${s.day}T00:00:00Z`))) throw new CenterError(400, 'CENTER_INVALID_REQUEST', ['day: today or later']);
      change = { action, ...s };
    } else {
      parse(CloseHomeVisit, req.body ?? {});
      change = { action };
    }
    const out = await ctx.storage.changeHomeVisit(visitId, change, ctx.now());
    if (!out.ok) throw new CenterError(out.code === 'HOME_VISIT_NOT_FOUND' ? 404 : 409, out.code);
    ctx.log.info({ visitId, status: out.visit.status }, 'home visit changed');
    return { visit: toStaffVisit(out.visit), serverTime: ctx.now() };
  });
}
