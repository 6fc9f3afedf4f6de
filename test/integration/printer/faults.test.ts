import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { isCodedError, type PartStatus } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { createPrinter } from '../../../src/controller/devices/printer/create-printer';
import { ticketJobBuilder } from '../../../src/controller/devices/printer/ticket/ticket-job';
import { createLogger } from '../../../src/controller/log';
import { issueTicket } from '../../../src/controller/queue/issue-ticket';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { tempDir } from '../../support/robot-process';
import { join } from 'node:path';

const config = { adapter: 'simulator', profile: 'epson-tm-t20', cut: 'partial', qr: 'raster', timeoutMs: 2000, statusPollMs: 0 } as const;

describe('faults of the virtual printer reach the queue as typed errors, and printing resumes after', () => {
  let sim: VirtualPrinter;
  beforeAll(async () => (sim = await startVirtualPrinter()));
  afterAll(() => sim.close());

  function rig() {
    // Monday 09:00 in Ha Noi: the center is open
    const store = QueueStore.open({
      file: join(tempDir(), 'robot.sqlite'), robotId: 'robot-1', robotSlot: 1, catalog: DEMO_CATALOG,
      clock: { wallMs: () => Date.parse('2026-11-30T02:00:00Z') }, numberAuthority: 'self',
    });
    const printer = createPrinter(config, { simulatorPort: sim.port });
    const statuses: PartStatus[] = [];
    printer.onStatus((s) => statuses.push(s));
    const deps = {
      store, printer, catalog: () => DEMO_CATALOG,
      log: createLogger('silent'), onTicket: () => undefined,
      ticketJob: ticketJobBuilder(config, () => DEMO_CATALOG, 'https://hcc.example.vn/t/{id}'),
    };
    return { deps, printer, statuses, close: async () => (await printer.close(), store.close()) };
  }

  it.each([
    ['paper out', { paperOut: true }, 'PRINTER_PAPER_OUT'],
    ['cover open', { coverOpen: true }, 'PRINTER_COVER_OPEN'],
    ['cutter error', { cutterError: true }, 'PRINTER_CUTTER_ERROR'],
    ['offline', { offline: true }, 'PRINTER_OFFLINE'],
  ] as const)('%s: the fault code comes back, the number is voided after the one reprint the rule allows, nothing is printed, then the next ticket prints', async (_name, fault, code) => {
    const { deps, printer, statuses, close } = rig();
    sim.setFaults(fault);
    const jobs = sim.jobs.length;
    const failed = await issueTicket(deps, 'birth-registration', 'vi');
    expect(failed).toMatchObject({ printed: false, printError: code, ticket: { state: 'voided' } });
    expect(printer.status()).toMatchObject({ state: 'fault', code });
    expect(sim.jobs.length).toBe(jobs);

    sim.setFaults({ paperOut: false, coverOpen: false, cutterError: false, offline: false });
    const next = await issueTicket(deps, 'birth-registration', 'vi');
    expect(next).toMatchObject({ printed: true, ticket: { state: 'printed' } });
    expect(sim.jobs.length).toBe(jobs + 1);
    expect(statuses.map((s) => s.code ?? s.state)).toEqual([code, 'ok']);
    await close();
  });

  it('paper near end prints but reports the printer degraded', async () => {
    const { deps, printer, close } = rig();
    sim.setFaults({ paperNearEnd: true });
    await expect(issueTicket(deps, 'birth-registration', 'en')).resolves.toMatchObject({ printed: true });
    expect(printer.status()).toMatchObject({ state: 'degraded', code: 'PRINTER_PAPER_NEAR_END' });
    sim.setFaults({ paperNearEnd: false });
    await expect(printer.refreshStatus()).resolves.toMatchObject({ paperNearEnd: false });
    expect(printer.status().state).toBe('ok');
    await close();
  });

  it('a connection dropped mid-job is not a silent success: the half job is not paper, the reprint with the same number is', async () => {
    const { deps, close } = rig();
    const jobs = sim.jobs.length;
    const updates: string[] = [];
    sim.dropNextJobAfter(20000);
    const result = await issueTicket({ ...deps, onTicket: (t) => updates.push(t.state) }, 'birth-registration', 'vi');
    expect(updates).toEqual(['printing', 'print_failed', 'printing', 'reprinted']);
    expect(result).toMatchObject({ printed: true, ticket: { state: 'reprinted' } });
    expect(sim.jobs.length).toBe(jobs + 1);
    await close();
  });

  it('polls status on its own and pushes changes', async () => {
    const printer = createPrinter({ ...config, statusPollMs: 100 }, { simulatorPort: sim.port });
    const seen = new Promise<PartStatus>((resolve) => printer.onStatus((s) => s.code === 'PRINTER_COVER_OPEN' && resolve(s)));
    sim.setFaults({ coverOpen: true });
    await expect(seen).resolves.toMatchObject({ state: 'fault' });
    sim.setFaults({ coverOpen: false });
    await printer.close();
  });

  it('a printer that is not there is PRINTER_OFFLINE', async () => {
    const printer = createPrinter({ ...config, adapter: 'tcp', host: '127.0.0.1', port: 1 });
    const err = await printer.print(new Uint8Array([0x1b, 0x40])).catch((e) => e);
    expect(isCodedError(err) && err.code).toBe('PRINTER_OFFLINE');
    await printer.close();
  });
});
