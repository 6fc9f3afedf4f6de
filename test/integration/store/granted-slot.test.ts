/**
 * Issue 16, points 2 and 3 at the store: the slot the center grants applies at once, also to a
 * fallback run already started under the configured slot and across a restart; lease request ids
 * are stored before the request is sent and survive a crash.
 */
import { fallbackRange } from '../../../src/core/queue/numbering';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { storeHarness, type StoreHarness } from './store-fixtures';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

const slot1 = fallbackRange(DEMO_CATALOG.numbering, 1);
const slot2 = fallbackRange(DEMO_CATALOG.numbering, 2);
const issueNumber = (s: ReturnType<StoreHarness['open']>): number => {
  const r = s.issue({ serviceId: 'birth-registration', language: 'vi' });
  if (!r.ok) throw new Error(r.code);
  return r.ticket.number;
};

describe('granted robot slot', () => {
  it('switches a running store to the granted slot, closing the run started under the old one', () => {
    const store = h.open({ robotSlot: 1 });
    expect([issueNumber(store), issueNumber(store)]).toEqual([slot1.first, slot1.first + 1]);
    store.setRobotSlot(2);
    const after = [issueNumber(store), issueNumber(store)];
    expect(after).toEqual([slot2.first, slot2.first + 1]);
    // the rest of slot 1's run belongs to the robot that holds slot 1 now: never given out here
    for (let i = 0; i < 60; i++) {
      const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
      if (r.ok) expect(r.ticket.number).toBeGreaterThanOrEqual(slot2.first);
    }
    expect(store.recentAudit(200).some((a) => a.action === 'slot.changed')).toBe(true);
  });

  it('a restart with the granted slot leaves the old slot run, also one already started', () => {
    const before = h.open({ robotSlot: 1 });
    expect(issueNumber(before)).toBe(slot1.first);
    before.close();
    const restarted = h.open({ robotSlot: 2 });
    expect(issueNumber(restarted)).toBe(slot2.first);
    restarted.close();
    // and back again is no way to reuse slot 1's numbers a second time
    const again = h.open({ robotSlot: 2 });
    expect(issueNumber(again)).toBe(slot2.first + 1);
  });

  it('without a slot yet refuses with QUEUE_NOT_ENROLLED, never continuing a run left from before, and issues once granted', () => {
    const before = h.open({ robotSlot: 1 });
    expect(issueNumber(before)).toBe(slot1.first);
    before.close();
    const waiting = h.open({ robotSlot: null });
    expect(waiting.issue({ serviceId: 'birth-registration', language: 'vi' })).toMatchObject({ ok: false, code: 'QUEUE_NOT_ENROLLED' });
    waiting.addLease({ leaseId: 'l-1', prefix: 'A', day: waiting.businessDay(), first: 1, last: 2 });
    expect([issueNumber(waiting), issueNumber(waiting)]).toEqual([1, 2]);
    expect(waiting.issue({ serviceId: 'birth-registration', language: 'vi' })).toMatchObject({ ok: false, code: 'QUEUE_NOT_ENROLLED' });
    waiting.setRobotSlot(2);
    expect(issueNumber(waiting)).toBe(slot2.first);
  });
});

describe('lease request ids', () => {
  it('are stored before asking and the same id comes back after a crash, until the answer is stored', () => {
    const store = h.open();
    const day = store.businessDay();
    const id = store.leaseRequestId('A', day);
    expect(store.leaseRequestId('A', day)).toBe(id);
    store.close(); // the process dies between request and answer
    const reopened = h.open();
    expect(reopened.leaseRequestId('A', day)).toBe(id);
    expect(reopened.leaseRequestId('B', day)).not.toBe(id);
    reopened.addLease({ leaseId: 'l-1', prefix: 'A', day, first: 1, last: 20 });
    reopened.leaseAnswered(id);
    expect(reopened.leaseRequestId('A', day)).not.toBe(id);
  });
});
