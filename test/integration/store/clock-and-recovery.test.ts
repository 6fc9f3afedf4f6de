import type { Ticket } from '../../../src/contract';
import type { QueueStore } from '../../../src/controller/store/queue-store';
import { recoverInterrupted } from '../../../src/controller/store/recovery';
import { storeHarness, type StoreHarness } from './store-fixtures';
import { connectionOf } from '../../../src/controller/store/connection';

let h: StoreHarness;
afterEach(() => h.cleanup());

const issueOk = (s: QueueStore, serviceId = 'result-pickup', categoryId?: string): Ticket => {
  const r = s.issue({ serviceId, language: 'vi', ...(categoryId ? { categoryId } : {}) });
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r.ticket;
};

describe('day rollover and clock safety', () => {
  it('restarts numbering at 00:00 Asia/Ho_Chi_Minh', () => {
    // Friday 2026-12-04 16:59 in Ha Noi, then Saturday 07:30; the machine zone does not matter
    h = storeHarness('2026-12-04T09:59:00Z');
    const store = h.open();
    expect(issueOk(store, 'result-pickup', 'elderly')).toMatchObject({ day: '2026-12-04', display: 'R800' });
    h.clock.set('2026-12-05T00:30:00Z');
    expect(issueOk(store)).toMatchObject({ day: '2026-12-05', display: 'R800' });
    expect(issueOk(store)).toMatchObject({ day: '2026-12-05', display: 'R801' });
  });

  it('does not reopen a closed day or reuse a number when the wall clock jumps backwards, even across a restart', () => {
    h = storeHarness('2026-12-01T00:30:00Z'); // Tuesday 07:30
    let store = h.open();
    const first = issueOk(store);
    h.clock.set('2026-11-30T09:00:00Z'); // the clock falls back to Monday 16:00, a day already over
    const second = issueOk(store);
    expect(second).toMatchObject({ day: '2026-12-01', number: first.number + 1 });
    expect(store.recentAudit(5).map((a) => a.action)).toContain('clock.backward-jump');
    // recorded once: the tickets issued while the clock stays behind add no more
    h.clock.set('2026-11-30T09:10:00Z');
    const third = issueOk(store);
    const jumps = () => store.recentAudit(50).filter((a) => a.action === 'clock.backward-jump').length;
    expect(jumps()).toBe(1);
    store.close();
    store = h.open(); // the high-water mark is in the file, not in memory
    expect(issueOk(store)).toMatchObject({ day: '2026-12-01', number: third.number + 1 });
    // a process that starts with its clock behind the file's time says so, once
    expect(jumps()).toBe(2);
    issueOk(store);
    expect(jumps()).toBe(2);
    expect(new Set(store.ticketsOfDay('2026-12-01').map((t) => t.number)).size).toBe(5);
    expect(store.ticketsOfDay('2026-11-30')).toEqual([]);
  });

  it('keeps the latest time across a restart whether an issue (its ticket row) or another write (the clock row) holds it', () => {
    h = storeHarness('2026-12-01T01:00:00Z');
    let store = h.open();
    const first = issueOk(store);
    // an issue writes its ticket and nothing else: the ticket row holds the mark
    expect(connectionOf(store).prepare('SELECT high_water_ms FROM clock').get()).toEqual({ high_water_ms: 0 });
    h.clock.set('2026-12-01T01:10:00Z');
    store.markPrinting(first.id); // no ticket inserted: the clock row holds 01:10
    store.close();
    h.clock.set('2026-12-01T00:30:00Z'); // set back across the restart
    store = h.open();
    expect(store.now().toISOString()).toBe('2026-12-01T01:10:00.000Z');
    expect(issueOk(store).issuedAt).toBe('2026-12-01T01:10:00.000Z');
    store.close();
    store = h.open();
    expect(store.now().toISOString()).toBe('2026-12-01T01:10:00.000Z');
  });

  it('accepts a forward jump (a long power-off looks the same) without reusing numbers when it is corrected', () => {
    h = storeHarness('2026-12-01T01:00:00Z');
    const store = h.open();
    issueOk(store);
    h.clock.set('2026-12-02T01:00:00Z'); // NTP off by a day
    const ahead = issueOk(store);
    h.clock.set('2026-12-01T01:05:00Z'); // corrected: time stands at the mark, the day does not go back
    const after = issueOk(store);
    expect(after.day).toBe(ahead.day);
    expect(after.number).toBe(ahead.number + 1);
  });
});

describe('start-up recovery', () => {
  function crashedStore(): { store: QueueStore; issued: Ticket; printing: Ticket; failed: Ticket; printed: Ticket } {
    h = storeHarness();
    const store = h.open();
    const issued = issueOk(store);
    const printing = issueOk(store);
    store.markPrinting(printing.id);
    const failed = issueOk(store);
    store.markPrinting(failed.id);
    store.markPrintFailed(failed.id, 'PRINTER_PAPER_OUT');
    const printed = issueOk(store);
    store.markPrinting(printed.id);
    store.markPrinted(printed.id);
    store.close();
    return { store: h.open(), issued, printing, failed, printed };
  }

  it('voids never-printed and failed tickets, and flags an unknown print outcome for the operator', async () => {
    const { store, issued, printing, failed, printed } = crashedStore();
    const report = await recoverInterrupted(store);
    expect(report).toEqual({ voided: [issued.id, failed.id], confirmedPrinted: [], flagged: [printing.id] });
    expect(store.get(printing.id)?.state).toBe('printing');
    expect(store.needingAttention().map((t) => t.id)).toEqual([printing.id]);
    expect(store.get(printed.id)?.state).toBe('printed');
    const voids = connectionOf(store).prepare('SELECT ticket_id, reason FROM voided_numbers ORDER BY number').all();
    expect(voids).toEqual([{ ticket_id: issued.id, reason: 'never_printed' }, { ticket_id: failed.id, reason: 'print_failed_unresolved' }]);
    // a second start-up does not flag or void again; the operator settles the ticket
    expect(await recoverInterrupted(store)).toEqual({ voided: [], confirmedPrinted: [], flagged: [] });
    expect(store.resolveAttention(printing.id, 'printed').state).toBe('printed');
    expect(store.needingAttention()).toEqual([]);
  });

  it('asks the printer when it can tell', async () => {
    const { store, printing } = crashedStore();
    const asked: string[] = [];
    const report = await recoverInterrupted(store, async (t) => {
      asked.push(t.display);
      return 'printed';
    });
    expect(asked).toEqual([printing.display]);
    expect(report.confirmedPrinted).toEqual([printing.id]);
    expect(store.get(printing.id)?.state).toBe('printed');
  });

  it('voids a print the printer says never came out, and treats a failing probe as unknown', async () => {
    const a = crashedStore();
    expect((await recoverInterrupted(a.store, async () => 'not_printed')).voided).toContain(a.printing.id);
    a.store.close();
    h.cleanup();
    const b = crashedStore();
    const report = await recoverInterrupted(b.store, async () => {
      throw new Error('printer offline');
    });
    expect(report.flagged).toEqual([b.printing.id]);
  });
});
