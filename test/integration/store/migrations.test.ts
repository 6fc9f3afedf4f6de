import { openDatabase } from '../../../src/controller/store/database';
import { QUEUE_MIGRATIONS } from '../../../src/controller/store/queue-migrations';
import { PEOPLE_AHEAD_SQL } from '../../../src/controller/store/queue-store';
import { storeHarness, type StoreHarness } from './store-fixtures';

const LATEST = Math.max(...QUEUE_MIGRATIONS.map((m) => m.version));

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

describe('store migrations', () => {
  it('carries a file made by the foundation schema (v1) forward, keeping its tickets aside', () => {
    const v1 = openDatabase(h.file, { migrations: QUEUE_MIGRATIONS.filter((m) => m.version === 1) });
    v1.prepare(`INSERT INTO tickets VALUES ('t1', 'birth-registration', 'A', '2026-11-30', 1, 'A001', 'vi', 'printed', NULL, 'x', 'x')`).run();
    v1.close();
    const store = h.open();
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(store.db.prepare('SELECT display FROM legacy_tickets_v1').all()).toEqual([{ display: 'A001' }]);
    const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
    expect(r.ok).toBe(true);
  });

  it('answers the people-ahead count of every issue from an index alone, not by reading each ticket of the day', () => {
    const store = h.open();
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${PEOPLE_AHEAD_SQL}`).all('2026-11-30', 'civil') as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([expect.stringMatching(/USING COVERING INDEX tickets_waiting/)]);
    // and the count is still right: called, served, voided and failed tickets are not waiting
    const ids = [1, 2, 3, 4, 5].map(() => {
      const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
      if (!r.ok) throw new Error(r.code);
      return r.ticket;
    });
    store.applyCenterMark(ids[0]!.id, { calledAt: new Date(Date.parse('2026-11-30T01:05:00Z')) });
    store.voidTicket(ids[1]!.id, 'test');
    const group = ids[0]!;
    const day = store.db.prepare('SELECT day, counter_group FROM tickets WHERE id = ?').get(group.id) as { day: string; counter_group: string };
    expect(store.db.prepare(PEOPLE_AHEAD_SQL).get(day.day, day.counter_group)).toEqual({ n: 3 });
  });

  it('applies each step once: reopening changes nothing', () => {
    h.open().close();
    const again = h.open();
    expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(again.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'tickets'").get()).toEqual({ n: 1 });
  });

  it('keeps the check-ins of a file whose check-in table was made outside the migrations (before v3)', () => {
    const v2 = openDatabase(h.file, { migrations: QUEUE_MIGRATIONS.filter((m) => m.version <= 2) });
    // what check-in-log.ts created at start-up before the table moved into the migrations
    v2.exec('CREATE TABLE IF NOT EXISTS appointment_check_ins (appointment_id TEXT PRIMARY KEY, check_in_id TEXT NOT NULL UNIQUE, ticket_id TEXT, at TEXT NOT NULL, center_outcome TEXT)');
    v2.prepare("INSERT INTO appointment_check_ins VALUES ('LH-1', 'c1', 't1', '2026-11-30T01:00:00.000Z', NULL)").run();
    v2.close();
    const store = h.open();
    expect(store.db.prepare('SELECT appointment_id, ticket_id FROM appointment_check_ins').all()).toEqual([{ appointment_id: 'LH-1', ticket_id: 't1' }]);
  });

  it('makes the check-in table in a new file', () => {
    const store = h.open();
    expect(store.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'appointment_check_ins'").get()).toEqual({ n: 1 });
  });

  it('refuses a file written by a newer program instead of guessing', () => {
    const db = openDatabase(h.file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(h.file)).toThrow(/newer than this program knows/);
  });
});
