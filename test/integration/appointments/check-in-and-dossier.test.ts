/**
 * Appointment check-in and dossier look-up through the production pieces: the reference center
 * (signs the demo QRs, records check-ins), two robot controllers that trust its key in config,
 * the WebSocket API, the virtual printer, and a TCP proxy that cuts the center off.
 */
import { join } from 'node:path';
import type WebSocket from 'ws';
import { generateKeyPairSync, sign } from 'node:crypto';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { encodeAppointmentCode } from '../../../src/core/codes';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { tempDir } from '../../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';

const STAFF = 'Staff k';

describe('appointment check-in and dossier look-up: controllers and the reference center', () => {
  /** Monday 08:20 in Ha Noi: LH-000123 (08:30) and LH-000126 (08:45) are inside the default window. */
  const clock = { t: Date.parse('2026-11-30T08:20:00+07:00') };
  let center: RunningCenter;
  let proxy: TcpProxy;
  let printer: VirtualPrinter;
  const robots: { c: Controller; ws: WebSocket }[] = [];
  let seq = 0;

  beforeAll(async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    proxy = await startTcpProxy(center.port);
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    for (const r of robots) {
      r.ws.close();
      await r.c.close();
    }
    await proxy.close();
    await printer.close();
    await center.close();
  });

  async function robot(robotId: string, slot: number) {
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId }, STAFF)).body.code as string;
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: join(tempDir(), robotId) } });
    const config = {
      ...loaded.config, robotId, motion: { adapter: 'none' as const }, queue: { ...loaded.config.queue, robotSlot: slot },
      codes: { centerPublicKeys: [center.appointmentKey] },
    };
    const c = await startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), simulatorPrinterPort: printer.port,
      now: () => new Date(clock.t), center: { url: proxy.url, enrolmentCode: code },
    });
    const { ws } = await openApi(c.url, { token: c.token });
    const r = { c, ws: ws! };
    robots.push(r);
    return r;
  }

  async function send(r: { ws: WebSocket }, type: string, payload: unknown) {
    const id = `m${++seq}`;
    return request(r.ws, { v: 1, id, type, payload }, id);
  }
  const qr = async (code: string) => (await call(center.url, 'GET', `/v1/admin/appointments/${code}/qr`, undefined, STAFF)).body.text as string;
  const statusAtCenter = async (code: string) => (await center.ctx.storage.findAppointment(code))!.status;

  it('checks in online, prints an appointment ticket; the same code on another robot is "already checked in"', async () => {
    const a = await robot('robot-a', 1);
    const b = await robot('robot-b', 2);
    const text = await qr('LH-000123');
    expect(text).toMatch(/^LR1A\./);

    const jobsBefore = printer.jobs.length;
    const reply = await send(a, 'appointment.checkIn', { text, language: 'vi' });
    expect(reply).toMatchObject({ ok: true, result: { outcome: 'checked-in', printed: true, recorded: 'center', serviceId: 'birth-registration', ticket: { categoryId: 'appointment' } } });
    expect(printer.jobs.length).toBe(jobsBefore + 1);
    expect(await statusAtCenter('LH-000123')).toBe('checked-in');

    await expect(send(b, 'appointment.checkIn', { text, language: 'en' })).resolves.toMatchObject({
      ok: true, result: { outcome: 'refused', code: 'APPOINTMENT_ALREADY_CHECKED_IN', nextStep: 'ask-staff' },
    });
    await expect(send(a, 'appointment.checkIn', { text, language: 'vi' })).resolves.toMatchObject({ result: { outcome: 'refused', code: 'APPOINTMENT_ALREADY_CHECKED_IN' } });
    expect(printer.jobs.length).toBe(jobsBefore + 1);
  });

  it('refuses cancelled, too early, wrong day, forged and non-appointment codes, each with its next step', async () => {
    const [a] = robots;
    await expect(send(a!, 'appointment.checkIn', { text: await qr('LH-000125'), language: 'vi' })).resolves.toMatchObject({
      result: { outcome: 'refused', code: 'APPOINTMENT_CANCELLED', nextStep: 'regular-ticket', serviceId: 'copy-certification' },
    });
    const early = await send(a!, 'appointment.checkIn', { text: await qr('LH-000124'), language: 'vi' });
    expect(early).toMatchObject({ result: { outcome: 'refused', code: 'APPOINTMENT_TOO_EARLY', nextStep: 'come-back' } });
    // check-in opens 30 minutes (config default) before the 09:15 slot
    expect(Date.parse((early.result as { comeBackAt: string }).comeBackAt)).toBe(Date.parse('2026-11-30T08:45:00+07:00'));
    await expect(send(a!, 'appointment.checkIn', { text: await qr('LH-000127'), language: 'vi' })).resolves.toMatchObject({
      result: { outcome: 'refused', code: 'APPOINTMENT_WRONG_DAY', nextStep: 'come-back', comeBackAt: expect.stringMatching(/^2026-12-01T00:30/) },
    });

    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = encodeAppointmentCode({ a: 'LH-000126', s: 'marriage-registration', t: clock.t / 1000, x: clock.t / 1000 + 3600 }, (m) => new Uint8Array(sign(null, m, other)));
    await expect(send(a!, 'appointment.checkIn', { text: forged, language: 'vi' })).resolves.toMatchObject({
      result: { outcome: 'refused', code: 'APPOINTMENT_SIGNATURE_INVALID', nextStep: 'ask-staff' },
    });
    await expect(send(a!, 'appointment.checkIn', { text: '000.00.51.H29-261120-0001', language: 'vi' })).resolves.toMatchObject({
      result: { outcome: 'refused', code: 'APPOINTMENT_NOT_APPOINTMENT_CODE', nextStep: 'rescan' },
    });
    await expect(send(a!, 'appointment.checkIn', { text: 'x'.repeat(3000), language: 'vi' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('offline: decides from the signed code, queues the check-in, and the center records it once healed', async () => {
    const [a, b] = robots;
    const text = await qr('LH-000126');
    proxy.cut();
    const reply = await send(a!, 'appointment.checkIn', { text, language: 'vi' });
    expect(reply).toMatchObject({ result: { outcome: 'checked-in', recorded: 'queued', printed: true } });
    expect(await statusAtCenter('LH-000126')).toBe('booked');
    await expect(send(a!, 'dossier.lookup', { text: '000.00.51.H29-261120-0001', language: 'vi' })).resolves.toMatchObject({ ok: false, error: { code: 'DOSSIER_LOOKUP_OFFLINE' } });

    proxy.heal();
    await a!.c.centerLink!.client.syncOnce();
    expect(await statusAtCenter('LH-000126')).toBe('checked-in');
    await expect(send(b!, 'appointment.checkIn', { text, language: 'vi' })).resolves.toMatchObject({ result: { code: 'APPOINTMENT_ALREADY_CHECKED_IN' } });
  });

  it('too late once the window has passed', async () => {
    const [, b] = robots;
    const text = await qr('LH-000124');
    const saved = clock.t;
    clock.t = Date.parse('2026-11-30T09:31:00+07:00'); // 16 minutes after the 09:15 slot
    try {
      await expect(send(b!, 'appointment.checkIn', { text, language: 'vi' })).resolves.toMatchObject({
        result: { outcome: 'refused', code: 'APPOINTMENT_TOO_LATE', nextStep: 'regular-ticket', serviceId: 'land-registration' },
      });
    } finally {
      clock.t = saved;
    }
  });

  it('looks dossiers up: every status, pick-up offered only when ready, unknown and invalid codes', async () => {
    const [a] = robots;
    const look = (text: string) => send(a!, 'dossier.lookup', { text, language: 'vi' });
    await expect(look('000.00.51.H29-261120-0001')).resolves.toMatchObject({ ok: true, result: { dossier: { status: 'ready-for-pickup' }, pickupServiceId: 'result-pickup' } });
    for (const [code, status] of [
      ['000.00.51.H29-261125-0007', 'processing'],
      ['000.00.51.H29-261126-0012', 'additional-documents-required'],
      ['000.00.51.H29-261118-0003', 'received'],
      ['000.00.51.h29-261110-0021', 'returned'],
    ]) {
      const r = await look(code!);
      expect(r).toMatchObject({ ok: true, result: { dossier: { status } } });
      expect((r.result as Record<string, unknown>).pickupServiceId).toBeUndefined();
    }
    // a receipt QR's text with the code inside it works too
    await expect(look('Mã hồ sơ: 000.00.51.H29-261125-0007')).resolves.toMatchObject({ result: { dossier: { status: 'processing' } } });
    await expect(look('000.00.51.H29-261120-0999')).resolves.toMatchObject({ ok: false, error: { code: 'DOSSIER_NOT_FOUND' } });
    await expect(look('hello world')).resolves.toMatchObject({ ok: false, error: { code: 'DOSSIER_CODE_INVALID' } });

    const pickup = await send(a!, 'ticket.issue', { serviceId: 'result-pickup', language: 'vi' });
    expect(pickup).toMatchObject({ ok: true, result: { printed: true, ticket: { display: expect.stringMatching(/^R\d{3}$/) } } });
  });
});
