/**
 * Issue 21 point 1: the center link's status reaches the touchscreen as `status.changed` when it
 * changes (a pass that finds the center gone, one that finds it back), pushed by the link's own
 * events rather than a once-a-second poll of the controller.
 */
import type WebSocket from 'ws';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import type { HealthReport } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { call, quietLog } from '../center/harness';
import { tempDir } from '../../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { openApi, request } from '../../support/ws-client';

/** Resolves with the first status.changed whose center status passes `check`. */
function statusWhere(ws: WebSocket, check: (center: NonNullable<HealthReport['center']>) => boolean): Promise<NonNullable<HealthReport['center']>> {
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const frame = JSON.parse(String(raw)) as { event?: string; data?: HealthReport };
      const center = frame.event === 'status.changed' ? frame.data?.center : undefined;
      if (center && check(center)) {
        ws.off('message', onMessage);
        resolve(center);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('the center link status on the touchscreen', () => {
  const clock = { t: Date.parse('2026-11-30T08:15:00+07:00') };
  let center: RunningCenter;
  let proxy: TcpProxy;
  let printer: VirtualPrinter;
  let robot: Controller;
  let ws: WebSocket;

  beforeAll(async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    proxy = await startTcpProxy(center.port);
    printer = await startVirtualPrinter();
    const enrolmentCode = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId: 'robot-l' }, 'Staff k')).body.code as string;
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    robot = await startController({
      config: { ...loaded.config, robotId: 'robot-l', motion: { adapter: 'none' } }, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(),
      simulatorPrinterPort: printer.port, now: () => new Date(clock.t), center: { url: proxy.url, enrolmentCode },
    });
    ws = (await openApi(robot.url, { token: robot.token })).ws!;
  });
  afterAll(async () => {
    ws.close();
    await robot.close();
    await proxy.close();
    await printer.close();
    await center.close();
  });

  it('is pushed when the center goes away with a ticket waiting, and again when it is back', async () => {
    expect(robot.health().center).toMatchObject({ online: true, enrolment: 'enrolled' });
    proxy.cut();
    const offline = statusWhere(ws, (c) => !c.online);
    // the ticket wakes the sync loop, whose pass finds the center gone
    const issued = await request(ws, { v: 1, id: 't', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, 't');
    expect(issued).toMatchObject({ ok: true });
    // the ticket's changes (issued, printed) wait in the outbox
    expect((await offline).outboxLength).toBeGreaterThan(0);

    proxy.heal();
    const back = statusWhere(ws, (c) => c.online && c.outboxLength === 0);
    robot.centerLink!.client.kick();
    expect(await back).toMatchObject({ online: true, enrolment: 'enrolled', outboxLength: 0 });
  });
});
