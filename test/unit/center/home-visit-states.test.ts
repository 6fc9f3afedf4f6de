import { HomeVisitStatus } from '../../../src/contract/sync';
import { nextHomeVisitStatus, type HomeVisitAction } from '../../../src/center/home-visits/states';

describe('home visit states', () => {
  const allowed: Record<string, string> = {
    'requested/schedule': 'scheduled',
    'scheduled/done': 'done',
    'requested/cancel': 'cancelled',
    'scheduled/cancel': 'cancelled',
  };
  const actions: HomeVisitAction[] = ['schedule', 'done', 'cancel'];

  it('allows exactly requested→scheduled→done and requested/scheduled→cancelled; anything else is a conflict', () => {
    for (const from of HomeVisitStatus.options) {
      for (const action of actions) {
        const expected = allowed[`${from}/${action}`];
        const out = nextHomeVisitStatus(from, action);
        expect({ from, action, out }).toEqual({ from, action, out: expected ? { ok: true, status: expected } : { ok: false, code: 'HOME_VISIT_STATE_CONFLICT' } });
      }
    }
  });
});
