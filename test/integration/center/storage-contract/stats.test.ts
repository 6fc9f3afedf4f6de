/**
 * Storage contract: the director's statistics (issue 18) on SQLite and on PostgreSQL. A small
 * generated center (8 days, 40 tickets a day) goes into each database as rows; ratings and home
 * visits go through the port; every figure must equal the plain-JavaScript reference, so both
 * adapters meet one expectation. (The year-long data set stays in ../stats-storage.test.ts.)
 */
import { Catalog } from '../../../../src/contract/catalog';
import { statsInput } from '../../../../src/center/stats-input';
import type { StatsTicketRow } from '../../../../src/center/storage/port';
import { DEMO_CATALOG } from '../../../../src/controller/config/demo-catalog';
import { playVisits, rateAll, referenceRatings, referenceVisits, type PlannedVisit } from '../../../support/stats-extras-fixture';
import { referenceStats } from '../../../support/stats-reference';
import { addDays, generateYear, ROBOTS, yearInserts } from '../../../support/stats-year';
import { eachAdapter, NOW } from './adapters';

const FIRST = '2026-11-01';
const LAST = addDays(FIRST, 7);
const CATALOG = Catalog.parse({ ...DEMO_CATALOG, waitTarget: { byService: { [DEMO_CATALOG.services[0]!.id]: 10 } } });
const data = generateYear(CATALOG, FIRST, 8, 40, 7);
const served = data.tickets.filter((t) => t.status === 'served' && t.seq % 4 === 0);
const VISITS: PlannedVisit[] = [
  { preferredDays: ['2026-11-02', '2026-11-04'] },
  { preferredDays: ['2026-10-30', '2026-11-06'] },
  { preferredDays: ['2026-11-07', '2026-11-12'] },
  { preferredDays: ['2026-10-20'], scheduleDay: '2026-11-03' },
  { preferredDays: ['2026-11-03'], scheduleDay: '2026-11-20' },
  { preferredDays: ['2026-11-05'], scheduleDay: '2026-11-05', then: 'done' },
  { preferredDays: ['2026-11-06'], then: 'cancel' },
];
const COUNTED = new Set(['waiting', 'called', 'served', 'skipped']);

const expected = (from: string, to: string) => ({
  ...referenceStats(CATALOG, data.tickets, data.appointments, { from, to, today: '2026-11-30', targetMinutes: 15, targetByService: CATALOG.waitTarget!.byService }),
  ratings: referenceRatings(served, from, to),
  homeVisits: referenceVisits(VISITS, from, to),
});

eachAdapter('storage contract: statistics', (stores, kind) => {
  beforeEach(async () => {
    for (const { text, rows } of yearInserts(data, kind)) await stores().exec(text, rows);
    await rateAll(stores().a, served);
    await playVisits(stores().a, VISITS, NOW);
  });

  it('every figure equals the reference, for the whole range and for part of it, on either instance', async () => {
    const { a, b } = stores();
    const ref = expected(FIRST, LAST);
    // the data exercises every branch: skips, priorities, staff tickets, open ones, both targets, comments, every visit status
    expect(ref.tickets.skipped * ref.tickets.priority * ref.tickets.staff * ref.tickets.open * ref.appointments.missed).toBeGreaterThan(0);
    expect(ref.perService.some((s) => s.targetMinutes === 10) && ref.perService.some((s) => s.targetMinutes === 15)).toBe(true);
    expect(ref.ratings.recentComments.length).toBeGreaterThan(0);
    expect(Object.values(ref.homeVisits).every((n) => n > 0)).toBe(true);
    expect(await a.stats(statsInput(CATALOG, { from: FIRST, to: LAST }, NOW))).toEqual(ref);
    expect(await b.stats(statsInput(CATALOG, { from: '2026-11-03', to: '2026-11-05' }, NOW))).toEqual(expected('2026-11-03', '2026-11-05'));
  });

  it('a range without data: zeros, and null where nothing was measured', async () => {
    const got = await stores().a.stats(statsInput(CATALOG, { from: '2024-01-01', to: '2024-01-31' }, NOW));
    expect(got).toEqual(expected('2024-01-01', '2024-01-31'));
    expect(got.wait).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(got.shares).toEqual({ withinTarget: null, noShow: null, priority: null, robot: null });
    expect(got.ratings.shareSatisfied).toBeNull();
  });

  it('the range reads have their indexes: tickets (day, status), appointments (day)', async () => {
    const catalog = kind === 'sqlite' ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('tickets_day', 'appointments_day') ORDER BY name"
      : "SELECT indexname AS name FROM pg_indexes WHERE indexname IN ('tickets_day', 'appointments_day') ORDER BY indexname";
    expect(await stores().exec(catalog, [[]])).toEqual([{ name: 'appointments_day' }, { name: 'tickets_day' }]);
  });

  it('statsTickets pages the counted tickets of the range by receipt order', async () => {
    const { a } = stores();
    const rows: StatsTicketRow[] = [];
    for (let after = 0; ;) {
      const page = await a.statsTickets('2026-11-02', '2026-11-04', after, 7);
      expect(page.length).toBeLessThanOrEqual(7);
      if (!page.length) break;
      rows.push(...page);
      after = page.at(-1)!.seq;
    }
    const want = data.tickets.filter((t) => t.day >= '2026-11-02' && t.day <= '2026-11-04' && COUNTED.has(t.status));
    expect(rows).toEqual(want.map((t) => ({
      seq: t.seq, ticketId: t.ticketId, day: t.day, display: t.display, serviceId: t.serviceId, counterGroup: t.counterGroup, counterId: t.counterId,
      categoryId: t.categoryId, origin: ROBOTS.includes(t.robotId) ? 'robot' : 'staff', robotId: t.robotId, status: t.status,
      issuedAtMs: t.issuedAtMs, calledAtMs: t.calledAtMs, doneAtMs: t.doneAtMs,
    })));
  });
});
