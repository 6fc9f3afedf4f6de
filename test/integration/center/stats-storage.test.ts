/**
 * The director's statistics from a real center SQLite store holding a generated year (200
 * tickets a day): every figure equals a reference computed in plain JavaScript over the same
 * generated rows (test/support/stats-reference.ts), for the year, for one month and for a range
 * without data. Ratings and home visits read tables other branches create: zeros without them,
 * their figures once they exist.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Catalog } from '../../../src/contract/catalog';
import { statsInput } from '../../../src/center/stats-input';
import type { CenterStorage } from '../../../src/center/storage/port';
import { CENTER_DB_FILE, openSqliteStorage } from '../../../src/center/storage/sqlite';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
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

  it('ratings and home visits in the tables the migrations create (a visit counts on its visit day)', async () => {
    const db = new Database(join(dataDir, CENTER_DB_FILE));
    const scores = ['very-satisfied', 'satisfied', 'not-satisfied', 'satisfied'] as const;
    const rate = db.prepare("INSERT INTO ratings VALUES (?, ?, '[]', ?, 'phone', 'counter-1', ?, NULL, ?, ?)");
    const served = year.tickets.filter((t) => t.status === 'served');
    const rated = served.slice(0, 60);
    rated.forEach((t, i) => rate.run(t.ticketId, scores[i % 4], i % 2 ? `comment ${i}` : null, t.serviceId, t.day, t.issuedAtMs + 3_600_000));
    rate.run(served[60]!.ticketId, 'not-satisfied', 'too old', 'x', '2024-06-01', 0);
    const visit = db.prepare(
      `INSERT INTO home_visits (visit_id, robot_id, request_id, service_id, category, language, preferred_days, status, visit_day, masked_phone, requested_at_ms, updated_at_ms)
       VALUES (?, 'robot-a', ?, 'birth-registration', 'elderly', 'vi', '[]', ?, ?, '09•••••678', 0, 0)`,
    );
    ['requested', 'requested', 'scheduled', 'done', 'done', 'done', 'cancelled'].forEach((s, i) => visit.run(`v${i}`, `r${i}`, s, '2026-01-1' + i));
    visit.run('old', 'r-old', 'done', '2024-01-01');
    db.close();

    const got = await storage.stats(statsInput(CATALOG, { from: FIRST, to: LAST }, NOW));
    expect(got.homeVisits).toEqual({ requested: 2, scheduled: 1, done: 3, cancelled: 1 });
    const count = (s: string) => rated.filter((_, i) => scores[i % 4] === s).length;
    expect(got.ratings).toMatchObject({ count: 60, verySatisfied: count('very-satisfied'), satisfied: count('satisfied'), notSatisfied: count('not-satisfied') });
    expect(got.ratings.shareSatisfied).toBeCloseTo((count('very-satisfied') + count('satisfied')) / 60, 12);
    const newest = rated.map((t, i) => ({ t, i })).filter(({ i }) => i % 2).sort((a, b) => b.t.issuedAtMs - a.t.issuedAtMs).slice(0, 20);
    expect(got.ratings.recentComments).toEqual(newest.map(({ t, i }) => ({ day: t.day, score: scores[i % 4], comment: `comment ${i}`, serviceId: t.serviceId, counterId: 'counter-1' })));
  });
});
