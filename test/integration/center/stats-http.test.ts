/**
 * /v1/stats and /v1/stats.csv of a running center over the generated year: the JSON is the
 * contract's shape and equals the plain-JS reference; the CSV has one row per counted ticket
 * (RFC 4180, times in the center's zone, formula-looking text defused); staff only; a bad or too
 * long range is STATS_RANGE_INVALID.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Catalog } from '../../../src/contract/catalog';
import { STATS_CSV_COLUMNS, StatsResponse } from '../../../src/contract/sync';
import { CENTER_DB_FILE } from '../../../src/center/storage/sqlite';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { referenceStats } from '../../support/stats-reference';
import { addDays, generateYear, insertYear } from '../../support/stats-year';
import { call, startTestCenter, type TestCenter } from './harness';

const FIRST = '2025-12-01';
const DAYS = 365;
const LAST = addDays(FIRST, DAYS - 1);
const CATALOG = Catalog.parse({ ...DEMO_CATALOG, waitTarget: { minutes: 12 } });
const year = generateYear(CATALOG, FIRST, DAYS, 200, 7);
const EVIL_AT = Date.parse(`${FIRST}T10:00:00+07:00`);

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  expect(cell).toBe('');
  return rows;
}

/** The instant written on the center's wall clock, by arithmetic (+07:00 all year). */
const wall = (ms: number) => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 23)}+07:00`;

describe('/v1/stats and /v1/stats.csv', () => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await startTestCenter({ catalog: CATALOG, seedDemoData: false, clock: { t: Date.parse(`${LAST}T15:00:00+07:00`) } });
    insertYear(join(c.dataDir, CENTER_DB_FILE), year);
    // a ticket a robot sent with a display that a spreadsheet would run as a formula
    const db = new Database(join(c.dataDir, CENTER_DB_FILE));
    db.prepare(`INSERT INTO tickets (ticket_id, robot_id, service_id, counter_group, prefix, day, number, display, language, robot_state, version, status, issued_at_ms, received_at_ms, updated_at_ms)
                VALUES ('evil', 'robot-a', 'x', 'civil-status', 'A', ?, 1, '=HYPERLINK("http://x","a,b")', 'vi', 'printed', 3, 'waiting', ?, ?, ?)`).run(FIRST, EVIL_AT, EVIL_AT, EVIL_AT);
    db.close();
  });
  afterAll(async () => c?.close());

  it('the year as JSON: the contract shape, every figure equal to the reference', async () => {
    const r = await c.staff('GET', `/v1/stats?from=${FIRST}&to=${LAST}`);
    expect(r.status).toBe(200);
    const body = StatsResponse.parse(r.body);
    const withEvil = [...year.tickets, { ...year.tickets[0]!, ticketId: 'evil', serviceId: 'x', status: 'waiting' as const, issuedAtMs: EVIL_AT, categoryId: null, counterId: null, calledAtMs: null, doneAtMs: null, robotId: 'robot-a', day: FIRST }];
    const ref = referenceStats(CATALOG, withEvil, year.appointments, { from: FIRST, to: LAST, today: LAST, targetMinutes: 12, targetByService: {} });
    const { serverTime: _s, from, to, timeZone, targetMinutes, homeVisits: _h, ratings: _r, ...figures } = body;
    expect({ from, to, timeZone, targetMinutes }).toEqual({ from: FIRST, to: LAST, timeZone: 'Asia/Ho_Chi_Minh', targetMinutes: 12 });
    expect(figures).toEqual(ref);
  });

  it('the year as CSV: a header, one row per counted ticket, times in the center zone, formulas defused', async () => {
    const res = await fetch(`${c.center.url}/v1/stats.csv?from=${FIRST}&to=${LAST}`, { headers: { authorization: `Staff ${c.center.staffKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([...STATS_CSV_COLUMNS]);
    const counted = year.tickets.filter((t) => ['waiting', 'called', 'served', 'skipped'].includes(t.status));
    expect(rows.length).toBe(1 + counted.length + 1);
    const col = (name: (typeof STATS_CSV_COLUMNS)[number]) => STATS_CSV_COLUMNS.indexOf(name);
    const served = counted.find((t) => t.status === 'served' && t.robotId === 'staff-desk')!;
    const row = rows.find((r) => r[col('ticket_id')] === served.ticketId)!;
    expect(row[col('issued_at')]).toBe(wall(served.issuedAtMs));
    expect(row[col('called_at')]).toBe(wall(served.calledAtMs!));
    expect(row[col('completed_at')]).toBe(wall(served.doneAtMs!));
    expect(Number(row[col('wait_seconds')])).toBe((served.calledAtMs! - served.issuedAtMs) / 1000);
    expect(Number(row[col('service_seconds')])).toBe((served.doneAtMs! - served.calledAtMs!) / 1000);
    expect(row[col('origin')]).toBe('staff');
    expect(row[col('field_id')]).toBe(CATALOG.services.find((s) => s.id === served.serviceId)!.fieldId);
    const evil = rows.find((r) => r[col('ticket_id')] === 'evil')!;
    expect(evil[col('display')]).toBe(`'=HYPERLINK("http://x","a,b")`);
    expect(evil[col('called_at')]).toBe('');
  });

  it('staff only; a malformed, reversed or too long range is STATS_RANGE_INVALID', async () => {
    for (const path of ['/v1/stats?from=2026-01-01&to=2026-01-31', '/v1/stats.csv?from=2026-01-01&to=2026-01-31']) {
      const anon = await call(c.center.url, 'GET', path);
      expect([anon.status, anon.body.error?.code]).toEqual([401, 'CENTER_STAFF_UNAUTHORIZED']);
    }
    const bad = ['from=2026-01-31&to=2026-01-01', 'from=2026-02-30&to=2026-03-01', 'from=2025-01-01&to=2026-02-05', 'from=2026-01-01', 'from=x&to=y', 'from=2026-01-01&to=2026-01-02&extra=1'];
    for (const q of bad) {
      for (const p of ['/v1/stats', '/v1/stats.csv']) {
        const r = await c.staff('GET', `${p}?${q}`);
        expect([q, r.status, r.body.error?.code]).toEqual([q, 400, 'STATS_RANGE_INVALID']);
      }
    }
    // 400 days, both ends included, is the longest range
    expect((await c.staff('GET', '/v1/stats?from=2025-01-01&to=2026-02-04')).status).toBe(200);
  });
});
