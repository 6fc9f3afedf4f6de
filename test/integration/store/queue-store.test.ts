import Database from 'better-sqlite3';
import { Catalog, isCodedError } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { QUEUE_MIGRATIONS } from '../../../src/controller/store/queue-migrations';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { storeHarness, type StoreHarness } from './store-fixtures';
import { connectionOf } from '../../../src/controller/store/connection';

let h: StoreHarness;
let store: QueueStore;
beforeEach(() => {
  h = storeHarness();
  store = h.open();
});
afterEach(() => h.cleanup());

const issueOk = (s: QueueStore, serviceId = 'birth-registration', categoryId?: string) => {
  const r = s.issue({ serviceId, language: 'vi', ...(categoryId ? { categoryId } : {}) });
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r.ticket;
};
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return isCodedError(e) ? e.code : String(e);
  }
  return 'no error';
};

describe('durable issuance', () => {
  it('opens SQLite in WAL mode with synchronous FULL and the current schema version', () => {
    expect(connectionOf(store).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connectionOf(store).pragma('synchronous', { simple: true })).toBe(2);
    expect(connectionOf(store).pragma('user_version', { simple: true })).toBe(Math.max(...QUEUE_MIGRATIONS.map((m) => m.version)));
  });

  it('commits the ticket, owed to the center and moving its source\'s cursor, visible to another connection at once', () => {
    const t = issueOk(store);
    const other = new Database(h.file, { readonly: true });
    try {
      expect(other.prepare('SELECT state, display, version, acked_version FROM tickets WHERE id = ?').get(t.id)).toEqual({ state: 'issued', display: t.display, version: 1, acked_version: 0 });
      expect(other.prepare('SELECT c.next FROM number_cursors c JOIN tickets t ON t.source_id = c.id WHERE t.id = ?').get(t.id)).toEqual({ next: t.number + 1 });
    } finally {
      other.close();
    }
  });

  it('uses leased blocks first, then the robot fallback run, and never a number twice', () => {
    store.addLease({ leaseId: 'L1', prefix: 'A', day: '2026-11-30', first: 1, last: 2 });
    const numbers = [1, 2, 3, 4].map(() => issueOk(store).display);
    expect(numbers).toEqual(['A001', 'A002', 'A800', 'A801']);
    // services sharing a prefix share the series
    expect(issueOk(store, 'marriage-registration').display).toBe('A802');
    expect(issueOk(store, 'copy-certification').display).toBe('B800');
  });

  it('leases to itself, block after block, when it is the only robot of its center', () => {
    store.close();
    const alone = QueueStore.open({ file: h.file, robotId: 'robot-1', robotSlot: 1, catalog: DEMO_CATALOG, clock: { wallMs: h.clock.wallMs }, numberAuthority: 'self' });
    try {
      const displays = Array.from({ length: 22 }, () => issueOk(alone).display);
      expect(displays.slice(0, 3)).toEqual(['A001', 'A002', 'A003']);
      expect(displays.at(-1)).toBe('A022'); // the second block (blockSize 20) follows the first
      expect(connectionOf(alone).prepare("SELECT count(*) AS n FROM number_sources WHERE kind = 'lease'").get()).toEqual({ n: 2 });
    } finally {
      alone.close();
    }
  });

  it('keeps its tickets and cursors across a reopen', () => {
    const a = issueOk(store);
    store.close();
    store = h.open();
    expect(store.get(a.id)).toMatchObject({ display: 'A800', state: 'issued' });
    expect(issueOk(store).display).toBe('A801');
  });

  it('refuses with a typed code and the next opening, writing nothing', () => {
    h.clock.set('2026-11-30T05:00:00Z'); // 12:00, lunch
    const r = store.issue({ serviceId: 'birth-registration', language: 'en' });
    expect(r).toEqual({ ok: false, code: 'QUEUE_LUNCH_BREAK', nextOpeningAt: new Date('2026-11-30T06:30:00Z') });
    expect(connectionOf(store).prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    expect(store.issue({ serviceId: 'result-pickup', language: 'en' }).ok).toBe(true);
  });

  it('answers QUEUE_NO_NUMBERS_AVAILABLE when its fallback run is used up, and the cap when the day is', () => {
    const small = Catalog.parse({ ...DEMO_CATALOG, numbering: { start: 1, width: 2, dailyCap: 10, fallbackSlots: 2, fallbackSize: 2, blockSize: 3 } });
    store.setCatalog(small);
    expect([issueOk(store).display, issueOk(store).display]).toEqual(['A07', 'A08']);
    expect(store.issue({ serviceId: 'birth-registration', language: 'vi' })).toMatchObject({ ok: false, code: 'QUEUE_NO_NUMBERS_AVAILABLE' });
    store.addLease({ leaseId: 'L-last', prefix: 'A', day: '2026-11-30', first: 4, last: 6 });
    expect(issueOk(store).display).toBe('A04');
    issueOk(store);
    issueOk(store);
    expect(store.issue({ serviceId: 'birth-registration', language: 'vi' })).toMatchObject({ ok: false, code: 'QUEUE_DAILY_CAP_REACHED' });
  });
});

describe('ticket life cycle', () => {
  it('goes issued -> printing -> printed, each change owed to the center until it acknowledges that version', () => {
    const t = issueOk(store);
    const issued = store.takeBatch(10);
    expect(issued.map((e) => [e.payload.ticket.state, e.version, e.key])).toEqual([['issued', 1, `robot-1:${t.id}:v1`]]);
    expect(store.markPrinting(t.id).state).toBe('printing');
    // sent but not acknowledged, then changed: the latest version is what is owed
    expect(store.takeBatch(10).map((e) => [e.payload.ticket.state, e.version])).toEqual([['printing', 2]]);
    expect(store.ack(issued)).toBe(1);
    expect(store.takeBatch(10).map((e) => [e.payload.ticket.state, e.version])).toEqual([['printing', 2]]);
    expect(store.markPrinted(t.id).state).toBe('printed');
    const printed = store.takeBatch(10);
    expect(printed.map((e) => [e.payload.ticket.state, e.version])).toEqual([['printed', 3]]);
    expect(store.ack(printed)).toBe(1);
    expect(store.ack(issued)).toBe(0); // an older version acknowledged late does not make v3 owed again
    expect(store.takeBatch(10)).toEqual([]);
    expect(store.pendingCount()).toBe(0);
  });

  it('reprints the same number after one failure, then voids by rule and records the void', () => {
    const t = issueOk(store);
    store.markPrinting(t.id);
    expect(store.markPrintFailed(t.id, 'PRINTER_PAPER_OUT')).toMatchObject({ action: 'reprint', ticket: { state: 'print_failed' } });
    store.markPrinting(t.id);
    expect(store.markPrinted(t.id)).toMatchObject({ state: 'reprinted', display: t.display });

    const u = issueOk(store);
    store.markPrinting(u.id);
    store.markPrintFailed(u.id, 'PRINTER_TIMEOUT');
    store.markPrinting(u.id);
    expect(store.markPrintFailed(u.id, 'PRINTER_TIMEOUT')).toMatchObject({ action: 'void', ticket: { state: 'voided' } });
    expect(connectionOf(store).prepare('SELECT number, reason FROM voided_numbers').all()).toEqual([{ number: u.number, reason: 'print_failed' }]);
    expect(issueOk(store).number).toBe(u.number + 1);
  });

  it('refuses impossible transitions with QUEUE_TICKET_STATE_CONFLICT and unknown ids with TICKET_NOT_FOUND', () => {
    const t = issueOk(store);
    expect(codeOf(() => store.markPrinted(t.id))).toBe('QUEUE_TICKET_STATE_CONFLICT');
    store.voidTicket(t.id, 'citizen left');
    expect(codeOf(() => store.markPrinting(t.id))).toBe('QUEUE_TICKET_STATE_CONFLICT');
    expect(codeOf(() => store.markPrinting('00000000-0000-4000-8000-000000000000'))).toBe('TICKET_NOT_FOUND');
  });
});

describe('outbox', () => {
  it('hands out events in order until acknowledged, then marks tickets synced', () => {
    const a = issueOk(store);
    const b = issueOk(store);
    const first = store.takeBatch(1);
    expect(first.map((e) => e.ticketId)).toEqual([a.id]);
    expect(store.takeBatch(1)[0]!.key).toBe(first[0]!.key); // not acknowledged: handed out again
    expect(store.ack([first[0]!, first[0]!])).toBe(1);
    expect(store.takeBatch(5).map((e) => e.ticketId)).toEqual([b.id]);
    expect(store.pendingCount()).toBe(1);
    expect(connectionOf(store).prepare('SELECT synced_at_ms IS NOT NULL AS s FROM tickets WHERE id = ?').get(a.id)).toEqual({ s: 1 });
  });
});

describe('leases', () => {
  it('is idempotent by lease id and refuses overlapping or out-of-range blocks', () => {
    const lease = { leaseId: 'L1', prefix: 'A', day: '2026-11-30', first: 1, last: 20 };
    expect(store.addLease(lease)).toBe('added');
    expect(store.addLease(lease)).toBe('known');
    expect(codeOf(() => store.addLease({ ...lease, leaseId: 'L2', first: 20, last: 39 }))).toBe('QUEUE_NO_NUMBERS_AVAILABLE');
    expect(codeOf(() => store.addLease({ ...lease, leaseId: 'L3', first: 790, last: 809 }))).toBe('QUEUE_NO_NUMBERS_AVAILABLE');
    expect(codeOf(() => store.addLease({ ...lease, first: 2 }))).toBe('QUEUE_NO_NUMBERS_AVAILABLE');
  });

  it('tells the sync client which prefixes run low', () => {
    store.addLease({ leaseId: 'L1', prefix: 'A', day: '2026-11-30', first: 1, last: 20 });
    for (let i = 0; i < 12; i++) issueOk(store);
    const needs = store.leaseNeeds('2026-11-30');
    expect(needs.find((n) => n.prefix === 'A')).toEqual({ prefix: 'A', day: '2026-11-30', remaining: 8, leasedUpTo: 20 });
    expect(needs.find((n) => n.prefix === 'B')).toEqual({ prefix: 'B', day: '2026-11-30', remaining: 0, leasedUpTo: null });
  });
});

describe('wait estimate from history', () => {
  it('counts own tickets ahead and learns service times from the center marks', () => {
    expect(store.estimate('birth-registration')).toMatchObject({ peopleAhead: 0, source: 'catalog' });
    const ids = [1, 2, 3, 4, 5, 6].map(() => issueOk(store).id);
    for (const [i, id] of ids.slice(0, 5).entries()) {
      const called = new Date(Date.parse('2026-11-30T01:00:00Z') + i * 600_000);
      store.applyCenterMark(id, { calledAt: called, servedAt: new Date(called.getTime() + 8 * 60_000), counterId: 'counter-1' });
    }
    // one left ahead, two counters in the group, 8 minutes each from history
    expect(store.estimate('birth-registration')).toEqual({ peopleAhead: 1, minMinutes: 4, maxMinutes: 4, expectedMinutes: 4, source: 'history' });
  });
});
