/**
 * Staff calls and service audit rows, end to end: a real robot controller (queue store on SQLite,
 * sync client, WebSocket API) and the reference center, with the network between them cut and
 * healed by a TCP proxy. A call made while the center is unreachable — even across a controller
 * restart — must reach the center exactly once, show on the stream and on the counter's API; the
 * technician's audit rows must reach the fleet view exactly once.
 */
import { join } from 'node:path';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { SIMULATOR_DEFAULT_PIN } from '../../../src/controller/service-mode/service-login';
import { tempDir } from '../../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';
import { readStream, type SseReader } from '../center/sse-reader';

const STAFF = 'Staff k';

describe('staff calls and service audit from a real controller to the reference center', () => {
  const clock = { t: Date.parse('2026-11-30T08:15:00+07:00') };
  let center: RunningCenter;
  let proxy: TcpProxy;
  let printer: VirtualPrinter;
  const open: { close(): Promise<void> }[] = [];
  const streams: SseReader[] = [];

  beforeAll(async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    proxy = await startTcpProxy(center.port);
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    for (const s of streams) s.drop();
    for (const o of open.reverse()) await o.close();
    await proxy.close();
    await printer.close();
    await center.close();
  });

  /** A controller on `dataDir`; the enrolment code is spent on its first start only. */
  async function controller(robotId: string, dataDir: string, enrolmentCode?: string, pollSeconds?: number): Promise<Controller> {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir } });
    const config = { ...loaded.config, robotId, motion: { adapter: 'none' as const } };
    if (pollSeconds) config.center = { ...config.center, pollSeconds };
    const c = await startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port,
      now: () => new Date(clock.t), center: { url: proxy.url, enrolmentCode },
    });
    open.push(c);
    return c;
  }

  async function command(c: Controller, type: string, payload: unknown): Promise<Record<string, unknown>> {
    const { ws } = await openApi(c.url, { token: c.token });
    const reply = await request(ws!, { v: 1, id: 'x', type, payload }, 'x');
    ws!.close();
    return reply;
  }

  it('a call made while the center is cut off survives a restart and reaches the center exactly once, on the stream and the counter API', async () => {
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId: 'robot-s' }, STAFF)).body.code as string;
    const dataDir = join(tempDir(), 'robot-s');
    let robot = await controller('robot-s', dataDir, code);
    expect(robot.health().center).toMatchObject({ online: true, enrolment: 'enrolled' });
    const board = await call(center.url, 'GET', '/v1/board');
    const stream = readStream(`${center.url}/v1/stream?after=${board.body.lastEventId}`);
    streams.push(stream);

    proxy.cut();
    clock.t += 60_000;
    const reply = await command(robot, 'staff.call', { reason: 'help', language: 'ko' });
    expect(reply).toMatchObject({ ok: true, result: { repeated: false } });
    const callId = (reply.result as { callId: string }).callId;
    await expect(robot.centerLink!.client.syncOnce()).rejects.toMatchObject({ code: 'SYNC_CENTER_UNREACHABLE' });
    expect(robot.staffCalls.pending().map((c) => c.id)).toEqual([callId]);

    // the robot restarts while the center is still unreachable: the call waits in its store
    await robot.close();
    robot = await controller('robot-s', dataDir);
    expect(robot.staffCalls.pending().map((c) => c.id)).toEqual([callId]);

    proxy.heal();
    clock.t += 5_000;
    // this pass runs after the loop's pass if that one is running (passes never overlap): one of them delivers the call
    await robot.centerLink!.client.syncOnce();
    expect(robot.staffCalls.pending()).toEqual([]);
    // a lost answer makes the robot send again: the center stores and announces nothing twice
    const again = await call(center.url, 'POST', '/v1/staff-calls/batch', { calls: [{ id: callId, robotId: 'robot-s', reason: 'help', language: 'ko', calledAt: new Date(clock.t).toISOString() }] }, `Bearer ${robot.centerLink!.credentials.load()!.token}`);
    expect(again.body.results).toEqual([{ index: 0, id: callId, status: 'duplicate' }]);
    await robot.centerLink!.client.syncOnce();

    const [event] = await stream.waitFor(1);
    expect(event).toMatchObject({ type: 'staff.called', data: { type: 'staff.called', data: { callId, robotId: 'robot-s', reason: 'help' } } });
    // small and without personal data: no language, no ticket id on the public stream
    expect(Object.keys(event!.data.data).sort()).toEqual(['callId', 'calledAt', 'reason', 'robotId']);
    expect(event!.data.data.calledAt).toBe(clock.t - 5_000);

    const calls = await call(center.url, 'GET', '/v1/staff-calls', undefined, STAFF);
    expect(calls.body.calls).toEqual([expect.objectContaining({ callId, robotId: 'robot-s', reason: 'help', language: 'ko', acknowledgedAt: null })]);
    expect((await call(center.url, 'GET', '/v1/staff-calls')).status).toBe(401);

    const ack = await call(center.url, 'POST', `/v1/staff-calls/${callId}/acknowledge`, {}, STAFF);
    expect(ack.body.call).toMatchObject({ callId, acknowledgedAt: clock.t });
    expect((await call(center.url, 'GET', '/v1/staff-calls', undefined, STAFF)).body.calls).toEqual([]);
    // the stream delivers in event-id order: an announcement of the resent call would have come
    // before the acknowledgement, so the two events seen when it arrives are all there are
    const events = await stream.waitFor(2);
    expect(events.map((e) => e.type)).toEqual(['staff.called', 'staff.acknowledged']);
  });

  it('a staff call wakes the sync loop at once, and a printer failure call carries the ticket number', async () => {
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId: 'robot-k' }, STAFF)).body.code as string;
    // the idle poll is 5 minutes, far beyond this test's deadline: only the wake-up can carry the call
    const robot = await controller('robot-k', join(tempDir(), 'robot-k'), code, 300);
    const stream = readStream(`${center.url}/v1/stream`);
    streams.push(stream);
    await stream.connected;
    const ticket = await command(robot, 'ticket.issue', { serviceId: 'birth-registration', language: 'vi' });
    const { id: ticketId, display } = (ticket.result as { ticket: { id: string; display: string } }).ticket;
    // the ticket's pass reached the center: the loop then waits its poll, which a call must not wait for
    await stream.waitFor(1);
    const reply = await command(robot, 'staff.call', { reason: 'printer-failed', language: 'vi', ticketId });
    const callId = (reply.result as { callId: string }).callId;
    const [, announced] = await stream.waitFor(2, 30_000);
    expect(announced).toMatchObject({ type: 'staff.called', data: { data: { callId } } });
    const seen = (await call(center.url, 'GET', '/v1/staff-calls', undefined, STAFF)).body.calls.find((c: { callId: string }) => c.callId === callId);
    expect(seen).toMatchObject({ callId, ticketDisplay: display, reason: 'printer-failed' });
  });

  it('service-mode audit rows reach the fleet view exactly once, also after a partition', async () => {
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId: 'robot-t' }, STAFF)).body.code as string;
    const robot = await controller('robot-t', join(tempDir(), 'robot-t'), code);
    proxy.cut();
    clock.t += 1_000;
    expect(await command(robot, 'service.login', { pin: '999999', via: 'gesture' })).toMatchObject({ ok: true, result: { ok: false } });
    clock.t += 1_000;
    const login = await command(robot, 'service.login', { pin: SIMULATOR_DEFAULT_PIN, via: 'gesture' });
    const session = (login.result as { session: string }).session;
    clock.t += 1_000;
    expect(await command(robot, 'service.logout', { session })).toMatchObject({ ok: true });
    await expect(robot.centerLink!.client.syncOnce()).rejects.toMatchObject({ code: 'SYNC_CENTER_UNREACHABLE' });

    proxy.heal();
    // this pass or the loop's, whichever runs first (never both at once), delivers the three rows; the fleet counts them once
    await robot.centerLink!.client.syncOnce();
    expect((await robot.centerLink!.client.syncOnce()).auditRows).toBe(0);

    const fleet = await call(center.url, 'GET', '/v1/fleet', undefined, STAFF);
    const mine = fleet.body.robots.find((r: { robotId: string }) => r.robotId === 'robot-t');
    expect(mine.audit).toEqual({ count: 3, lastAt: clock.t, lastAction: 'service.logout' });
    const rows = await call(center.url, 'GET', '/v1/fleet/robot-t/audit', undefined, STAFF);
    expect(rows.body.rows.map((r: { action: string }) => r.action)).toEqual(['service.logout', 'service.login', 'service.login.failed']);
    expect(new Set(rows.body.rows.map((r: { key: string }) => r.key)).size).toBe(3);
  });
});
