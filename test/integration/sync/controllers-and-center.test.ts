/**
 * The production pieces end to end: the reference center and two real robot controllers (queue
 * store on SQLite, sync client, WebSocket API, virtual printer), the network between them cut and
 * healed by a TCP proxy. Every ticket must reach the center exactly once with unique numbers, and
 * the center must call them in the order they were issued.
 */
import { join } from 'node:path';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { businessDay } from '../../../src/core/business-day';
import { leasableRange } from '../../../src/core/queue/numbering';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { tempDir } from '../../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';

const STAFF = 'Staff k';

describe('two robot controllers and the reference center', () => {
  /** Monday 07:31, just after opening: the morning's cut-off leaves room for every ticket below. */
  const clock = { t: Date.parse('2026-11-30T07:31:00+07:00') };
  let center: RunningCenter;
  let proxy: TcpProxy;
  let printer: VirtualPrinter;
  const robots: Controller[] = [];

  beforeAll(async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    proxy = await startTcpProxy(center.port);
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    for (const r of robots) await r.close();
    await proxy.close();
    await printer.close();
    await center.close();
  });

  async function robot(robotId: string, slot: number): Promise<Controller> {
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId }, STAFF)).body.code as string;
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: join(tempDir(), robotId) } });
    const config = { ...loaded.config, robotId, motion: { adapter: 'none' as const }, queue: { ...loaded.config.queue, robotSlot: slot } };
    const c = await startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port,
      now: () => new Date(clock.t), center: { url: proxy.url, enrolmentCode: code },
    });
    robots.push(c);
    return c;
  }

  async function issue(c: Controller, n: number): Promise<{ id: string; display: string; issuedAt: string }[]> {
    const { ws } = await openApi(c.url, { token: c.token });
    const out = [];
    for (let i = 0; i < n; i++) {
      clock.t += 5_000;
      const reply = await request(ws!, { v: 1, id: `t${i}`, type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, `t${i}`);
      if (!reply.ok) throw new Error(`ticket ${i} refused: ${JSON.stringify(reply)}`);
      expect(reply).toMatchObject({ ok: true, result: { printed: true } });
      out.push((reply.result as { ticket: { id: string; display: string; issuedAt: string } }).ticket);
    }
    ws!.close();
    return out;
  }

  it('issue on both while the center is unreachable; after healing every ticket is there once, numbers unique, called in issue order', async () => {
    const a = await robot('robot-a', 1);
    const b = await robot('robot-b', 2);
    expect(a.health().sync.state).toBe('ok');
    expect(a.health().center).toMatchObject({ online: true, enrolment: 'enrolled' });

    proxy.cut();
    // more than a leased block each: the robots go on into their own fallback series
    const issued = [...(await issue(a, 12)), ...(await issue(b, 12)), ...(await issue(a, 14)), ...(await issue(b, 14))];
    const leasable = leasableRange(DEMO_CATALOG.numbering);
    expect(issued.filter((t) => Number(t.display.slice(1)) > leasable.last).length).toBeGreaterThan(0);
    await expect(a.centerLink!.client.syncOnce()).rejects.toMatchObject({ code: 'SYNC_CENTER_UNREACHABLE' });
    expect(a.health().sync).toMatchObject({ state: 'degraded', code: 'SYNC_CENTER_UNREACHABLE' });
    expect(a.health().center!.outboxLength).toBeGreaterThan(0);

    proxy.heal();
    for (const r of [a, b, a, b]) await r.centerLink!.client.syncOnce();
    expect(a.health().center!.outboxLength + b.health().center!.outboxLength).toBe(0);
    expect(a.health().sync.state).toBe('ok');

    const atCenter = await center.ctx.storage.waitingIn('civil-status', businessDay(new Date(clock.t)));
    expect(atCenter.map((t) => t.ticketId).sort()).toEqual(issued.map((t) => t.id).sort());
    expect(new Set(atCenter.map((t) => t.display)).size).toBe(issued.length);

    const called: string[] = [];
    for (;;) {
      const r = await call(center.url, 'POST', '/v1/counters/counter-1/call-next', {}, STAFF);
      if (r.status !== 200) break;
      called.push(r.body.current.ticketId);
    }
    expect(called).toEqual([...issued].sort((x, y) => Date.parse(x.issuedAt) - Date.parse(y.issuedAt)).map((t) => t.id));
  });

  it('a revoked robot says so in its health and keeps issuing offline; nothing is lost', async () => {
    const c = await robot('robot-c', 3);
    await call(center.url, 'POST', '/v1/admin/devices/robot-c/revoke', {}, STAFF);
    const tickets = await issue(c, 3);
    await expect(c.centerLink!.client.syncOnce()).rejects.toMatchObject({ code: 'SYNC_DEVICE_REVOKED' });
    expect(c.health().sync).toMatchObject({ state: 'degraded', code: 'SYNC_DEVICE_REVOKED' });
    expect(c.health().center).toMatchObject({ enrolment: 'revoked', outboxLength: expect.any(Number) });
    expect(c.health().center!.outboxLength).toBeGreaterThanOrEqual(tickets.length);
    expect(await issue(c, 1)).toHaveLength(1);
  });

  it('takes the catalog the center publishes and keeps it for an offline restart', async () => {
    const renamed = { ...DEMO_CATALOG, centerName: { ...DEMO_CATALOG.centerName, en: 'Renamed Ward Center' } };
    const own = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: renamed, log: quietLog, now: () => clock.t, staffKey: 'k' });
    const code = (await call(own.url, 'POST', '/v1/admin/enrolment-codes', {}, STAFF)).body.code as string;
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: join(tempDir(), 'robot-d') } });
    const config = { ...loaded.config, robotId: 'robot-d', motion: { adapter: 'none' as const } };
    const start = () => startController({ config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port, now: () => new Date(clock.t), center: { url: own.url, enrolmentCode: code } });
    const catalogName = async (c: Controller) => {
      const { ws } = await openApi(c.url, { token: c.token });
      const reply = await request(ws!, { v: 1, id: 'c', type: 'catalog.get', payload: {} }, 'c');
      ws!.close();
      return (reply.result as { centerName: { en: string } }).centerName.en;
    };
    const first = await start();
    expect(await catalogName(first)).toBe('Renamed Ward Center');
    await first.close();
    await own.close();
    const offline = await start();
    expect(offline.health().sync.state).toBe('degraded');
    expect(await catalogName(offline)).toBe('Renamed Ward Center');
    await offline.close();
  });
});
