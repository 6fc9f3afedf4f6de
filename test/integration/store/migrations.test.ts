import { openDatabase } from '../../../src/controller/store/database';
import { QUEUE_MIGRATIONS } from '../../../src/controller/store/queue-migrations';
import { PEOPLE_AHEAD_SQL } from '../../../src/controller/store/ticket-queries';
import { storeHarness, type StoreHarness } from './store-fixtures';
import { connectionOf } from '../../../src/controller/store/connection';

const LATEST = Math.max(...QUEUE_MIGRATIONS.map((m) => m.version));
/** What a file of the latest schema needs undone to be a v5 file again (v6's view, index and column). */
const UNDO_V6 = 'DROP VIEW number_cursors; DROP INDEX tickets_unacked; ALTER TABLE tickets DROP COLUMN acked_version';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

describe('store migrations', () => {
  it('carries a file made by the foundation schema (v1) forward, keeping its tickets aside', () => {
    const v1 = openDatabase(h.file, { migrations: QUEUE_MIGRATIONS.filter((m) => m.version === 1) });
    v1.prepare(`INSERT INTO tickets VALUES ('t1', 'birth-registration', 'A', '2026-11-30', 1, 'A001', 'vi', 'printed', NULL, 'x', 'x')`).run();
    v1.close();
    const store = h.open();
    expect(connectionOf(store).pragma('user_version', { simple: true })).toBe(LATEST);
    expect(connectionOf(store).prepare('SELECT display FROM legacy_tickets_v1').all()).toEqual([{ display: 'A001' }]);
    const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
    expect(r.ok).toBe(true);
  });

  it('keeps the people-ahead count of every issue without counting rows, right through calls, voids and failures', () => {
    const store = h.open();
    const counted = (day: string, group: string) =>
      (connectionOf(store).prepare("SELECT count(*) AS n FROM tickets WHERE day = ? AND counter_group = ? AND state NOT IN ('voided', 'print_failed') AND called_at_ms IS NULL AND served_at_ms IS NULL").get(day, group) as { n: number }).n;
    const kept = (day: string, group: string) => (connectionOf(store).prepare(PEOPLE_AHEAD_SQL).get(day, group) as { n: number }).n;
    // the count is a lookup in waiting_counts, not a scan of tickets
    const plan = (connectionOf(store).prepare(`EXPLAIN QUERY PLAN ${PEOPLE_AHEAD_SQL}`).all('2026-11-30', 'civil') as { detail: string }[]).map((p) => p.detail).join('; ');
    expect(plan).toMatch(/waiting_counts/);
    expect(plan).not.toMatch(/\btickets\b/);
    const tickets = [1, 2, 3, 4, 5, 6].map(() => {
      const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
      if (!r.ok) throw new Error(r.code);
      return r.ticket;
    });
    const { day, counter_group: group } = connectionOf(store).prepare('SELECT day, counter_group FROM tickets WHERE id = ?').get(tickets[0]!.id) as { day: string; counter_group: string };
    expect(kept(day, group)).toBe(6);
    store.markPrinting(tickets[0]!.id);
    store.markPrinted(tickets[0]!.id);
    store.applyCenterMark(tickets[1]!.id, { calledAt: new Date(Date.parse('2026-11-30T01:05:00Z')) });
    store.voidTicket(tickets[2]!.id, 'test');
    store.markPrinting(tickets[3]!.id);
    store.markPrintFailed(tickets[3]!.id, 'PRINTER_OFFLINE');
    store.applyCenterMark(tickets[4]!.id, { servedAt: new Date(Date.parse('2026-11-30T01:09:00Z')) });
    expect(kept(day, group)).toBe(counted(day, group));
    expect(kept(day, group)).toBeLessThan(6);
    // whoever writes the table directly, the triggers follow
    connectionOf(store).prepare('DELETE FROM outbox').run();
    connectionOf(store).prepare('UPDATE tickets SET called_at_ms = NULL, served_at_ms = NULL').run();
    expect(kept(day, group)).toBe(counted(day, group));
    expect(kept('2026-12-01', group)).toBe(0);
  });

  it('counts the tickets already waiting in a file from before the count was kept (v4)', () => {
    const first = h.open();
    for (let i = 0; i < 3; i++) if (!first.issue({ serviceId: 'birth-registration', language: 'vi' }).ok) throw new Error('not issued');
    // back to what a v4 file is: the same tickets, no count and no triggers
    connectionOf(first).exec(`${UNDO_V6}; DROP TRIGGER tickets_waiting_insert; DROP TRIGGER tickets_waiting_delete; DROP TRIGGER tickets_waiting_update; DROP TABLE waiting_counts; PRAGMA user_version = 4`);
    first.close();
    const store = h.open();
    const { day, counter_group: group } = connectionOf(store).prepare('SELECT day, counter_group FROM tickets LIMIT 1').get() as { day: string; counter_group: string };
    expect((connectionOf(store).prepare(PEOPLE_AHEAD_SQL).get(day, group) as { n: number }).n).toBe(3);
  });

  it('applies each step once: reopening changes nothing', () => {
    h.open().close();
    const again = h.open();
    expect(connectionOf(again).pragma('user_version', { simple: true })).toBe(LATEST);
    expect(connectionOf(again).prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'tickets'").get()).toEqual({ n: 1 });
  });

  it('keeps the check-ins of a file whose check-in table was made outside the migrations (before v3)', () => {
    const v2 = openDatabase(h.file, { migrations: QUEUE_MIGRATIONS.filter((m) => m.version <= 2) });
    // what check-in-log.ts created at start-up before the table moved into the migrations
    v2.exec('CREATE TABLE IF NOT EXISTS appointment_check_ins (appointment_id TEXT PRIMARY KEY, check_in_id TEXT NOT NULL UNIQUE, ticket_id TEXT, at TEXT NOT NULL, center_outcome TEXT)');
    v2.prepare("INSERT INTO appointment_check_ins VALUES ('LH-1', 'c1', 't1', '2026-11-30T01:00:00.000Z', NULL)").run();
    v2.close();
    const store = h.open();
    expect(connectionOf(store).prepare('SELECT appointment_id, ticket_id FROM appointment_check_ins').all()).toEqual([{ appointment_id: 'LH-1', ticket_id: 't1' }]);
  });

  it('turns a v5 file\'s outbox events and cursors into versions owed and derived cursors (v6)', () => {
    const v5 = openDatabase(h.file, { migrations: QUEUE_MIGRATIONS.filter((m) => m.version <= 5) });
    v5.exec(`INSERT INTO number_sources (id, prefix, day, kind, lease_id, first, last, next, created_at_ms)
      VALUES (1, 'A', '2026-11-30', 'lease', 'L1', 1, 50, 4, 0)`);
    const ticket = v5.prepare(`INSERT INTO tickets (id, robot_id, service_id, counter_group, prefix, day, number, display, source_id, kind,
      language, state, version, issued_at_ms, updated_at_ms, synced_at_ms) VALUES (?, 'robot-1', 'birth-registration', 'civil', 'A', '2026-11-30', ?, ?, 1, 'normal', 'vi', ?, ?, 0, 0, ?)`);
    ticket.run('t1', 1, 'A0001', 'printed', 3, 5); // synced: no event left
    ticket.run('t2', 2, 'A0002', 'printed', 3, 5); // v2 and v3 not acknowledged yet
    ticket.run('t3', 3, 'A0003', 'issued', 1, null); // never sent
    const event = v5.prepare(`INSERT INTO outbox (event_key, type, ticket_id, payload, created_at_ms) VALUES (?, 'ticket.changed', ?, ?, 0)`);
    event.run('robot-1:t2:v2', 't2', JSON.stringify({ version: 2 }));
    event.run('robot-1:t2:v3', 't2', JSON.stringify({ version: 3 }));
    event.run('robot-1:t3:v1', 't3', JSON.stringify({ version: 1 }));
    v5.close();
    const store = h.open();
    expect(connectionOf(store).prepare('SELECT id, acked_version FROM tickets ORDER BY id').all()).toEqual([
      { id: 't1', acked_version: 3 }, { id: 't2', acked_version: 1 }, { id: 't3', acked_version: 0 },
    ]);
    expect(store.takeBatch(10).map((e) => [e.ticketId, e.version])).toEqual([['t2', 3], ['t3', 1]]);
    expect(connectionOf(store).prepare("SELECT count(*) AS n FROM outbox WHERE type = 'ticket.changed'").get()).toEqual({ n: 0 });
    const next = store.issue({ serviceId: 'birth-registration', language: 'vi', categoryId: 'elderly' });
    expect(next).toMatchObject({ ok: true, ticket: { number: 4 } });
  });

  it('makes the check-in table in a new file', () => {
    const store = h.open();
    expect(connectionOf(store).prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'appointment_check_ins'").get()).toEqual({ n: 1 });
  });

  it('refuses a file written by a newer program instead of guessing', () => {
    const db = openDatabase(h.file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(h.file)).toThrow(/newer than this program knows/);
  });
});
