/**
 * The city administrator's views across branches (issue 19): the robots and the statistics of
 * every ward center side by side. Only the administrator's key (`Authorization: Admin <key>`,
 * distinct from every branch's staff key) opens them; a branch's own staff see only their branch
 * (/v1/fleet, /v1/stats, which the administrator may also read per branch under /b/<id>/).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CenterContext } from '../context';
import { adminKeyMatches } from '../http/auth';
import { CenterError } from '../http/errors';
import { fleetOf } from './staff';
import { rangeOfQuery, statsOf } from './stats';

function requireAdmin(ctx: CenterContext, req: FastifyRequest): void {
  if (!adminKeyMatches(ctx, req)) throw new CenterError(401, 'CENTER_ADMIN_UNAUTHORIZED');
}

const branchesOf = (ctx: CenterContext) => (ctx.directory?.all() ?? [{ ctx }]).map((b) => b.ctx);

export function cityRoutes(app: FastifyInstance, ctx: CenterContext): void {
  app.get('/v1/city/branches', async (req) => {
    requireAdmin(ctx, req);
    return { branches: branchesOf(ctx).map((c) => ({ branchId: c.branchId, name: c.branchName })), serverTime: ctx.now() };
  });

  app.get('/v1/city/fleet', async (req) => {
    requireAdmin(ctx, req);
    const branches = [];
    for (const c of branchesOf(ctx)) branches.push({ branchId: c.branchId, name: c.branchName, robots: await fleetOf(c) });
    return { branches, serverTime: ctx.now() };
  });

  /** Each branch's figures over one range (a city-wide median is not a sum of wards' medians: the dashboard compares them). */
  app.get('/v1/city/stats', async (req) => {
    requireAdmin(ctx, req);
    const q = rangeOfQuery(req.query);
    const branches = [];
    for (const c of branchesOf(ctx)) {
      const { serverTime: _, ...stats } = await statsOf(c, q);
      branches.push({ branchId: c.branchId, name: c.branchName, stats });
    }
    return { from: q.from, to: q.to, branches, serverTime: ctx.now() };
  });
}
