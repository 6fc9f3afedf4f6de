/** The center's side of check-in: recorded once, idempotent by check-in id, signed QRs the robot accepts. */
import { randomUUID } from 'node:crypto';
import { parseAppointmentCode } from '../../../src/core/codes';
import { createEd25519Verifier } from '../../../src/controller/codes/ed25519';
import { startTestCenter, type TestCenter } from './harness';

describe('center: appointment check-in and signed appointment QRs', () => {
  let c: TestCenter;
  let auth: string;
  beforeAll(async () => {
    c = await startTestCenter();
    auth = `Bearer ${(await c.enrol('robot-x')).token}`;
  });
  afterAll(() => c.close());

  const checkIn = (code: string, checkInId: string) => c.call('POST', `/v1/appointments/${code}/check-in`, { checkInId, at: new Date(c.clock.t).toISOString() }, auth);

  it('records a check-in once: the same id again is the same answer, another id is "already"', async () => {
    const id = randomUUID();
    await expect(checkIn('LH-000124', id)).resolves.toMatchObject({ status: 200, body: { outcome: 'checked-in', appointment: { status: 'checked-in' } } });
    await expect(checkIn('LH-000124', id)).resolves.toMatchObject({ status: 200, body: { outcome: 'checked-in' } });
    await expect(checkIn('LH-000124', randomUUID())).resolves.toMatchObject({ status: 200, body: { outcome: 'already-checked-in' } });
    await expect(c.call('GET', '/v1/appointments/LH-000124', undefined, auth)).resolves.toMatchObject({ body: { appointment: { status: 'checked-in' } } });
  });

  it('answers cancelled, unknown and invalid requests without recording anything', async () => {
    await expect(checkIn('LH-000125', randomUUID())).resolves.toMatchObject({ status: 200, body: { outcome: 'cancelled' } });
    await expect(checkIn('LH-999999', randomUUID())).resolves.toMatchObject({ status: 404, body: { error: { code: 'CENTER_NOT_FOUND' } } });
    await expect(checkIn('LH-000126', 'not-a-uuid')).resolves.toMatchObject({ status: 400, body: { error: { code: 'CENTER_INVALID_REQUEST' } } });
    await expect(c.call('POST', '/v1/appointments/LH-000126/check-in', { checkInId: randomUUID(), at: new Date().toISOString() })).resolves.toMatchObject({ status: 401 });
    await expect(c.call('GET', '/v1/appointments/LH-000126', undefined, auth)).resolves.toMatchObject({ body: { appointment: { status: 'booked' } } });
  });

  it('signs QRs (staff only) that verify with the public key it publishes in /v1/info', async () => {
    const info = (await c.call('GET', '/v1/info')).body;
    expect(info.appointmentKey).toBe(c.center.appointmentKey);
    await expect(c.call('GET', '/v1/admin/appointments/LH-000123/qr')).resolves.toMatchObject({ status: 401 });
    const text = (await c.staff('GET', '/v1/admin/appointments/LH-000123/qr')).body.text as string;
    const parsed = parseAppointmentCode(text, { now: c.clock.t, verify: createEd25519Verifier([info.appointmentKey]) });
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ appointmentId: 'LH-000123', serviceId: 'birth-registration', slotStart: '2026-11-30T01:30:00.000Z', expiresAt: '2026-11-30T17:00:00.000Z' }) });
    // the same key after a restart: codes handed out yesterday still verify
    await c.center.close();
    c = await startTestCenter({ dataDir: c.dataDir, clock: c.clock });
    expect((await c.call('GET', '/v1/info')).body.appointmentKey).toBe(info.appointmentKey);
  });
});
