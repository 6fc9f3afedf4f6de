/**
 * Printer faults mid-job: while tickets are issued over the API, the virtual printer runs out of
 * paper, has its cover opened or drops the connection part-way through a job. Every tap must get
 * an answer with a typed outcome, every sheet of paper must belong to a ticket the store knows,
 * every ticket the store calls printed must have come out, and printing must resume after.
 */
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import type { Ticket } from '../../../src/contract';
import { qrOnPaper } from '../../support/paper-qr';
import { duplicateNumbers, MONDAY_0800, startRig } from '../controller-rig';
import { Recorder } from '../recorder';
import type { ChaosOptions } from './options';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

type Fault = 'none' | 'paper out before' | 'paper out mid-job' | 'cover open mid-job' | 'connection dropped mid-job';
const FAULTS: Fault[] = ['none', 'paper out before', 'paper out mid-job', 'cover open mid-job', 'connection dropped mid-job'];

export async function printerFaults(opts: ChaosOptions): Promise<Recorder> {
  const r = new Recorder('printer faults mid-job');
  const printer = await startVirtualPrinter();
  const clock = { t: MONDAY_0800 + 3600_000 };
  const rig = await startRig({ clock, printerPort: printer.port });
  const taps = opts.short ? 8 : 40;
  const replies: { fault: Fault; code?: string; printed?: boolean; printError?: string; ticket?: Ticket }[] = [];
  try {
    for (let i = 0; i < taps; i++) {
      // every fault at least once, then at random
      const fault = i < FAULTS.length ? FAULTS[(i + 1) % FAULTS.length]! : FAULTS[Math.floor(Math.random() * FAULTS.length)]!;
      clock.t += 30_000;
      let timer: NodeJS.Timeout | undefined;
      if (fault === 'paper out before') printer.setFaults({ paperOut: true });
      if (fault === 'paper out mid-job') timer = setTimeout(() => printer.setFaults({ paperOut: true }), Math.random() * 15);
      if (fault === 'cover open mid-job') timer = setTimeout(() => printer.setFaults({ coverOpen: true }), Math.random() * 15);
      if (fault === 'connection dropped mid-job') printer.dropNextJobAfter(1000 + Math.floor(Math.random() * 40_000));
      const reply = await rig.issue();
      clearTimeout(timer);
      printer.setFaults({ paperOut: false, coverOpen: false });
      replies.push({ fault, code: reply.error?.code, printed: reply.result?.printed, printError: reply.result?.printError, ticket: reply.result?.ticket as Ticket | undefined });
    }
    const counts = FAULTS.map((f) => `${f}: ${replies.filter((x) => x.fault === f).length}`).join(', ');
    r.did(`${taps} taps over the WebSocket API with faults injected (${counts}); faults cleared after each answer`);
    const last = await rig.issue();
    r.did(`one more tap with the printer healthy`);

    const errors = replies.filter((x) => x.code !== undefined);
    r.check('every tap got a ticket with a typed print outcome (no error reply, no INTERNAL_ERROR)', errors.length === 0, errors.map((e) => e.code).join(', '));
    const untyped = replies.filter((x) => x.printed === false && !/^PRINTER_/.test(x.printError ?? ''));
    r.check('a ticket that did not print carries a PRINTER_* code', untyped.length === 0, `${replies.filter((x) => x.printed === false).length} not printed`);
    r.check('printing resumes once the fault is gone', last.result?.printed === true, JSON.stringify(last.error ?? last.result?.printError ?? 'printed'));

    const tickets = rig.store.ticketsOfDay(rig.store.businessDay());
    r.check('no number used twice', duplicateNumbers(tickets).length === 0, `${tickets.length} tickets`);
    const known = new Map(tickets.map((t) => [t.id, t]));
    const papers = printer.jobs.map((j) => qrOnPaper(j.png)?.match(UUID)?.[0]);
    const strange = papers.filter((id) => id === undefined || !known.has(id));
    r.check('every sheet that came out names a ticket the store knows (QR read off the paper)', strange.length === 0, `${papers.length} sheets, ${strange.length} unknown`);
    const printedIds = tickets.filter((t) => t.state === 'printed' || t.state === 'reprinted').map((t) => t.id);
    const withoutPaper = printedIds.filter((id) => !papers.includes(id));
    r.check('every ticket the store calls printed came out of the printer', withoutPaper.length === 0, `${printedIds.length} printed, ${withoutPaper.length} without paper`);
    const stuck = tickets.filter((t) => t.state === 'printing' || t.state === 'issued');
    r.check('no ticket left half-way (issued or printing) after its tap was answered', stuck.length === 0, stuck.map((t) => t.display).join(' '));
    const status = await rig.command('status.get');
    r.check('the controller still answers and reports the printer ok', status.ok === true && (status.result as { devices: { printer: { state: string } } }).devices.printer.state === 'ok', JSON.stringify((status.result as { devices?: unknown })?.devices ?? status));
  } finally {
    await rig.close();
    await printer.close();
  }
  return r;
}
