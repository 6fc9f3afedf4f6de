/**
 * The README's example config is what people copy onto robots: it must pass `config check` and,
 * copied as is onto two robots, never print one number twice. Only test-local parts change:
 * the data folder, the printer (the virtual one), the API port (two robots on one machine), the
 * center's URL (a reference center on loopback, never the example's LAN names) and, per robot,
 * the one-time enrolment code the README says to fill in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { leasableRange } from '../../../src/core/queue/numbering';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { loadConfig } from '../../../src/controller/config/load';
import { PrinterConfig } from '../../../src/controller/config/schema';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { call, quietLog } from '../center/harness';
import { runCli, tempDir, writeConfig } from '../../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { openApi, request } from '../../support/ws-client';

const README = join(__dirname, '../../../README.md');

function readmeConfig(): Record<string, unknown> {
  const text = readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('\n## Configuration'));
  const block = /```json\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 5)));
  if (!block) throw new Error('no json block in the README section "## Configuration"');
  return JSON.parse(block[1]!) as Record<string, unknown>;
}

describe('the README example config', () => {
  /** Monday 07:31, within opening hours. */
  const clock = { t: Date.parse('2026-11-30T07:31:00+07:00') };
  let center: RunningCenter;
  let printer: VirtualPrinter;
  const robots: Controller[] = [];

  beforeAll(async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    for (const r of robots) await r.close();
    await printer.close();
    await center.close();
  });

  /** The README file as is on disk; the controller gets it with the test-local parts replaced. */
  async function robot(centerUrl: string, enrolmentCode?: string): Promise<Controller> {
    const dir = tempDir();
    const loaded = loadConfig({ file: writeConfig(dir, readmeConfig()), env: {}, overrides: { port: 0, dataDir: join(dir, 'data') } });
    const c = loaded.config;
    const config = { ...c, printer: PrinterConfig.parse({ adapter: 'simulator' }), center: { ...c.center, url: centerUrl, ...(enrolmentCode ? { enrolmentCode } : {}) } };
    const r = await startController({ config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port, now: () => new Date(clock.t) });
    robots.push(r);
    return r;
  }
  const newCode = async () => (await call(center.url, 'POST', '/v1/admin/enrolment-codes', {}, 'Staff k')).body.code as string;

  async function issue(c: Controller): Promise<{ ok: boolean; error?: { code: string }; result?: { ticket: { display: string } } }> {
    clock.t += 5_000;
    const { ws } = await openApi(c.url, { token: c.token });
    const reply = await request(ws!, { v: 1, id: 't', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, 't');
    ws!.close();
    return reply as never;
  }

  async function enrolled(c: Controller): Promise<void> {
    while (c.centerLink!.status().enrolment !== 'enrolled') await new Promise((r) => setTimeout(r, 100));
  }

  it('passes `lobby-robot config check` as written', async () => {
    const result = await runCli(['config', 'check', writeConfig(tempDir(), readmeConfig())]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('names a center and no fixed robot id or slot', () => {
    const doc = readmeConfig();
    expect(doc).toMatchObject({ profile: 'production', center: { url: expect.any(String) } });
    expect(doc.robotId).toBeUndefined();
    expect((doc.queue as { robotSlot?: number } | undefined)?.robotSlot).toBeUndefined();
  });

  it('refuses tickets with QUEUE_NOT_ENROLLED until the center answers, then enrols and issues', async () => {
    const proxy: TcpProxy = await startTcpProxy(center.port);
    try {
      proxy.cut();
      const r = await robot(proxy.url, await newCode());
      expect(await issue(r)).toMatchObject({ ok: false, error: { code: 'QUEUE_NOT_ENROLLED' } });
      expect(await issue(r)).toMatchObject({ ok: false, error: { code: 'QUEUE_NOT_ENROLLED' } });
      proxy.heal();
      await enrolled(r);
      expect(await issue(r)).toMatchObject({ ok: true });
    } finally {
      await proxy.close();
    }
  });

  it('two robots from it, enrolled with one center that then goes away, issue offline without a duplicate', async () => {
    const own = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    const code = async () => (await call(own.url, 'POST', '/v1/admin/enrolment-codes', {}, 'Staff k')).body.code as string;
    const a = await robot(own.url, await code());
    const b = await robot(own.url, await code());
    await enrolled(a);
    await enrolled(b);
    expect(a.health().robotId).not.toBe(b.health().robotId);
    await own.close();
    const displays: string[] = [];
    // past the leased blocks into each robot's own fallback run
    for (let i = 0; i < 28; i++) {
      for (const r of [a, b]) {
        const reply = await issue(r);
        expect({ i, error: reply.error }).toEqual({ i, error: undefined });
        displays.push(reply.result!.ticket.display);
      }
    }
    expect(displays.filter((d) => Number(d.slice(1)) > leasableRange(DEMO_CATALOG.numbering).last).length).toBeGreaterThan(0);
    expect(displays.length - new Set(displays).size).toBe(0);
  });
});
