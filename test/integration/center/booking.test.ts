/**
 * Booking a later slot (issue 18) against a real center over HTTP: the calendar's free places,
 * a booking that is an ordinary appointment (look-up, check-in, signed QR), idempotent retries,
 * and the last place of a slot going to exactly one of several robots asking at the same moment.
 */
import { randomUUID } from 'node:crypto';
import { parseAppointmentCode } from '../../../src/core/codes';
import { createEd25519Verifier } from '../../../src/controller/codes/ed25519';
import { call, startTestCenter, type TestCenter } from './harness';

const PHONE = '0912345678';
const NAME = 'Nguyễn Văn An';

describe('center: booking a later slot', () => {
  let c: TestCenter;
  let auth: string;
  beforeAll(async () => {
    // Monday 2026-11-30 09:00; birth registration is in the civil-status group
    c = await startTestCenter({ booking: { daysAhead: 3, groups: { 'civil-status': { slotMinutes: 30, placesPerSlot: 2 } }, defaults: { placesPerSlot: 3 } } });
    auth = `Bearer ${(await c.enrol('robot-1')).token}`;
  });
  afterAll(() => c.close());

  const book = (over: Record<string, unknown> = {}, who = auth) =>
    c.call('POST', '/v1/booking/appointments', { requestId: randomUUID(), serviceId: 'birth-registration', day: '2026-12-01', time: '08:00', phone: PHONE, name: NAME, language: 'vi', consent: true, ...over }, who);
  const slots = (q: string) => c.call('GET', `/v1/booking/slots?${q}`, undefined, auth);

  it('tells robots its options, only with a device token', async () => {
    await expect(c.call('GET', '/v1/booking/options')).resolves.toMatchObject({ status: 401 });
    await expect(c.call('GET', '/v1/booking/options', undefined, auth)).resolves.toMatchObject({
      status: 200, body: { daysAhead: 3, homeVisitCategories: ['elderly', 'disability'], retentionDays: 90, serverTime: c.clock.t },
    });
  });

  it("lists the group's future slots with their free places", async () => {
    const r = await slots('serviceId=birth-registration&from=2026-11-30&days=2');
    expect(r.status).toBe(200);
    expect(r.body.counterGroup).toBe('Quầy 1, Quầy 2');
    expect(r.body.slots[0]).toEqual({ day: '2026-11-30', time: '09:30', placesLeft: 2 });
    expect(r.body.slots.filter((s: { day: string }) => s.day === '2026-12-01')).toHaveLength(15);
    await expect(slots('serviceId=no-such&from=2026-11-30&days=2')).resolves.toMatchObject({ status: 404, body: { error: { code: 'CENTER_NOT_FOUND' } } });
    await expect(slots('serviceId=birth-registration&from=2026-11-30&days=15')).resolves.toMatchObject({ status: 400 });
  });

  it('books an appointment that look-up, check-in and the signed QR know, with phone and name only masked', async () => {
    const r = await book({ time: '08:30' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ appointment: { serviceId: 'birth-registration', day: '2026-12-01', time: '08:30', status: 'booked', maskedName: 'Nguyễn V. A.' }, maskedPhone: '09•••••678', counterGroup: 'Quầy 1, Quầy 2' });
    const raw = JSON.stringify(r.body);
    expect(raw).not.toContain(PHONE);
    expect(raw).not.toContain('Văn An');
    const code = r.body.appointment.code as string;
    expect(code).toMatch(/^BK-[A-Z2-9]{8}$/);
    await expect(c.call('GET', `/v1/appointments/${code}`, undefined, auth)).resolves.toMatchObject({ status: 200, body: { appointment: r.body.appointment } });
    const info = (await c.call('GET', '/v1/info')).body;
    const parsed = parseAppointmentCode(r.body.qrText, { now: c.clock.t, verify: createEd25519Verifier([info.appointmentKey]) });
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ appointmentId: code, serviceId: 'birth-registration', slotStart: '2026-12-01T01:30:00.000Z' }) });
    const checkIn = await c.call('POST', `/v1/appointments/${code}/check-in`, { checkInId: randomUUID(), at: new Date(c.clock.t).toISOString() }, auth);
    expect(checkIn.body).toMatchObject({ outcome: 'checked-in' });
    const after = await slots('serviceId=birth-registration&from=2026-12-01&days=1');
    expect(after.body.slots.find((s: { time: string }) => s.time === '08:30')).toEqual({ day: '2026-12-01', time: '08:30', placesLeft: 1 });
  });

  it('answers a repeated request with the same booking, taking no second place', async () => {
    const requestId = randomUUID();
    const first = await book({ requestId, time: '09:00' });
    const again = await book({ requestId, time: '09:00' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.appointment).toEqual(first.body.appointment);
    expect(again.body.qrText).toBe(first.body.qrText);
    const s = await slots('serviceId=birth-registration&from=2026-12-01&days=1');
    expect(s.body.slots.find((x: { time: string }) => x.time === '09:00').placesLeft).toBe(1);
  });

  it('refuses slots outside the calendar, bad phones and requests without consent, storing nothing', async () => {
    await expect(book({ time: '12:00' })).resolves.toMatchObject({ status: 422, body: { error: { code: 'BOOKING_SLOT_UNAVAILABLE' } } });
    await expect(book({ day: '2026-11-30', time: '08:30' })).resolves.toMatchObject({ status: 422, body: { error: { code: 'BOOKING_SLOT_UNAVAILABLE' } } });
    await expect(book({ day: '2026-12-06' })).resolves.toMatchObject({ status: 422, body: { error: { code: 'BOOKING_SLOT_UNAVAILABLE' } } });
    await expect(book({ day: '2026-12-05' })).resolves.toMatchObject({ status: 422 }); // beyond 3 working days
    const badPhone = await book({ phone: '0212345678' });
    expect(badPhone).toMatchObject({ status: 400, body: { error: { code: 'BOOKING_PHONE_INVALID' } } });
    expect(JSON.stringify(badPhone.body)).not.toContain('0212345678');
    await expect(book({ consent: false })).resolves.toMatchObject({ status: 400, body: { error: { code: 'CENTER_INVALID_REQUEST' } } });
    await expect(book({}, 'Bearer nope')).resolves.toMatchObject({ status: 401 });
    const s = await slots('serviceId=birth-registration&from=2026-12-01&days=1');
    expect(s.body.slots.find((x: { time: string }) => x.time === '08:00').placesLeft).toBe(2);
  });

  it('gives the last place of a slot to exactly one of two robots asking at the same moment', async () => {
    const other = `Bearer ${(await c.enrol('robot-2')).token}`;
    await expect(book({ time: '10:00' })).resolves.toMatchObject({ status: 201 });
    // two separate HTTP clients (two robots), requests in flight together
    const [a, b] = await Promise.all([book({ time: '10:00' }), book({ time: '10:00' }, other)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('BOOKING_SLOT_FULL');
    const s = await slots('serviceId=birth-registration&from=2026-12-01&days=1');
    expect(s.body.slots.find((x: { time: string }) => x.time === '10:00').placesLeft).toBe(0);
  });

  it('never gives more places than a slot has, however many robots ask at once', async () => {
    // a center has four robot slots: robot-1 and robot-2 are enrolled above
    const robots = [auth, ...(await Promise.all(['robot-3', 'robot-4'].map(async (id) => `Bearer ${(await c.enrol(id)).token}`)))];
    // land registration: the defaults' 3 places per slot
    const asks = Array.from({ length: 24 }, (_, i) => call(c.center.url, 'POST', '/v1/booking/appointments', {
      requestId: randomUUID(), serviceId: 'land-registration', day: '2026-12-02', time: '14:00', phone: PHONE, language: 'en', consent: true,
    }, robots[i % robots.length]));
    const replies = await Promise.all(asks);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(3);
    expect(replies.filter((r) => r.status === 409 && r.body.error.code === 'BOOKING_SLOT_FULL')).toHaveLength(21);
    expect(new Set(replies.filter((r) => r.status === 201).map((r) => r.body.appointment.code)).size).toBe(3);
  });
});
