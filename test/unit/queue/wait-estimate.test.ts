import fc from 'fast-check';
import { estimateWait } from '../../../src/core/queue';

describe('wait estimate', () => {
  it('uses the catalog minutes with a spread when nothing else is known', () => {
    expect(estimateWait({ localPeopleAhead: 4, recentServiceMinutes: [], expectedServiceMinutes: 15, counters: 2 })).toEqual({
      peopleAhead: 4, minMinutes: 15, maxMinutes: 45, expectedMinutes: 30, source: 'catalog',
    });
  });

  it('prefers the robot history over the catalog once there are enough samples', () => {
    const e = estimateWait({ localPeopleAhead: 2, recentServiceMinutes: [8, 10, 10, 12, 30], expectedServiceMinutes: 15, counters: 1 });
    expect(e).toMatchObject({ source: 'history', minMinutes: 20, expectedMinutes: 20, maxMinutes: 24 });
  });

  it("prefers the center's live data over the robot's own count", () => {
    const e = estimateWait({ localPeopleAhead: 2, live: { peopleAhead: 10, meanServiceMinutes: 6, openCounters: 3 }, recentServiceMinutes: [], expectedServiceMinutes: 15, counters: 1 });
    expect(e).toMatchObject({ source: 'center', peopleAhead: 10, expectedMinutes: 20 });
  });

  it('is zero with nobody ahead', () => {
    expect(estimateWait({ localPeopleAhead: 0, recentServiceMinutes: [], expectedServiceMinutes: 15, counters: 1 })).toMatchObject({ minMinutes: 0, maxMinutes: 0 });
  });

  it('is never negative and always an ordered range, whatever garbage comes in', () => {
    const num = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }));
    fc.assert(
      fc.property(num, fc.array(num, { maxLength: 30 }), num, num, fc.option(fc.record({ peopleAhead: num, meanServiceMinutes: num, openCounters: num }), { nil: undefined }), (ahead, history, expected, counters, live) => {
        const e = estimateWait({ localPeopleAhead: ahead, recentServiceMinutes: history, expectedServiceMinutes: Number.isFinite(expected) ? expected : 10, counters, live });
        for (const v of [e.peopleAhead, e.minMinutes, e.maxMinutes, e.expectedMinutes]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(e.minMinutes).toBeLessThanOrEqual(e.expectedMinutes);
        expect(e.expectedMinutes).toBeLessThanOrEqual(e.maxMinutes);
      }),
    );
  });
});
