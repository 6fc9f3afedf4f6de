import { openDatabase } from '../../../src/controller/store/database';
import { QUEUE_MIGRATIONS } from '../../../src/controller/store/queue-migrations';
import { storeHarness, type StoreHarness } from './store-fixtures';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

describe('store migrations', () => {
  it('carries a file made by the foundation schema (v1) forward, keeping its tickets aside', () => {
    const v1 = openDatabase(h.file, { migrations: QUEUE_MIGRATIONS.filter((m) => m.version === 1) });
    v1.prepare(`INSERT INTO tickets VALUES ('t1', 'birth-registration', 'A', '2026-11-30', 1, 'A001', 'vi', 'printed', NULL, 'x', 'x')`).run();
    v1.close();
    const store = h.open();
    expect(store.db.pragma('user_version', { simple: true })).toBe(QUEUE_MIGRATIONS[QUEUE_MIGRATIONS.length - 1]!.version);
    expect(store.db.prepare('SELECT display FROM legacy_tickets_v1').all()).toEqual([{ display: 'A001' }]);
    const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
    expect(r.ok).toBe(true);
  });

  it('applies each step once: reopening changes nothing', () => {
    h.open().close();
    const again = h.open();
    expect(again.db.pragma('user_version', { simple: true })).toBe(QUEUE_MIGRATIONS[QUEUE_MIGRATIONS.length - 1]!.version);
    expect(again.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'tickets'").get()).toEqual({ n: 1 });
  });

  it('refuses a file written by a newer program instead of guessing', () => {
    const db = openDatabase(h.file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDatabase(h.file)).toThrow(/newer than this program knows/);
  });
});
