/**
 * Booking at the robot (issue 18) through the production pieces: the controller's WebSocket API,
 * its sync client enrolled at the reference center (its booking and home-visit routes, one place
 * per slot here), the virtual ESC/POS printer over TCP, and a TCP proxy that cuts the center off.
 * The slip's QR is read off the paper; the booked QR then checks in at the robot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import pino from 'pino';
import type WebSocket from 'ws';
import { startVirtualPrinter, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { appointmentSigner } from '../../../src/center/appointment-signing';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController, type Controller } from '../../../src/controller/main';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { paperWithQr } from '../../support/paper-qr';
import { tempDir } from '../../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { openApi, request } from '../../support/ws-client';
import { call, quietLog } from '../center/harness';

// the replies' shapes are the contract's; the test reads a few fields of them
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Reply = { ok: boolean; result?: any; error?: { code: string } };
const PHONE = '0912345678';
const NAME = 'Trần Thị Bích';
const ADDRESS = { ward: 'Phường Bến Nghé', street: 'Đường Lê Lợi', houseNumber: '47B' };

describe('booking and home-visit commands: controller, booking center over HTTP, virtual printer', () => {
  /** Monday 08:20 in Ha Noi. */
  const clock = { t: Date.parse('2026-11-30T08:20:00+07:00') };
  const signer = appointmentSigner(generateKeyPairSync('ed25519').privateKey);
  let center: RunningCenter;
  let proxy: TcpProxy;
  let printer: VirtualPrinter;
  let robot: Controller;
  let ws: WebSocket;
  let logFile: string;
  let seq = 0;
  /** The QR of the slip printed in the booking test. */
  let booked = '';

  beforeAll(async () => {
    center = await createCenterServer({
      host: '127.0.0.1', port: 0, dataDir: tempDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k', appointmentSigner: signer,
      booking: { daysAhead: 1, defaults: { placesPerSlot: 1 } },
    });
    proxy = await startTcpProxy(center.port);
    printer = await startVirtualPrinter();
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', { robotId: 'robot-book' }, 'Staff k')).body.code as string;
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: join(tempDir(), 'robot-book') } });
    const config = { ...loaded.config, robotId: 'robot-book', motion: { adapter: 'none' as const }, codes: { centerPublicKeys: [signer.publicKeyBase64] } };
    logFile = join(tempDir(), 'robot.log');
    robot = await startController({
      config, catalog: loaded.catalog, log: createLogger('debug', pino.destination({ dest: logFile, sync: true })), uiDir: tempDir(),
      simulatorPrinterPort: printer.port, now: () => new Date(clock.t), center: { url: proxy.url, enrolmentCode: code },
    });
    ws = (await openApi(robot.url, { token: robot.token })).ws!;
  });
  afterAll(async () => {
    ws?.close();
    await robot?.close();
    await proxy?.close();
    await printer?.close();
    await center?.close();
  });

  const send = async (type: string, payload: unknown) => {
    const id = `m${++seq}`;
    return request(ws, { v: 1, id, type, payload }, id) as Promise<Reply>;
  };
  const bookReq = (time: string, extra: object = {}) => ({ requestId: crypto.randomUUID(), serviceId: 'birth-registration', procedureId: undefined, day: '2026-12-01', time, phone: PHONE, name: NAME, language: 'en', consent: true, ...extra });

  it('offers what the center allows, and free slots of today and the next working days only', async () => {
    expect(await send('booking.options', {})).toMatchObject({ ok: true, result: { daysAhead: 1, homeVisitCategories: ['elderly', 'disability'], retentionDays: 90, today: '2026-11-30' } });
    const slots = await send('booking.slots', { serviceId: 'birth-registration' });
    expect(slots.ok).toBe(true);
    // daysAhead 1: today and one more working day
    expect(slots.result.days.map((d: { day: string }) => d.day)).toEqual(['2026-11-30', '2026-12-01']);
    expect(slots.result.days[1].slots[0]).toEqual({ time: '07:30', placesLeft: 1 });
  });

  it('books a slot: the center gets the phone once, the slip is printed with the signed QR the center answered', async () => {
    const req = bookReq('08:30');
    const reply = await send('booking.book', req);
    expect(reply).toMatchObject({ ok: true, result: { printed: true, appointment: { day: '2026-12-01', time: '08:30', status: 'booked' }, maskedPhone: '09•••••678' } });
    expect(await center.ctx.storage.findAppointment(reply.result.appointment.code)).toMatchObject({ status: 'booked', day: '2026-12-01', time: '08:30' });
    const qrText = reply.result.qrText as string;
    expect(qrText).toMatch(/^LR1A\./);
    // the QR read back off the paper is the center's text: the existing check-in accepts it
    expect(await paperWithQr(printer, qrText)).toBeDefined();
    // the same request again (a lost answer, a second tap) books nothing twice
    expect((await send('booking.book', req)).result.appointment.code).toBe(reply.result.appointment.code);
    expect(await center.ctx.storage.placesTaken('civil-status', '2026-12-01', '2026-12-01')).toEqual([{ day: '2026-12-01', time: '08:30', taken: 1 }]);
    booked = qrText;
  });

  it('a slot taken meanwhile answers BOOKING_SLOT_FULL, and the slots no longer offer it', async () => {
    // one place per slot: the first request takes it, the next one (another robot, the web) is refused
    expect(await send('booking.book', bookReq('09:00'))).toMatchObject({ ok: true });
    expect(await send('booking.book', bookReq('09:00'))).toMatchObject({ ok: false, error: { code: 'BOOKING_SLOT_FULL' } });
    const slots = await send('booking.slots', { serviceId: 'birth-registration' });
    expect(slots.result.days[1].slots.map((s: { time: string }) => s.time)).not.toContain('09:00');
  });

  it('refuses a phone that is not a Vietnamese mobile number before anything leaves the robot', async () => {
    expect(await send('booking.book', bookReq('14:00', { phone: '0212345678' }))).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await send('booking.slots', { serviceId: 'birth-registration' })).toMatchObject({ ok: true, result: { days: [{}, { slots: expect.arrayContaining([{ time: '14:00', placesLeft: 1 }]) }] } });
  });

  it('requests a home visit: the slip says what happens next with the status page as its QR', async () => {
    const reply = await send('homeVisit.request', {
      requestId: crypto.randomUUID(), serviceId: 'birth-registration', category: 'elderly', address: ADDRESS, phone: PHONE, preferredDays: ['2026-12-01', '2026-12-02'], language: 'vi', consent: true,
    });
    expect(reply).toMatchObject({ ok: true, result: { printed: true, visit: { status: 'requested', maskedPhone: '09•••••678' } } });
    // the full address and phone are at the center only (its staff page schedules the visit)
    expect((await center.ctx.storage.listHomeVisits({ limit: 5 }))[0]).toMatchObject({ address: ADDRESS, phone: PHONE });
    expect(await paperWithQr(printer, reply.result.statusUrl)).toBeDefined();
  });

  it('never writes the phone, name or address to the robot\'s log', async () => {
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('appointment booked at the center');
    for (const secret of [PHONE, NAME, ADDRESS.street, ADDRESS.houseNumber]) expect(log.includes(secret)).toBe(false);
  });

  it('the center cut off: BOOKING_NEEDS_CENTER, not a hang', async () => {
    proxy.cut();
    try {
      expect(await send('booking.options', {})).toMatchObject({ ok: false, error: { code: 'BOOKING_NEEDS_CENTER' } });
      expect(await send('booking.book', bookReq('14:00'))).toMatchObject({ ok: false, error: { code: 'BOOKING_NEEDS_CENTER' } });
    } finally {
      proxy.heal();
    }
  });

  it('on the booked day the slip\'s QR checks in at the robot and gives the appointment ticket', async () => {
    clock.t = Date.parse('2026-12-01T08:25:00+07:00');
    const reply = await send('appointment.checkIn', { text: booked, language: 'en' });
    expect(reply).toMatchObject({ ok: true, result: { outcome: 'checked-in', printed: true, recorded: 'center', serviceId: 'birth-registration' } });
  });
});
