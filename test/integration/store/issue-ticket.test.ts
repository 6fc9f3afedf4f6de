/**
 * The order that keeps paper and store in agreement: the ticket is committed, `printing` is
 * committed, and only then does the printer get a byte. A second connection to the same file,
 * opened from inside the printer, must already see it.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { CodedError, type PartStatus, type Ticket } from '../../../src/contract';
import type { PrinterPort } from '../../../src/controller/devices/printer/port';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { createLogger } from '../../../src/controller/log';
import { issueTicket } from '../../../src/controller/queue/issue-ticket';
import { storeHarness, type StoreHarness } from './store-fixtures';
import { connectionOf } from '../../../src/controller/store/connection';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

class ScriptedPrinter implements PrinterPort {
  seenByPrinter: { state: string; display: string }[] = [];
  constructor(private readonly file: string, private readonly failures: number) {}
  status(): PartStatus {
    return { state: 'ok', adapter: 'scripted' };
  }
  async print(job: Uint8Array): Promise<void> {
    const other = new Database(this.file, { readonly: true });
    try {
      const text = Buffer.from(job).toString('latin1');
      const rows = other.prepare('SELECT state, display FROM tickets').all() as { state: string; display: string }[];
      this.seenByPrinter.push(...rows.filter((r) => text.includes(r.display)));
    } finally {
      other.close();
    }
    if (this.seenByPrinter.length <= this.failures) throw new CodedError('PRINTER_PAPER_OUT');
  }
  async refreshStatus() {
    return undefined;
  }
  onStatus(): () => void {
    return () => undefined;
  }
  async close(): Promise<void> {}
}

const deps = (printer: PrinterPort, store = h.open(), updates: Ticket[] = []) => ({
  store, printer, catalog: () => DEMO_CATALOG, log: createLogger('silent'), onTicket: (t: Ticket) => updates.push(t),
  // a text job the scripted printer can read the number from (the real one is a raster image)
  ticketJob: (t: Ticket) => Buffer.from(t.display, 'latin1'),
});

it('commits the ticket in `printing` before the printer gets a byte, then marks it printed', async () => {
  const printer = new ScriptedPrinter(h.file, 0);
  const updates: Ticket[] = [];
  const result = await issueTicket(deps(printer, undefined, updates), 'birth-registration', 'vi');
  expect(printer.seenByPrinter).toEqual([{ state: 'printing', display: result.ticket.display }]);
  expect(result).toMatchObject({ printed: true, ticket: { state: 'printed' } });
  expect(updates.map((t) => t.state)).toEqual(['printing', 'printed']);
});

/** Commits in the WAL file (frames that end a transaction, of the WAL's current generation): one fsync each. */
function walCommits(file: string): number {
  const wal = readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const salts = wal.subarray(16, 24);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (!wal.subarray(at + 8, at + 16).equals(salts)) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

it('stores the number and its `printing` state in one commit (one fsync) before the first byte', async () => {
  const store = h.open();
  const before = walCommits(h.file);
  let atPrint = NaN;
  const printer = new ScriptedPrinter(h.file, 0);
  const print = printer.print.bind(printer);
  printer.print = (job) => ((atPrint = walCommits(h.file)), print(job));
  const result = await issueTicket(deps(printer, store), 'birth-registration', 'vi');
  expect(printer.seenByPrinter).toEqual([{ state: 'printing', display: result.ticket.display }]);
  expect(atPrint - before).toBe(1);
  // the center is owed the ticket at its latest version (issued, printing, printed)
  expect(store.takeBatch(10).map((e) => [e.ticketId, e.version, e.payload.ticket.state])).toEqual([[result.ticket.id, 3, 'printed']]);
});

it('prints the same number again after one failure (reprinted), and voids it by rule after two', async () => {
  const once = new ScriptedPrinter(h.file, 1);
  const store = h.open();
  const r1 = await issueTicket(deps(once, store), 'birth-registration', 'vi');
  expect(r1).toMatchObject({ printed: true, ticket: { state: 'reprinted' } });
  expect(once.seenByPrinter.map((s) => s.display)).toEqual([r1.ticket.display, r1.ticket.display]);

  const always = new ScriptedPrinter(h.file, 99);
  const r2 = await issueTicket(deps(always, store), 'birth-registration', 'vi');
  expect(r2).toMatchObject({ printed: false, printError: 'PRINTER_PAPER_OUT', ticket: { state: 'voided' } });
  expect(connectionOf(store).prepare('SELECT number FROM voided_numbers').all()).toEqual([{ number: r2.ticket.number }]);
});

it('refuses with the code and the next opening, printing nothing', async () => {
  h.clock.set('2026-11-30T10:30:00Z'); // Monday 17:30 in Ha Noi
  const printer = new ScriptedPrinter(h.file, 0);
  const refusal = await issueTicket(deps(printer), 'birth-registration', 'vi').catch((e: CodedError) => e);
  expect(refusal).toMatchObject({ code: 'QUEUE_CENTER_CLOSED', nextOpeningAt: '2026-12-01T00:30:00.000Z' });
  expect(printer.seenByPrinter).toEqual([]);
});
