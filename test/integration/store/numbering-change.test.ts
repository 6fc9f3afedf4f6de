/**
 * A catalog with another numbering rule applies to the next ticket even on a store that has
 * already issued from its fallback run today: the run of the old rule is closed and the new
 * rule's run opens (the store remembers which runs exist only until the catalog or slot changes).
 */
import { Catalog } from '../../../src/contract';
import { fallbackRange } from '../../../src/core/queue/numbering';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { storeHarness, type StoreHarness } from './store-fixtures';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

it('issues from the new rule\'s fallback run after the catalog changes it mid-day', () => {
  const store = h.open({ robotSlot: 1 });
  const issue = () => {
    const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
    if (!r.ok) throw new Error(r.code);
    return r.ticket.number;
  };
  const before = fallbackRange(DEMO_CATALOG.numbering, 1);
  expect([issue(), issue()]).toEqual([before.first, before.first + 1]);
  const wider = Catalog.parse({ ...DEMO_CATALOG, numbering: { ...DEMO_CATALOG.numbering, fallbackSize: DEMO_CATALOG.numbering.fallbackSize * 2 } });
  const after = fallbackRange(wider.numbering, 1);
  expect(after.first).not.toBe(before.first);
  store.setCatalog(wider);
  expect(issue()).toBe(after.first);
  expect(store.recentAudit(50).some((a) => a.action === 'fallback.closed')).toBe(true);
});
