/**
 * Ratings taken at the robot (issue 18), end to end: a real controller (queue store on SQLite,
 * sync client, WebSocket API) and the reference center behind a TCP proxy. Online, the robot asks
 * the center whether the scanned ticket was served; cut off, it still takes the rating, keeps it in
 * its store's outbox (also across a restart) and delivers it once when the link returns — and a
 * rating the center refuses (the ticket was never served) is dropped, not retried for ever.
 */
import { join } from 'node:path';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { tempDir } from '../../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';

const STAFF = 'Staff k';

describe('ratings from a real controller to the reference center', () => {
  const clock = { t: Date.parse('2026-11-30T09:00:00+07:00') };
  let center: RunningCenter;
  let proxy: TcpProxy;
  let printer: VirtualPrinter;
  const open: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    proxy = await startTcpProxy(center.port);
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    for (const o of open.reverse()) await o.close();
    await proxy.close();
    await printer.close();
    await center.close();
  });

  async function controller(robotId: string, dataDir: string, enrolmentCode?: string): Promise<Controller> {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir } });
    const config = { ...loaded.config, robotId, motion: { adapter: 'none' as const }, ticketStatusUrl: 'http://center.lan:8720/t/{id}?lang={lang}' };
    const c = await startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port,
      now: () => new Date(clock.t), center: { url: proxy.url, enrolmentCode },
    });
    open.push(c);
    return c;
  }

  async function command(c: Controller, type: string, payload: unknown): Promise<{ ok: boolean; result?: any; error?: { code: string } }> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const { ws } = await openApi(c.url, { token: c.token });
    const reply = await request(ws!, { v: 1, id: 'x', type, payload }, 'x');
    ws!.close();
    return reply as { ok: boolean; result?: unknown; error?: { code: string } };
  }
  const rating = (c: Controller, ticketId: string, score: string) => command(c, 'rating.send', { ticketId, rating: { score, reasons: ['fast-service'] } });
  const stored = async (ticketId: string) => (await call(center.url, 'GET', `/v1/tickets/${ticketId}/status`)).body.rated as boolean;

  it('online: refuses a ticket not served; cut off: takes the rating, keeps it across a restart, delivers it once; a refused one is dropped', async () => {
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId: 'robot-r' }, STAFF)).body.code as string;
    const dataDir = join(tempDir(), 'robot-r');
    let robot = await controller('robot-r', dataDir, code);
    const issue = async () => (await command(robot, 'ticket.issue', { serviceId: 'birth-registration', language: 'vi' })).result as { ticket: { id: string; display: string }; statusUrl: string };
    const served = await issue();
    const never = await issue();
    await robot.centerLink!.client.syncOnce();
    expect(served.statusUrl).toBe(`http://center.lan:8720/t/${served.ticket.id}?lang=vi`);

    expect(await command(robot, 'rating.open', { text: served.statusUrl })).toMatchObject({ ok: false, error: { code: 'RATING_TICKET_NOT_COMPLETED' } });
    expect(await command(robot, 'rating.open', { text: `http://elsewhere.lan/t/${served.ticket.id}` })).toMatchObject({ ok: false, error: { code: 'TICKET_QR_INVALID' } });
    await call(center.url, 'POST', '/v1/counters/counter-1/call-next', {}, STAFF);
    await call(center.url, 'POST', '/v1/counters/counter-1/complete', {}, STAFF);

    proxy.cut();
    clock.t += 60_000;
    // the center cannot say whether it was served: the robot takes the rating and sends it later
    expect(await command(robot, 'rating.open', { text: served.statusUrl })).toMatchObject({ ok: true, result: { ticketId: served.ticket.id, display: served.ticket.display } });
    expect(await rating(robot, served.ticket.id, 'satisfied')).toMatchObject({ ok: true, result: { rated: true } });
    expect(await rating(robot, never.ticket.id, 'not-satisfied')).toMatchObject({ ok: true, result: { rated: true } });
    await expect(robot.centerLink!.client.syncOnce()).rejects.toMatchObject({ code: 'SYNC_CENTER_UNREACHABLE' });
    expect(robot.ratings.pending().map((r) => r.ticketId)).toEqual([served.ticket.id, never.ticket.id]);

    await robot.close();
    robot = await controller('robot-r', dataDir);
    expect(robot.ratings.pending().map((r) => r.ticketId)).toEqual([served.ticket.id, never.ticket.id]);

    proxy.heal();
    await robot.centerLink!.client.syncOnce();
    expect(robot.ratings.pending()).toEqual([]);
    expect(await stored(served.ticket.id)).toBe(true);
    expect((await call(center.url, 'GET', `/v1/tickets/${never.ticket.id}/status`)).body).toMatchObject({ status: 'waiting', rated: false });
    // online again: the center answers for the ticket rated while cut off
    expect(await command(robot, 'rating.open', { text: served.statusUrl })).toMatchObject({ ok: false, error: { code: 'RATING_ALREADY_GIVEN' } });
  });
});
