/**
 * Tap to paper (issue 20): the printer link is opened and its status asked while the ticket
 * commits and renders (`prepareLink`), but no byte of a job reaches the printer before `print` hands
 * it over; a prepared link that gets no job (the issue was refused) is released and is only a
 * status check. Against the virtual printer over TCP.
 */
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { PrinterConfig } from '../../../src/controller/config/schema';
import { createPrinter } from '../../../src/controller/devices/printer/create-printer';
import type { PrinterPort } from '../../../src/controller/devices/printer/port';

let vp: VirtualPrinter;
let printer: PrinterPort;
beforeEach(async () => {
  vp = await startVirtualPrinter();
  printer = createPrinter(PrinterConfig.parse({ adapter: 'tcp', host: '127.0.0.1', port: vp.port, statusPollMs: 0 }));
});
afterEach(async () => {
  await printer.close();
  await vp.close();
});

const JOB = Buffer.from('A0001\n\x1dV\x42\x00', 'latin1');

/** Resolves once the virtual printer has read a status request on a connection that printed nothing yet. */
function statusAsked(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (vp.statusRequests > 0 ? resolve() : setImmediate(check));
    check();
  });
}

it('asks the status ahead, and the job goes out only when print hands it over', async () => {
  const { release, asked } = printer.prepareLink!();
  await asked;
  await statusAsked();
  expect(vp.jobs).toEqual([]);
  const printed = new Promise((resolve) => vp.events.once('job', resolve));
  await printer.print(JOB);
  await printed;
  release(); // too late to matter: the job already took the prepared link
  expect(vp.jobs).toHaveLength(1);
  const [job] = vp.jobs;
  expect(job!.text).toContain('A0001');
  // one connection: the status answered before the job's first byte, and again after its last
  expect(job!.stamps.statusAt.length).toBe(8);
  expect(job!.stamps.statusAt[3]!).toBeLessThanOrEqual(job!.stamps.firstPrintAt!);
  expect(printer.status()).toMatchObject({ state: 'ok' });
});

it('a prepared link released without a job prints nothing, publishes the status and leaves the printer ready', async () => {
  vp.setFaults({ paperNearEnd: true });
  const { release } = printer.prepareLink!();
  await statusAsked();
  release();
  await printer.refreshStatus(); // queued behind the released link: it has ended by now
  expect(vp.jobs).toEqual([]);
  expect(printer.status()).toMatchObject({ state: 'degraded', code: 'PRINTER_PAPER_NEAR_END' });
  await printer.print(JOB);
  expect(vp.jobs).toHaveLength(1);
});
