/**
 * The device token of every request: the saved one until the center's refreshAfter (on the
 * center's clock), then a refreshed one, saved before it is used. No credentials: not enrolled.
 */
import { CodedError } from '../../contract/error-codes';
import { RefreshResponse } from '../../contract/sync';
import { centerNow, type SyncContext } from './sync-context';

export async function currentToken(ctx: SyncContext): Promise<string> {
  const saved = ctx.options.credentials.load();
  if (!saved) {
    if (ctx.link.enrolment === 'enrolled') ctx.link.enrolment = 'not-enrolled';
    throw new CodedError('SYNC_NOT_ENROLLED', 'no device token');
  }
  if (centerNow(ctx) < saved.refreshAfter) return saved.token;
  const r = await ctx.http.request('POST', '/v1/token/refresh', RefreshResponse, { token: saved.token });
  const device = r.body!.device;
  ctx.options.credentials.save({ ...saved, token: device.token, expiresAt: device.expiresAt, refreshAfter: device.refreshAfter });
  ctx.log.info({ expiresAt: device.expiresAt }, 'device token refreshed');
  return device.token;
}
