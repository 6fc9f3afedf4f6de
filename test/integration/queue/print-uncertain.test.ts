/**
 * Issue 16, point 1: tickets a crash left in `printing` (the sheet may be in a citizen's hand)
 * are callable at the center at once, marked "print uncertain"; the phone page no longer says
 * "being printed"; staff settle them in service mode (audited) and on the center's counter route.
 * A real controller and the reference center; the crash is a store left as a SIGKILL leaves it.
 */
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { tempDir } from '../../support/robot-process';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';

const STAFF = 'Staff k';
type Sent = Record<string, unknown> & { ok: boolean };

describe('tickets whose print outcome a crash left unknown', () => {
  const clock = { t: Date.parse('2026-11-30T07:31:00+07:00') };
  const dataDir = tempDir();
  let center: RunningCenter;
  let printer: VirtualPrinter;
  let robot: Controller;
  const uncertain: { id: string; display: string }[] = [];
  const printed: string[] = [];

  const start = async (enrolmentCode?: string) => {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir } });
    const config = { ...loaded.config, robotId: 'robot-a', motion: { adapter: 'none' as const } };
    return startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port,
      now: () => new Date(clock.t), center: { url: center.url, ...(enrolmentCode ? { enrolmentCode } : {}) },
    });
  };

  beforeAll(async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    printer = await startVirtualPrinter();
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId: 'robot-a' }, STAFF)).body.code as string;
    const first = await start(code);
    const { ws } = await openApi(first.url, { token: first.token });
    clock.t += 5_000;
    const r = await request(ws!, { v: 1, id: 'p', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, 'p');
    printed.push((r.result as { ticket: { id: string } }).ticket.id);
    ws!.close();
    await first.close();
    // the process died with three tickets committed as printing (a byte may have gone to the printer)
    const store = QueueStore.open({ file: `${dataDir}/robot.sqlite`, robotId: 'robot-a', robotSlot: 1, catalog: DEMO_CATALOG, clock: { wallMs: () => clock.t } });
    for (let i = 0; i < 3; i++) {
      clock.t += 5_000;
      const out = store.issue({ serviceId: 'birth-registration', language: 'vi' });
      if (!out.ok) throw new Error(out.code);
      store.markPrinting(out.ticket.id);
      uncertain.push(out.ticket);
    }
    store.close();
    robot = await start(); // recovery flags them; the first pass takes them to the center
    await robot.centerLink!.client.syncOnce();
  });
  afterAll(async () => {
    await robot.close();
    await printer.close();
    await center.close();
  });

  it('are waiting at the center at once, marked, and the phone page says waiting, not "being printed"', async () => {
    const status = await call(center.url, 'GET', `/v1/tickets/${uncertain[0]!.id}/status`);
    expect(status.body).toMatchObject({ status: 'waiting', printUncertain: true });
    expect((await call(center.url, 'GET', `/v1/tickets/${printed[0]}/status`)).body).toMatchObject({ status: 'waiting', printUncertain: false });
    const list = await call(center.url, 'GET', '/v1/tickets/print-uncertain?counterGroup=civil-status', undefined, STAFF);
    expect(list.body.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual(uncertain.map((t) => t.id));
    expect((await call(center.url, 'GET', '/v1/tickets/print-uncertain')).status).toBe(401);
  });

  it('staff settle one in service mode (audited): the robot records the paper, the center drops the mark', async () => {
    const { ws } = await openApi(robot.url, { token: robot.token });
    const send = async (type: string, payload: Record<string, unknown>) => (await request(ws!, { v: 1, id: type, type, payload }, type)) as Sent;
    const login = await send('service.login', { pin: '000000', via: 'gesture' });
    const session = (login.result as { session: string }).session;
    const listed = await send('service.tickets.uncertain', { session });
    expect((listed.result as { tickets: { id: string }[] }).tickets.map((t) => t.id)).toEqual(uncertain.map((t) => t.id));
    const settled = await send('service.tickets.settle', { session, ticketId: uncertain[0]!.id, outcome: 'printed' });
    expect(settled).toMatchObject({ ok: true, result: { ticket: { id: uncertain[0]!.id, state: 'printed' } } });
    expect(await send('service.tickets.settle', { session, ticketId: uncertain[0]!.id, outcome: 'void' })).toMatchObject({ ok: false, error: { code: 'QUEUE_TICKET_STATE_CONFLICT' } });
    const logs = await send('service.logs.get', { session });
    expect((logs.result as { audit: { action: string }[] }).audit.map((a) => a.action)).toContain('service.tickets.settle');
    ws!.close();
    await robot.centerLink!.client.syncOnce();
    expect((await call(center.url, 'GET', `/v1/tickets/${uncertain[0]!.id}/status`)).body).toMatchObject({ status: 'waiting', printUncertain: false });
  });

  it('staff settle on the center: void takes one out of the queue, and call-next reaches every other one', async () => {
    const voided = await call(center.url, 'POST', `/v1/tickets/${uncertain[1]!.id}/settle`, { outcome: 'void' }, STAFF);
    expect(voided.body.ticket).toMatchObject({ status: 'voided', printUncertain: false });
    expect((await call(center.url, 'POST', `/v1/tickets/${uncertain[1]!.id}/settle`, { outcome: 'void' }, STAFF)).status).toBe(409);
    const called: { ticketId: string; printUncertain?: boolean }[] = [];
    for (;;) {
      const r = await call(center.url, 'POST', '/v1/counters/counter-1/call-next', {}, STAFF);
      if (r.status !== 200) {
        expect(r.body.error.code).toBe('CENTER_QUEUE_EMPTY');
        break;
      }
      called.push(r.body.current);
    }
    expect(called.map((t) => t.ticketId)).toEqual([printed[0], uncertain[0]!.id, uncertain[2]!.id]);
    // the one nobody settled is marked for the counter: a no-show costs one skip
    expect(called[2]!.printUncertain).toBe(true);
  });
});
