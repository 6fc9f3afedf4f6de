/**
 * A print that fails says why: a ticket the software could not draw is not "printer offline",
 * and a printer failure without a code is not either. Each has its own code on the ticket, in the
 * result the screen gets, and in one log line.
 */
import { CodedError, type PartStatus, type Ticket } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import type { PrinterPort } from '../../../src/controller/devices/printer/port';
import { createLogger } from '../../../src/controller/log';
import { issueTicket } from '../../../src/controller/queue/issue-ticket';
import { storeHarness, type StoreHarness } from '../store/store-fixtures';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

function rig(opts: { render?: () => Uint8Array; print?: () => Promise<void> }) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger('info', { write: (s: string) => void lines.push(JSON.parse(s)) } as never);
  const printer = {
    status: (): PartStatus => ({ state: 'ok', adapter: 'fake' }),
    print: opts.print ?? (() => Promise.resolve()),
    refreshStatus: () => Promise.resolve(undefined),
    onStatus: () => () => undefined,
    close: () => Promise.resolve(),
  } as unknown as PrinterPort;
  const store = h.open();
  const deps = {
    store, printer, catalog: () => DEMO_CATALOG, log, onTicket: () => undefined,
    ticketJob: (_t: Ticket) => (opts.render ?? (() => new Uint8Array([1])))(),
  };
  return { deps, store, lines };
}

it('a ticket that cannot be drawn (a software fault) is TICKET_RENDER_FAILED, not PRINTER_OFFLINE', async () => {
  const { deps, store, lines } = rig({ render: () => { throw new TypeError('cannot read properties of undefined'); } });
  const result = await issueTicket(deps, 'birth-registration', 'vi');
  expect(result).toMatchObject({ printed: false, printError: 'TICKET_RENDER_FAILED' });
  expect(['print_failed', 'voided']).toContain(store.get(result.ticket.id)!.state);
  expect(lines.filter((l) => l.code === 'TICKET_RENDER_FAILED' && l.level === 50).length).toBeGreaterThanOrEqual(1);
  expect(lines.some((l) => l.code === 'PRINTER_OFFLINE')).toBe(false);
});

it('a printer failure without a code is PRINTER_UNEXPECTED_ERROR; a coded one keeps its code', async () => {
  const uncoded = rig({ print: () => Promise.reject(new RangeError('offset out of range')) });
  const r1 = await issueTicket(uncoded.deps, 'birth-registration', 'vi');
  expect(r1.printError).toBe('PRINTER_UNEXPECTED_ERROR');
  expect(uncoded.lines.some((l) => l.code === 'PRINTER_UNEXPECTED_ERROR' && l.err === 'RangeError')).toBe(true);

  const coded = rig({ print: () => Promise.reject(new CodedError('PRINTER_PAPER_OUT')) });
  expect((await issueTicket(coded.deps, 'birth-registration', 'vi')).printError).toBe('PRINTER_PAPER_OUT');
});
