/**
 * Every write of the store, whichever table it touches, fails the same way (store-errors.ts):
 * SQLite's disk full is STORE_DISK_FULL, a file held by another process STORE_LOCKED, anything
 * else it refuses (here a constraint) QUEUE_STORE_FAILED; and the write rolled back whole.
 * The failures are real SQLite ones on a real file: a page cap with a ballast trigger, a second
 * connection holding the write lock, a RAISE(ABORT) trigger.
 */
import Database from 'better-sqlite3';
import type { StaffCall } from '../../../src/contract/staff';
import { RatingOutbox } from '../../../src/controller/ratings/rating-outbox';
import { StaffCallOutbox } from '../../../src/controller/staff/staff-outbox';
import { connectionOf } from '../../../src/controller/store/connection';
import type { QueueStore } from '../../../src/controller/store/queue-store';
import { storeHarness, type StoreHarness } from './store-fixtures';

const DAY = '2026-11-30';
const call: StaffCall = { id: '00000000-0000-4000-8000-000000000001', reason: 'help', language: 'vi', robotId: 'robot-1', calledAt: '2026-11-30T01:05:00.000Z' };

/** What each case starts from: a printing ticket, an issued one, and one of everything a write can remove or change. */
function prepare(store: QueueStore) {
  const issue = () => {
    const r = store.issue({ serviceId: 'birth-registration', language: 'vi' });
    if (!r.ok) throw new Error(r.code);
    return r.ticket;
  };
  const printing = issue();
  store.markPrinting(printing.id);
  const issued = issue();
  const checkIns = store.checkInLog();
  checkIns.claim({ appointmentId: 'LH-1', checkInId: 'c1', at: '2026-11-30T01:00:00.000Z' });
  checkIns.claim({ appointmentId: 'LH-2', checkInId: 'c2', at: '2026-11-30T01:00:00.000Z' });
  checkIns.attachTicket('c2', issued.id);
  const audit = store.serviceAudit('robot-1', () => Date.UTC(2026, 10, 30, 1));
  audit.record('tech', 'service.login');
  const staff = new StaffCallOutbox(store);
  void staff.notify(call);
  const ratings = new RatingOutbox(store);
  ratings.add({ ticketId: issued.id, rating: { score: 5 } as never }, 0);
  const requestId = store.leaseRequestId('B', DAY);
  return { printing, issued, checkIns, audit, staff, ratings, requestId, event: store.takeBatch(1)[0]!, auditEventId: audit.takeBatch(1)[0]!.id };
}
type Prepared = ReturnType<typeof prepare>;

const WRITES: Record<string, (store: QueueStore, p: Prepared) => unknown> = {
  issue: (s) => s.issue({ serviceId: 'birth-registration', language: 'vi' }),
  markPrinting: (s, p) => s.markPrinting(p.issued.id),
  markPrinted: (s, p) => s.markPrinted(p.printing.id),
  markPrintFailed: (s, p) => s.markPrintFailed(p.printing.id, 'PRINTER_PAPER_OUT'),
  voidTicket: (s, p) => s.voidTicket(p.issued.id, 'test'),
  flag: (s, p) => s.flag(p.printing.id, 'QUEUE_PRINT_OUTCOME_UNKNOWN'),
  resolveAttention: (s, p) => s.resolveAttention(p.printing.id, 'void'),
  setRobotSlot: (s) => s.setRobotSlot(2),
  applyCenterMark: (s, p) => s.applyCenterMark(p.issued.id, { calledAt: new Date(Date.UTC(2026, 10, 30, 2)) }),
  addLease: (s) => s.addLease({ leaseId: 'L9', prefix: 'A', day: DAY, first: 1, last: 20 }),
  leaseRequestId: (s) => s.leaseRequestId('A', DAY),
  leaseAnswered: (s, p) => s.leaseAnswered(p.requestId),
  ack: (s, p) => s.ack([p.event]),
  'staff call add': (_s, p) => p.staff.notify({ ...call, id: '00000000-0000-4000-8000-000000000002' }),
  'staff call ack': (_s, p) => p.staff.ack([call.id]),
  'rating add': (_s, p) => p.ratings.add({ ticketId: p.printing.id, rating: { score: 4 } as never }, 0),
  'rating ack': (_s, p) => p.ratings.ack([p.issued.id]),
  'check-in claim': (_s, p) => p.checkIns.claim({ appointmentId: 'LH-3', checkInId: 'c3', at: '2026-11-30T01:00:00.000Z' }),
  'check-in attach': (_s, p) => p.checkIns.attachTicket('c1', p.printing.id),
  'check-in release': (_s, p) => p.checkIns.release('c1'),
  'check-in sent': (_s, p) => p.checkIns.checkInSent('c2', 'accepted'),
  'service audit record': (_s, p) => p.audit.record('tech', 'service.logout'),
  'service audit ack': (_s, p) => p.audit.ack([p.auditEventId]),
};

/** Each way of failing, installed on the store's file after `prepare`. */
const FAILURES: Record<string, { code: string; install(store: QueueStore, h: StoreHarness): () => void }> = {
  'disk full': {
    code: 'STORE_DISK_FULL',
    install: (store) => {
      const db = connectionOf(store);
      db.exec('CREATE TABLE ballast (b BLOB)');
      everyWrite(db, 'INSERT INTO ballast VALUES (zeroblob(65536))');
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      return () => undefined;
    },
  },
  locked: {
    code: 'STORE_LOCKED',
    install: (store, h) => {
      connectionOf(store).pragma('busy_timeout = 0'); // the 5 s wait would only make the test slow
      const other = new Database(h.file);
      other.exec('BEGIN IMMEDIATE');
      return () => (other.exec('ROLLBACK'), other.close());
    },
  },
  constraint: {
    code: 'QUEUE_STORE_FAILED',
    install: (store) => (everyWrite(connectionOf(store), "SELECT RAISE(ABORT, 'refused by the test')"), () => undefined),
  },
};

/** A trigger running `body` before every insert, update and delete of every table of the store. */
function everyWrite(db: Database.Database, body: string): void {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'ballast'").all() as { name: string }[]).map((t) => t.name);
  for (const t of tables) for (const op of ['INSERT', 'UPDATE', 'DELETE']) db.exec(`CREATE TRIGGER fail_${op}_${t} BEFORE ${op} ON "${t}" BEGIN ${body}; END`);
}

/** Every row of every table but the test's own. */
function contents(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'ballast' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()]));
  } finally {
    db.close();
  }
}

async function outcome(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
    return 'no error';
  } catch (e) {
    return (e as { code?: unknown }).code;
  }
}

describe.each(Object.entries(FAILURES))('a store write when %s', (_name, failure) => {
  let h: StoreHarness;
  beforeEach(() => (h = storeHarness()));
  afterEach(() => h.cleanup());

  it.each(Object.keys(WRITES))(`%s fails with ${failure.code} and changes nothing`, async (write) => {
    const store = h.open();
    const prepared = prepare(store);
    const before = contents(h.file);
    h.clock.advanceMinutes(1); // a write that ticks moves the clock row too
    const release = failure.install(store, h);
    try {
      expect(await outcome(() => WRITES[write]!(store, prepared))).toBe(failure.code);
    } finally {
      release();
    }
    expect(contents(h.file)).toEqual(before);
  });
});
