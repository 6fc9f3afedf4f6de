/**
 * Staff sign-in of the counter and fleet pages. The key is posted once and answered with a random
 * session id in an HttpOnly, SameSite=Strict cookie (no script reads it, no other site sends it);
 * the center keeps only its hash, so sessions survive a restart and can be revoked.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { StaffSignInRequest, type RevokeSessionsResponse, type StaffSessionResponse } from '../../contract/sync';
import { withBranch } from '../branches/branch-id';
import type { CenterContext } from '../context';
import { hashSecret, newSecret, requireStaff, sessionCookieOf, STAFF_COOKIE, staffKeyMatches } from '../http/auth';
import { CenterError, parse } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';

function setCookie(reply: FastifyReply, value: string, maxAgeSeconds: number): FastifyReply {
  return reply.header('set-cookie', `${STAFF_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`);
}

export function staffSessionRoutes(app: FastifyInstance, ctx: CenterContext, opts: { signInLimiter: RateLimiter }): void {
  app.post('/v1/staff/session', async (req, reply) => {
    // only wrong keys use up the allowance: a counter that signs in every morning is never locked out
    if (!(await opts.signInLimiter.allows(req.ip, ctx.now()))) throw new CenterError(429, 'CENTER_RATE_LIMITED');
    const { key } = parse(StaffSignInRequest, req.body);
    if (!staffKeyMatches(ctx, key)) {
      await opts.signInLimiter.take(req.ip, ctx.now());
      throw new CenterError(401, 'CENTER_STAFF_UNAUTHORIZED');
    }
    // the cookie names its branch, so a page's requests reach that branch whatever their path
    const session = withBranch(ctx.branchId, newSecret());
    const now = ctx.now();
    const expiresAt = now + ctx.staffSessionMs;
    await ctx.storage.createStaffSession(hashSecret(session), expiresAt, now);
    ctx.log.info({}, 'staff signed in');
    const body: StaffSessionResponse = { signedIn: true, expiresAt, serverTime: ctx.now() };
    return setCookie(reply, session, Math.floor(ctx.staffSessionMs / 1000)).code(201).send(body);
  });

  /** Whether this page is signed in (the cookie is unreadable from script, so the page asks). */
  app.get('/v1/staff/session', async (req) => {
    requireStaff(ctx, req);
    return { signedIn: true, serverTime: ctx.now() };
  });

  app.delete('/v1/staff/session', async (req, reply) => {
    const session = sessionCookieOf(req);
    if (session) await ctx.storage.revokeStaffSessions(hashSecret(session), ctx.now());
    return setCookie(reply, '', 0).code(204).send();
  });

  app.post('/v1/staff/sessions/revoke', async (req): Promise<RevokeSessionsResponse> => {
    requireStaff(ctx, req);
    const revoked = await ctx.storage.revokeStaffSessions(null, ctx.now());
    ctx.log.info({ revoked }, 'every staff sign-in revoked');
    return { revoked, serverTime: ctx.now() };
  });
}
