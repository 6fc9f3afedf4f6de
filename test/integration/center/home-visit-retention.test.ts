/**
 * Retention of home visits' personal data with an injected clock: erased `retentionDays` after
 * the visit day (the scheduled day, or the last preferred day when never scheduled), from the
 * database file itself, by the center's retention job; the status link then says the visit is not
 * found.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { CENTER_DB_FILE } from '../../../src/center/storage/sqlite';
import { bearer, startTestCenter, type TestCenter } from './harness';
import { visitRequest } from './home-visit-fixtures';

const at = (day: string) => Date.parse(`${day}T10:00:00+07:00`);

describe('home visit retention', () => {
  let c: TestCenter;
  afterEach(async () => c?.close());

  it('erases phone, name, address and the status link retentionDays after the visit day, and nothing earlier', async () => {
    c = await startTestCenter({ booking: { retentionDays: 30 } });
    const auth = bearer((await c.enrol('robot-a')).token);
    // never scheduled: counted from its last preferred day, 2026-12-02
    const waiting = (await c.call('POST', '/v1/home-visits', visitRequest({ phone: '0911111111', preferredDays: ['2026-12-02', '2026-12-01'] }), auth)).body;
    // scheduled later than its preferred days and done: counted from the visit, 2026-12-10
    const visited = (await c.call('POST', '/v1/home-visits', visitRequest({ phone: '0922222222', preferredDays: ['2026-12-01'] }), auth)).body;
    await c.staff('POST', `/v1/home-visits/${visited.visit.visitId}/schedule`, { day: '2026-12-10', time: '09:00', staffName: 'Lê Văn Cường' });
    await c.staff('POST', `/v1/home-visits/${visited.visit.visitId}/done`, {});
    // the center's retention job, one pass at a time on the test's clock
    const purge = async () => (await c.center.retention.runOnce())['home visit personal data'];
    const statusOf = async (url: string) => (await c.call('GET', `/v1/home-visits/status/${url.split('/v/')[1]}`)).status;

    c.clock.t = at('2026-12-31'); // 29 days after 2026-12-02
    expect(await purge()).toBe(0);
    expect(await statusOf(waiting.statusUrl)).toBe(200);

    c.clock.t = at('2027-01-01'); // 30 days after 2026-12-02
    expect(await purge()).toBe(1);
    expect(await statusOf(waiting.statusUrl)).toBe(404);
    expect(await statusOf(visited.statusUrl)).toBe(200);
    expect((await c.staff('GET', '/v1/home-visits')).body.visits.map((v: { visitId: string }) => v.visitId)).toEqual([visited.visit.visitId]);

    c.clock.t = at('2027-01-08'); // 29 days after the visit
    expect(await purge()).toBe(0);
    c.clock.t = at('2027-01-09');
    expect(await purge()).toBe(1);
    expect(await statusOf(visited.statusUrl)).toBe(404);
    expect(await purge()).toBe(0);

    // gone from the file, not only from the answers; the anonymous rest stays for statistics
    const db = new Database(join(c.dataDir, CENTER_DB_FILE), { readonly: true });
    try {
      const rows = db.prepare('SELECT phone, name, address, staff_name, status_token, masked_phone, status, category FROM home_visits').all();
      expect(rows).toEqual([
        { phone: null, name: null, address: null, staff_name: null, status_token: null, masked_phone: '', status: 'requested', category: 'elderly' },
        { phone: null, name: null, address: null, staff_name: null, status_token: null, masked_phone: '', status: 'done', category: 'elderly' },
      ]);
    } finally {
      db.close();
    }
  });
});
