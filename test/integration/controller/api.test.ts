import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { qrOnPaper } from '../../support/paper-qr';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { openApi, request } from '../../support/ws-client';
import { tempDir } from '../../support/robot-process';

/** Monday 08:00 in Ha Noi: the center is open, so issuing does not depend on when the test runs. */
const mondayMorning = () => new Date(Date.parse('2026-11-30T01:00:00Z') + (Date.now() % 60_000));

describe('controller API over WebSocket on loopback', () => {
  let printer: VirtualPrinter;
  let controller: Controller;

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    const { config, catalog } = simulatorWithoutBoard();
    const parent = tempDir();
    const uiDir = join(parent, 'ui');
    mkdirSync(uiDir);
    writeFileSync(join(uiDir, 'index.html'), '<p>kiosk page</p>');
    writeFileSync(join(parent, 'secret.json'), '{"secret":true}');
    controller = await startController({
      config, catalog, log: createLogger('silent'), uiDir, simulatorPrinterPort: printer.port, now: mondayMorning,
    });
  });
  afterAll(async () => {
    await controller.close();
    await printer.close();
  });

  it('refuses a socket without a token, with a wrong token, or from a foreign Origin', async () => {
    expect((await openApi(controller.url)).status).toBe(401);
    expect((await openApi(controller.url, { token: 'f'.repeat(64) })).status).toBe(401);
    expect((await openApi(controller.url, { token: controller.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await openApi(controller.url, { token: controller.token, origin: 'http://127.0.0.1:1' })).status).toBe(403);
  });

  it('accepts its own origin with the token and answers hello', async () => {
    const origin = controller.url.replace(/\/$/, '');
    const { ws } = await openApi(controller.url, { token: controller.token, origin });
    const reply = await request(ws!, { v: 1, id: 'h1', type: 'hello', payload: { client: 'test' } }, 'h1');
    expect(reply).toMatchObject({ ok: true, result: { protocol: 1, robotId: 'robot-sim-1', defaultLanguage: 'vi' } });
    ws!.close();
  });

  it('refuses a ticket outside opening hours with a typed code and the next opening time', async () => {
    const { config, catalog } = simulatorWithoutBoard();
    const sunday = await startController({ config, catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port, now: () => new Date('2026-11-29T03:00:00Z') });
    const { ws } = await openApi(sunday.url, { token: sunday.token });
    const reply = await request(ws!, { v: 1, id: 'c1', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, 'c1');
    expect(reply).toMatchObject({ ok: false, error: { code: 'QUEUE_CENTER_CLOSED', nextOpeningAt: '2026-11-30T00:30:00.000Z' } });
    const priority = await request(ws!, { v: 1, id: 'c2', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi', categoryId: 'elderly' } }, 'c2');
    expect(priority).toMatchObject({ ok: false, error: { code: 'QUEUE_CENTER_CLOSED' } });
    const unknown = await request(ws!, { v: 1, id: 'c3', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi', categoryId: 'vip' } }, 'c3');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'QUEUE_PRIORITY_UNKNOWN' } });
    ws!.close();
    await sunday.close();
  });

  it('answers unreadable, unknown and invalid commands with typed errors and stays up', async () => {
    const { ws } = await openApi(controller.url, { token: controller.token });
    expect(await request(ws!, 'not json{', null)).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });
    expect(await request(ws!, { v: 1, id: 'u1', type: 'robot.selfDestruct', payload: {} }, 'u1')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    const invalid = await request(ws!, { v: 1, id: 'i1', type: 'ticket.issue', payload: { serviceId: 7, language: 'fr' } }, 'i1');
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect((invalid.error as { issues: string[] }).issues.join('\n')).toMatch(/serviceId[\s\S]*language/);
    expect(await request(ws!, { v: 99, id: 'p1', type: 'hello', payload: { client: 'x' } }, 'p1')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_PROTOCOL' } });
    expect(await request(ws!, { v: 1, id: 's1', type: 'ticket.issue', payload: { serviceId: 'no-such-service', language: 'vi' } }, 's1')).toMatchObject({ ok: false, error: { code: 'SERVICE_UNKNOWN' } });
    expect(await request(ws!, { v: 1, id: 'ok', type: 'status.get', payload: {} }, 'ok')).toMatchObject({ ok: true });
    ws!.close();
  });

  it('issues a ticket: stored, then printed on the virtual printer, whose QR names the ticket', async () => {
    const { ws } = await openApi(controller.url, { token: controller.token });
    const jobs = printer.jobs.length;
    const reply = await request(ws!, { v: 1, id: 't1', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, 't1');
    const result = reply.result as { ticket: { id: string; display: string; state: string }; printed: boolean };
    expect(reply.ok).toBe(true);
    expect(result.printed).toBe(true);
    expect(result.ticket.state).toBe('printed');
    expect(result.ticket.display).toMatch(/^A\d{3}$/);
    await waitFor(() => printer.jobs.length > jobs);
    // the ticket is a raster image: the QR read off the decoded paper names this very ticket
    expect(printer.jobs.at(-1)!.text).toMatch(/\[raster 576x\d+\][\s\S]*\[cut partial\]/);
    expect(qrOnPaper(printer.jobs.at(-1)!.png)).toBe(`https://hcc.example.vn/t/${result.ticket.id}`);
    ws!.close();
  });

  it('prints again by rule, then voids the ticket with a typed code when the printer is gone', async () => {
    const { config, catalog } = simulatorWithoutBoard();
    const dead = await startVirtualPrinter();
    await dead.close();
    const c = await startController({ config, catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: dead.port, now: mondayMorning });
    const { ws } = await openApi(c.url, { token: c.token });
    const reply = await request(ws!, { v: 1, id: 'f1', type: 'ticket.issue', payload: { serviceId: 'result-pickup', language: 'en' } }, 'f1');
    // the demo catalog's rule: one more attempt with the same number, then the number is voided
    expect(reply.result).toMatchObject({ printed: false, printError: 'PRINTER_OFFLINE', ticket: { state: 'voided', display: 'R001' } });
    expect(c.health().devices.printer).toMatchObject({ state: 'fault', code: 'PRINTER_OFFLINE' });
    ws!.close();
    await c.close();
  });

  it('serves /healthz as JSON and nothing outside the UI folder', async () => {
    const res = await fetch(new URL('healthz', controller.url));
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ robotId: 'robot-sim-1', store: { state: 'ok' }, devices: { printer: { state: expect.any(String) } } });
    expect(await (await fetch(controller.url)).text()).toContain('kiosk page');
    for (const path of ['/../secret.json', '/..%2fsecret.json', '/%2e%2e/secret.json', '/index.html%00.json']) {
      expect(await rawGetStatus(controller.port, path)).toBe(404);
    }
    expect((await fetch(new URL('healthz', controller.url), { method: 'POST' })).status).toBe(405);
  });
});

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A GET whose path is sent as is (fetch would normalise the dot segments away). */
function rawGetStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('scanning through the controller', () => {
  it('pushes a parsed code.scanned event for a simulated scanner read, and parses codes the touchscreen submits', async () => {
    const printer = await startVirtualPrinter();
    const { config, catalog } = simulatorWithoutBoard();
    const c = await startController({ config, catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port });
    try {
      expect(c.health().devices['scanner:simulated']).toMatchObject({ state: 'ok' });
      const { ws } = await openApi(c.url, { token: c.token });
      const event = new Promise<Record<string, unknown>>((resolve) =>
        ws!.on('message', (d) => {
          const m = JSON.parse(d.toString());
          if (m.event === 'code.scanned') resolve(m.data);
        }),
      );
      c.simulatedScanners[0]!.inject('000.00.01.H29-240115-0001');
      expect(await event).toEqual({
        scannerId: 'simulated', source: 'simulator',
        code: { format: 'dossier', via: 'code', dossier: { code: '000.00.01.H29-240115-0001', unitCode: '000.00.01.H29', receivedOn: '2024-01-15', sequence: 1 } },
      });
      const typed = await request(ws!, { v: 1, id: 'c1', type: 'code.submit', payload: { text: 'not a code at all', source: 'typed' } }, 'c1');
      expect(typed).toMatchObject({ ok: true, result: { error: 'SCAN_UNKNOWN_FORMAT', repeated: false } });
      const again = await request(ws!, { v: 1, id: 'c2', type: 'code.submit', payload: { text: 'not a code at all', source: 'typed' } }, 'c2');
      expect(again).toMatchObject({ ok: true, result: { repeated: true } });
      const huge = await request(ws!, { v: 1, id: 'c3', type: 'code.submit', payload: { text: 'x'.repeat(3000), source: 'wedge' } }, 'c3');
      expect(huge).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      ws!.close();
    } finally {
      await c.close();
      await printer.close();
    }
  });
});

/** The simulator profile minus the motion board: these tests are about the API, not the AVR simulation. */
function simulatorWithoutBoard() {
  const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
  return { ...loaded, config: { ...loaded.config, motion: { adapter: 'none' as const } } };
}
