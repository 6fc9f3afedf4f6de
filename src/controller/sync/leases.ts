/**
 * Number-block leases: asks for a block for every prefix running low, with request ids stored
 * before they are sent (a lost answer or a crash returns the same block), and hands the center's
 * slot to the store.
 */
import { businessDay } from '../../core/business-day';
import type { CodedError } from '../../contract/error-codes';
import { LeaseResponse, type Lease } from '../../contract/sync';
import type { LeasePort } from './outbox-port';
import { centerNow, type SyncContext } from './sync-context';

/** Leases what the store needs; returns how many blocks it added. */
export async function leaseBlocks(ctx: SyncContext, token: string): Promise<number> {
  const leases = ctx.options.leases;
  if (!leases) return 0;
  const day = businessDay(new Date(centerNow(ctx)));
  const needs = leases.leaseNeeds(day, ctx.options.leaseLowWater ?? 10).slice(0, 20);
  if (!needs.length) return 0;
  const requests = needs.map((n) => ({ requestId: leases.leaseRequestId(n.prefix, n.day), prefix: n.prefix, day: n.day }));
  const r = await ctx.http.request('POST', '/v1/leases', LeaseResponse, { body: { requests }, token });
  let added = 0;
  for (const res of r.body!.results) {
    const req = requests.find((q) => q.requestId === res.requestId);
    if (!req) continue;
    if (res.ok && res.lease.prefix === req.prefix && res.lease.day === req.day) added += storeLease(ctx, leases, res.lease, req.prefix);
    else if (!res.ok) ctx.log.warn({ prefix: req.prefix, code: res.code }, 'center refused a number block');
    leases.leaseAnswered(req.requestId);
  }
  ctx.options.onSlot?.(r.body!.robotSlot);
  return added;
}

function storeLease(ctx: SyncContext, leases: LeasePort, lease: Lease, prefix: string): number {
  try {
    return leases.addLease(lease) === 'added' ? 1 : 0;
  } catch (e) {
    // the store refuses a block that overlaps its numbers: it keeps its fallback series instead
    ctx.log.warn({ prefix, code: (e as CodedError).code }, 'number block refused by the store');
    return 0;
  }
}
