/**
 * Enrolment: spends a one-time code, saves the device credentials and the granted slot, which
 * the store switches to at once (docs/sync-protocol.md).
 */
import { CodedError } from '../../contract/error-codes';
import { EnrolResponse } from '../../contract/sync';
import type { SyncContext } from './sync-context';

/** Asks for `preferredSlot` (the configured one) and returns the slot granted. */
export async function enrol(ctx: SyncContext, code: string, preferredSlot?: number): Promise<number> {
  const { options } = ctx;
  const r = await ctx.http.request('POST', '/v1/enrol', EnrolResponse, { body: { code, robotId: options.robotId, version: options.version, preferredSlot } });
  const e = r.body!;
  if (e.robotId !== options.robotId) throw new CodedError('SYNC_RESPONSE_INVALID', 'enrolment answered for another robot');
  options.credentials.save({ centerUrl: options.centerUrl, robotId: e.robotId, robotSlot: e.robotSlot, token: e.device.token, expiresAt: e.device.expiresAt, refreshAfter: e.device.refreshAfter });
  ctx.link.enrolment = 'enrolled';
  ctx.link.online = true;
  ctx.log.info({ robotSlot: e.robotSlot }, 'enrolled with the center');
  options.onSlot?.(e.robotSlot);
  ctx.changed();
  return e.robotSlot;
}
