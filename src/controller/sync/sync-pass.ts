/**
 * One full pass, in its order: the device token, leases (numbers before anything else), the
 * ticket outbox, then the robot events (check-ins, staff calls, audit rows, ratings: a ticket is
 * the citizen's place in the queue, the rest can wait a pass), and the heartbeat when it is due.
 * A pass that fails leaves every outbox untouched beyond what the center acknowledged.
 */
import { drainCheckIns } from './check-ins-drain';
import { currentToken } from './device-token';
import { heartbeat, heartbeatDue } from './heartbeat';
import { leaseBlocks } from './leases';
import { noteFailure } from './link-state';
import { drainRatings } from './ratings-drain';
import { drainAudit, drainStaffCalls } from './robot-events-drain';
import { toCenterTime, type SyncContext } from './sync-context';
import { drainTickets } from './ticket-drain';

export interface SyncRound {
  sent: number;
  acked: number;
  rejected: number;
  leases: number;
  /** Staff calls and audit rows the center acknowledged this pass. */
  staffCalls: number;
  auditRows: number;
}

/** Throws a CodedError when the center cannot be used; the link state says why. */
export async function syncPass(ctx: SyncContext): Promise<SyncRound> {
  const round: SyncRound = { sent: 0, acked: 0, rejected: 0, leases: 0, staffCalls: 0, auditRows: 0 };
  const { options, link } = ctx;
  try {
    const sentBefore = ctx.http.requests;
    const token = await currentToken(ctx);
    round.leases = await leaseBlocks(ctx, token);
    await drainTickets(ctx, token, round);
    const events = { http: ctx.http, token, log: ctx.log, toCenterTime: (iso: string) => toCenterTime(ctx, iso) };
    if (options.checkIns) await drainCheckIns(options.checkIns, events);
    if (options.staffCalls) round.staffCalls = await drainStaffCalls(options.staffCalls, events);
    if (options.audit) round.auditRows = await drainAudit(options.audit, events);
    if (options.ratings) await drainRatings(options.ratings, events);
    if (heartbeatDue(ctx, ctx.http.requests === sentBefore)) await heartbeat(ctx, token);
    link.online = true;
    link.lastErrorCode = null;
    link.lastSyncAt = ctx.now();
    return round;
  } catch (e) {
    const code = noteFailure(link, e);
    ctx.log.warn({ code }, 'sync with the center failed; tickets stay in the outbox');
    throw e;
  } finally {
    ctx.changed();
  }
}
