import { CodedError, type StaffCall, type StaffCallRequest, type StaffCallResponse } from '../../contract';
import type { Logger } from '../log';
import type { StaffNotifier } from './port';

/** A second tap on "call staff" within this window is the same call, not a second one. */
export const REPEAT_WINDOW_MS = 60_000;

export interface StaffCallDeps {
  notifier: StaffNotifier;
  robotId: string;
  now: () => Date;
  newId: () => string;
  log: Logger;
  /** The display number of a ticket this robot issued ("A007"); undefined when unknown. */
  ticketDisplay?: (ticketId: string) => string | undefined;
  onCalled?: (call: StaffCall) => void;
}

/**
 * The `staff.call` command: records the call through the StaffNotifier, once per reason and
 * ticket within a minute (an anxious visitor taps twice; staff should walk over once).
 */
export function staffCalls(deps: StaffCallDeps): (req: StaffCallRequest) => Promise<StaffCallResponse> {
  const recent = new Map<string, StaffCall>();
  return async (req) => {
    const at = deps.now();
    const key = `${req.reason}:${req.ticketId ?? ''}`;
    for (const [k, c] of recent) if (at.getTime() - Date.parse(c.calledAt) >= REPEAT_WINDOW_MS) recent.delete(k);
    const earlier = recent.get(key);
    if (earlier) return { callId: earlier.id, calledAt: earlier.calledAt, repeated: true };
    const display = req.ticketId ? deps.ticketDisplay?.(req.ticketId) : undefined;
    const call: StaffCall = { ...req, id: deps.newId(), robotId: deps.robotId, calledAt: at.toISOString(), ...(display ? { ticketDisplay: display } : {}) };
    try {
      await deps.notifier.notify(call);
    } catch (e) {
      deps.log.error({ err: e instanceof Error ? e.message : String(e), reason: req.reason }, 'staff call not recorded');
      throw new CodedError('STAFF_CALL_FAILED', 'notifier refused the call');
    }
    recent.set(key, call);
    // the reason and language only: nothing that identifies the visitor
    deps.log.info({ call: call.id, reason: call.reason, language: call.language, ticket: call.ticketDisplay }, 'staff called');
    deps.onCalled?.(call);
    return { callId: call.id, calledAt: call.calledAt, repeated: false };
  };
}
