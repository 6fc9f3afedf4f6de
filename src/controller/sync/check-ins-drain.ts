/**
 * Drains appointment check-ins queued while the center was unreachable, oldest first, one request
 * each (the route is idempotent by checkInId). An appointment the center no longer knows is
 * dropped with a warning; any other failure stops the drain and leaves the rest for the next pass.
 */
import { CodedError } from '../../contract/error-codes';
import { CheckInResponse } from '../../contract/sync';
import type { CheckInOutboxPort } from './check-in-outbox-port';
import type { DrainDeps } from './robot-events-drain';

/** Check-ins per pass: the rest goes next pass. */
const MAX_CHECK_INS_PER_PASS = 20;

export async function drainCheckIns(port: CheckInOutboxPort, { http, token, log, toCenterTime }: DrainDeps): Promise<void> {
  for (const entry of port.pendingCheckIns(MAX_CHECK_INS_PER_PASS)) {
    try {
      const r = await http.request('POST', `/v1/appointments/${encodeURIComponent(entry.appointmentId)}/check-in`, CheckInResponse, {
        token, body: { checkInId: entry.checkInId, ...(entry.ticketId ? { ticketId: entry.ticketId } : {}), at: toCenterTime(entry.at) },
      });
      port.checkInSent(entry.checkInId, r.body!.outcome);
      // checked in offline on two robots, or cancelled meanwhile: staff sees it at the counter
      if (r.body!.outcome !== 'checked-in') log.warn({ outcome: r.body!.outcome }, 'a check-in queued offline was not the first');
    } catch (e) {
      if (!(e instanceof CodedError) || e.code !== 'CENTER_NOT_FOUND') throw e;
      port.checkInSent(entry.checkInId, 'not-found');
      log.warn({ code: e.code }, 'a check-in queued offline names an appointment the center does not know');
    }
  }
}
