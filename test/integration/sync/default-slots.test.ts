/**
 * Issue 16, point 2, end to end: two real robot controllers both left at the default
 * `queue.robotSlot`, one reference center. The center grants the second robot another slot at
 * enrolment; the center is then killed, both robots issue past their leased blocks into their
 * fallback runs (one of them restarted half-way), the center is started again on its data
 * folder. No number may be printed twice, and every ticket must reach the center exactly once.
 */
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { businessDay } from '../../../src/core/business-day';
import { leasableRange } from '../../../src/core/queue/numbering';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { tempDir } from '../../support/robot-process';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';

const STAFF = 'Staff k';

describe('two robots at the default robot slot', () => {
  const clock = { t: Date.parse('2026-11-30T07:31:00+07:00') };
  const centerDir = tempDir();
  let center: RunningCenter;
  let printer: VirtualPrinter;
  const running = new Set<Controller>();
  const dataDirs = new Map<string, string>();

  const startCenter = (port = 0) =>
    createCenterServer({ host: '127.0.0.1', port, dataDir: centerDir, catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });

  beforeAll(async () => {
    center = await startCenter();
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    for (const r of running) await r.close();
    await printer.close();
    await center.close();
  });

  /** A controller on its own data folder; `code` only at its first start (it keeps its credentials). */
  async function robot(robotId: string, centerUrl: string, code?: string): Promise<Controller> {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: dataDirs.get(robotId) ?? dataDirs.set(robotId, tempDir()).get(robotId)! } });
    expect(loaded.config.queue.robotSlot).toBeUndefined(); // none written: slot 1 until the center grants one
    const config = { ...loaded.config, robotId, motion: { adapter: 'none' as const } };
    const c = await startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port,
      now: () => new Date(clock.t), center: { url: centerUrl, ...(code ? { enrolmentCode: code } : {}) },
    });
    running.add(c);
    return c;
  }

  /** Per robot at most 30 tickets a counter group: more would reach the morning's cut-off at 07:31. */
  async function issue(c: Controller, n: number, serviceId = 'birth-registration'): Promise<{ id: string; display: string }[]> {
    const { ws } = await openApi(c.url, { token: c.token });
    const out = [];
    for (let i = 0; i < n; i++) {
      clock.t += 5_000;
      const reply = await request(ws!, { v: 1, id: `t${i}`, type: 'ticket.issue', payload: { serviceId, language: 'vi' } }, `t${i}`);
      if (!reply.ok) throw new Error(`ticket ${i} refused: ${JSON.stringify(reply)}`);
      out.push((reply.result as { ticket: { id: string; display: string } }).ticket);
    }
    ws!.close();
    return out;
  }

  it('the slot granted at enrolment is used at once: no number twice, every ticket at the center once', async () => {
    const url = center.url;
    const codeFor = async (robotId: string) => (await call(url, 'POST', '/v1/admin/enrolment-codes', { robotId }, STAFF)).body.code as string;
    const a = await robot('robot-a', url, await codeFor('robot-a'));
    let b = await robot('robot-b', url, await codeFor('robot-b'));
    const slots = (await call(url, 'GET', '/v1/fleet', undefined, STAFF)).body.robots.map((r: { robotSlot: number }) => r.robotSlot);
    expect(slots.sort()).toEqual([1, 2]);

    const port = center.port;
    await center.close(); // killed: both robots issue offline, past their leased block
    const issued = [...(await issue(a, 25)), ...(await issue(b, 25))];
    await b.close(); // b restarts offline, with the slot it was granted
    running.delete(b);
    b = await robot('robot-b', url);
    issued.push(...(await issue(a, 25, 'signature-certification')), ...(await issue(b, 25, 'signature-certification')));
    const leasable = leasableRange(DEMO_CATALOG.numbering);
    // past a leased block of 20: each robot issued from its own fallback run in both prefixes
    expect(issued.filter((t) => Number(t.display.slice(1)) > leasable.last)).toHaveLength(20);
    expect(new Set(issued.map((t) => t.display)).size).toBe(issued.length);

    center = await startCenter(port);
    for (const r of [a, b, a, b]) await r.centerLink!.client.syncOnce();
    expect(a.health().center!.outboxLength + b.health().center!.outboxLength).toBe(0);
    const day = businessDay(new Date(clock.t));
    const atCenter = [...(await center.ctx.storage.waitingIn('civil-status', day)), ...(await center.ctx.storage.waitingIn('certification', day))];
    expect(atCenter.map((t) => t.ticketId).sort()).toEqual(issued.map((t) => t.id).sort());
    expect(new Set(atCenter.map((t) => t.display)).size).toBe(issued.length);
  });
});
