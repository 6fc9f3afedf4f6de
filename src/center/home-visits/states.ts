/**
 * What staff may do to a home visit, as a pure rule: requested → scheduled → done, and a visit
 * not yet done may be cancelled. Everything else (a second tab acting on a closed visit, a
 * visit done without a date) is HOME_VISIT_STATE_CONFLICT. The storage applies it inside the
 * same transaction that reads the current status.
 */
import type { HomeVisitStatus } from '../../contract/sync';

export type HomeVisitAction = 'schedule' | 'done' | 'cancel';

export type HomeVisitStep = { ok: true; status: HomeVisitStatus } | { ok: false; code: 'HOME_VISIT_STATE_CONFLICT' };

const STEPS: Record<HomeVisitAction, Partial<Record<HomeVisitStatus, HomeVisitStatus>>> = {
  schedule: { requested: 'scheduled' },
  done: { scheduled: 'done' },
  cancel: { requested: 'cancelled', scheduled: 'cancelled' },
};

export function nextHomeVisitStatus(from: HomeVisitStatus, action: HomeVisitAction): HomeVisitStep {
  const to = STEPS[action][from];
  return to ? { ok: true, status: to } : { ok: false, code: 'HOME_VISIT_STATE_CONFLICT' };
}
