/**
 * One appointment QR scanned twice at once (a citizen holds the paper under the scanner, the
 * camera reads it too): exactly one check-in, one ticket, one sheet of paper; the other scan is
 * answered "already checked in", never an internal error. Through the real controller, its
 * WebSocket API, its SQLite store and the virtual printer; with the reference center and alone.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import type WebSocket from 'ws';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { encodeAppointmentCode } from '../../../src/core/codes';
import { loadConfig } from '../../../src/controller/config/load';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { tempDir } from '../../support/robot-process';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';

/** Monday 08:20 in Ha Noi: the demo appointment LH-000123 (08:30) is inside the window. */
const clock = { t: Date.parse('2026-11-30T08:20:00+07:00') };

describe('appointment check-in: two scans of one code at the same time', () => {
  let printer: VirtualPrinter;
  const open: { c: Controller; ws: WebSocket }[] = [];
  let center: RunningCenter | undefined;
  beforeAll(async () => {
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    for (const r of open) {
      r.ws.close();
      await r.c.close();
    }
    await center?.close();
    await printer.close();
  });

  async function robot(keys: string[], withCenter?: { url: string; enrolmentCode: string }) {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    const config = { ...loaded.config, motion: { adapter: 'none' as const }, codes: { centerPublicKeys: keys } };
    const c = await startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port,
      now: () => new Date(clock.t), ...(withCenter ? { center: withCenter } : {}),
    });
    const { ws } = await openApi(c.url, { token: c.token });
    const r = { c, ws: ws! };
    open.push(r);
    let seq = 0;
    return (text: string) => {
      const id = `s${++seq}`;
      return request(r.ws, { v: 1, id, type: 'appointment.checkIn', payload: { text, language: 'vi' } }, id);
    };
  }

  /** Exactly one scan checks in; every other one is told "already checked in". */
  function expectOneCheckIn(replies: Record<string, unknown>[]) {
    const outcomes = replies.map((r) => (r.ok ? (r.result as { outcome: string; code?: string }) : r.error) as { outcome?: string; code?: string });
    expect(outcomes.filter((o) => o.outcome === 'checked-in')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome !== 'checked-in')).toEqual(Array(replies.length - 1).fill(expect.objectContaining({ outcome: 'refused', code: 'APPOINTMENT_ALREADY_CHECKED_IN' })));
  }

  it('with the center: one ticket, one sheet, checked in once at the center', async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', {}, 'Staff k')).body.code as string;
    const scan = await robot([center.appointmentKey], { url: center.url, enrolmentCode: code });
    const text = (await call(center.url, 'GET', '/v1/admin/appointments/LH-000123/qr', undefined, 'Staff k')).body.text as string;

    const before = printer.jobs.length;
    expectOneCheckIn(await Promise.all([scan(text), scan(text)]));
    expect(printer.jobs.length).toBe(before + 1);
    expect((await center.ctx.storage.findAppointment('LH-000123'))!.status).toBe('checked-in');
    // a third scan later is refused the same way
    await expect(scan(text)).resolves.toMatchObject({ result: { outcome: 'refused', code: 'APPOINTMENT_ALREADY_CHECKED_IN' } });
    expect(printer.jobs.length).toBe(before + 1);
  });

  it('without a center (the signed code alone): one ticket, one sheet', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
    const scan = await robot([raw]);
    const slot = Date.parse('2026-11-30T08:30:00+07:00') / 1000;
    const text = encodeAppointmentCode({ a: 'LH-000900', s: 'birth-registration', t: slot, x: slot + 3600 }, (m) => new Uint8Array(sign(null, m, privateKey)));

    const before = printer.jobs.length;
    expectOneCheckIn(await Promise.all([scan(text), scan(text), scan(text)]));
    expect(printer.jobs.length).toBe(before + 1);
  });
});
