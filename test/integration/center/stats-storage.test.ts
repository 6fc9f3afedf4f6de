/**
 * The director's statistics from a real center SQLite store holding a generated year (200
 * tickets a day): every figure equals a reference computed in plain JavaScript over the same
 * generated rows (test/support/stats-reference.ts), for the year, for one month and for a range
 * without data. Ratings and home visits are written through the store's own methods and checked
 * against a reference of the same plan (test/support/stats-extras-fixture.ts).
 */
import { join } from 'node:path';
import { Catalog } from '../../../src/contract/catalog';
import { statsInput } from '../../../src/center/stats-input';
import type { CenterStorage } from '../../../src/center/storage/port';
import { CENTER_DB_FILE, openSqliteStorage } from '../../../src/center/storage/sqlite';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { playVisits, rateAll, referenceRatings, referenceVisits, type PlannedVisit } from '../../support/stats-extras-fixture';
import { referenceStats } from '../../support/stats-reference';
import { addDays, generateYear, insertYear } from '../../support/stats-year';
import { tempDataDir } from './harness';

const FIRST = '2025-12-01';
const DAYS = 365;
const LAST = addDays(FIRST, DAYS - 1);
const NOW = Date.parse(`${LAST}T12:00:00+07:00`);
// one service holds itself to 10 minutes, the rest to the default 15
const CATALOG = Catalog.parse({ ...DEMO_CATALOG, waitTarget: { byService: { [DEMO_CATALOG.services[0]!.id]: 10 } } });
const year = generateYear(CATALOG, FIRST, DAYS, 200);
// visit days inside March 2026, before it, and a preferred day outside that scheduling moves inside (and back out)
const VISITS: PlannedVisit[] = [
  { preferredDays: ['2026-03-02', '2026-03-04'] },
  { preferredDays: ['2026-02-27', '2026-03-01'] },
  { preferredDays: ['2026-03-30', '2026-04-02'] },
  { preferredDays: ['2026-01-05'] },
  { preferredDays: ['2026-02-20'], scheduleDay: '2026-03-10' },
  { preferredDays: ['2026-03-10'], scheduleDay: '2026-04-10' },
  { preferredDays: ['2026-03-11'], scheduleDay: '2026-03-12', then: 'done' },
  { preferredDays: ['2026-03-11'], scheduleDay: '2026-03-13', then: 'done' },
  { preferredDays: ['2026-03-20'], then: 'cancel' },
  { preferredDays: ['2026-05-20'], scheduleDay: '2026-05-21', then: 'cancel' },
  { preferredDays: ['2024-06-01'], scheduleDay: '2024-06-02', then: 'done' },
];

describe('statistics in the SQLite store over a generated year', () => {
  let storage: CenterStorage;
  let dataDir: string;
  beforeAll(() => {
    dataDir = tempDataDir();
    storage = openSqliteStorage({ dataDir });
    insertYear(join(dataDir, CENTER_DB_FILE), year);
  });
  afterAll(async () => storage?.close());

  const reference = (from: string, to: string) => referenceStats(CATALOG, year.tickets, year.appointments, { from, to, today: LAST, targetMinutes: 15, targetByService: CATALOG.waitTarget!.byService });

  it('the year: every figure equals the reference', async () => {
    const got = await storage.stats(statsInput(CATALOG, { from: FIRST, to: LAST }, NOW));
    const ref = reference(FIRST, LAST);
    // the generated year is what a center sees: most but not all within target, skips, priorities, staff tickets
    expect(ref.tickets.total).toBeGreaterThan(0.9 * 200 * DAYS);
    expect(ref.shares.withinTarget).toBeGreaterThan(0.7);
    expect(ref.shares.withinTarget).toBeLessThan(1);
    expect(ref.tickets.skipped * ref.tickets.priority * ref.tickets.staff * ref.tickets.open * ref.tickets.appointment).toBeGreaterThan(0);
    expect(ref.perService.some((s) => s.targetMinutes === 10)).toBe(true);
    expect(ref.appointments.missed).toBeGreaterThan(0);
    const { homeVisits, ratings, ...rest } = got;
    expect(rest).toEqual(ref);
    expect(homeVisits).toEqual({ requested: 0, scheduled: 0, done: 0, cancelled: 0 });
    expect(ratings).toEqual({ count: 0, verySatisfied: 0, satisfied: 0, notSatisfied: 0, shareSatisfied: null, recentComments: [] });
  });

  it('one month: only its days count', async () => {
    const from = '2026-03-01';
    const to = '2026-03-31';
    const { homeVisits: _h, ratings: _r, ...got } = await storage.stats(statsInput(CATALOG, { from, to }, NOW));
    const ref = reference(from, to);
    expect(ref.perDay).toHaveLength(31);
    expect(got).toEqual(ref);
  });

  it('a range without data: zeros, and null where nothing was measured', async () => {
    const got = await storage.stats(statsInput(CATALOG, { from: '2024-01-01', to: '2024-01-31' }, NOW));
    expect(got.tickets.total).toBe(0);
    expect(got.wait).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(got.shares).toEqual({ withinTarget: null, noShow: null, priority: null, robot: null });
    expect(got.perDay).toEqual([]);
    expect(got.perHour.every((h) => h.tickets === 0)).toBe(true);
    expect(got.appointments).toEqual({ booked: 0, kept: 0, missed: 0, cancelled: 0 });
  });

  it('ratings and home visits: counted by their day (a visit by its scheduled day, else its last preferred day)', async () => {
    // served tickets spread over the year, rated through the store (its copy of day, service, counter)
    const served = year.tickets.filter((t) => t.status === 'served' && t.seq % 97 === 0);
    await rateAll(storage, served);
    await playVisits(storage, VISITS, NOW);
    const all = await storage.stats(statsInput(CATALOG, { from: FIRST, to: LAST }, NOW));
    expect(all.ratings).toEqual(referenceRatings(served, FIRST, LAST));
    expect(all.homeVisits).toEqual(referenceVisits(VISITS, FIRST, LAST));
    // a month: only the ratings of its tickets, only the visits whose day falls in it
    const month = await storage.stats(statsInput(CATALOG, { from: '2026-03-01', to: '2026-03-31' }, NOW));
    expect(month.ratings).toEqual(referenceRatings(served, '2026-03-01', '2026-03-31'));
    expect(month.homeVisits).toEqual(referenceVisits(VISITS, '2026-03-01', '2026-03-31'));
    // the fixture exercises what it claims: every status, days in and out of the month, more comments than shown
    expect(Object.values(month.homeVisits).every((n) => n > 0)).toBe(true);
    expect(all.homeVisits.requested).toBeGreaterThan(month.homeVisits.requested);
    expect(month.ratings.count).toBeGreaterThan(0);
    expect(all.ratings.recentComments).toHaveLength(20);
  });
});
