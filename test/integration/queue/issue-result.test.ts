/**
 * What the touchscreen shows with a new ticket is what the paper says: people ahead, the wait,
 * the counters, the priority mark and the status link all come from the one issue.
 */
import type { PartStatus, Ticket } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import type { PrinterPort } from '../../../src/controller/devices/printer/port';
import { ticketStatusUrl, type TicketExtras } from '../../../src/controller/devices/printer/ticket/ticket-job';
import { createLogger } from '../../../src/controller/log';
import { issueTicket } from '../../../src/controller/queue/issue-ticket';
import { storeHarness, type StoreHarness } from '../store/store-fixtures';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

function rig(fail = false) {
  const jobs: { ticket: Ticket; extras: TicketExtras | undefined }[] = [];
  const printer: PrinterPort = {
    status: (): PartStatus => ({ state: fail ? 'fault' : 'ok', adapter: 'fake' }),
    print: () => (fail ? Promise.reject(new Error('paper out')) : Promise.resolve()),
    refreshStatus: () => Promise.resolve(undefined),
    onStatus: () => () => undefined,
    close: () => Promise.resolve(),
  } as unknown as PrinterPort;
  const deps = {
    store: h.open(), printer, catalog: () => DEMO_CATALOG, log: createLogger('silent'), onTicket: () => undefined,
    ticketJob: (ticket: Ticket, _service: unknown, extras?: TicketExtras) => (jobs.push({ ticket, extras }), new Uint8Array([1])),
    statusUrl: (t: Ticket) => ticketStatusUrl('http://center.test/t/{id}?lang={lang}', t),
  };
  return { deps, jobs };
}

it('returns the people ahead, the wait range, the counters and the status link the ticket is printed with', async () => {
  const { deps, jobs } = rig();
  await issueTicket(deps, 'birth-registration', 'vi');
  await issueTicket(deps, 'birth-registration', 'vi');
  const third = await issueTicket(deps, 'birth-registration', 'ja', 'elderly');

  expect(third.whereToGo).toEqual(['1番窓口 (Quầy 1)', '2番窓口 (Quầy 2)']);
  expect(third.statusUrl).toBe(`http://center.test/t/${third.ticket.id}?lang=ja`);
  expect(third.wait.peopleAhead).toBeGreaterThan(0);
  expect(third.wait.maxMinutes).toBeGreaterThanOrEqual(third.wait.minMinutes);
  const paper = jobs.at(-1)!.extras!;
  // the paper gets the screen's figures exactly (one estimate), not a point inside its range
  expect(paper).toMatchObject({ wait: third.wait, whereToGo: { vi: 'Quầy 1, Quầy 2', ja: '1番窓口 (Quầy 1), 2番窓口 (Quầy 2)' }, priority: true });
  // a normal ticket carries no priority mark
  expect(jobs[0]!.extras!.priority).toBeUndefined();
});

it('still tells the screen the wait, the counters and the status link when the paper did not come out', async () => {
  const { deps } = rig(true);
  const result = await issueTicket(deps, 'result-pickup', 'en');
  expect(result).toMatchObject({ printed: false, whereToGo: ['Counter 7 (Quầy 7)'], statusUrl: `http://center.test/t/${result.ticket.id}?lang=en`, wait: { peopleAhead: 0 } });
});
