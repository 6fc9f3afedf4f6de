/** Storage contract: enrolment, tokens, devices, staff sessions and look-ups, on SQLite and on PostgreSQL. */
import type { EnrolInput } from '../../../../src/center/storage/port';
import type { DeviceHealth } from '../../../../src/contract/sync';
import { eachAdapter, NOW, SEED, uuid } from './adapters';

const HOUR = 3_600_000;
const enrolInput = (codeHash: string, robotId: string, p: Partial<EnrolInput> = {}): EnrolInput => ({
  codeHash, robotId, tokenHash: `tok-${uuid()}`, tokenExpiresAtMs: NOW + 24 * HOUR, nowMs: NOW, fallbackSlots: 4, ...p,
});
const health: DeviceHealth = { version: '0.1.0', uptimeSeconds: 60, outboxLength: 2, parts: { printer: { state: 'ok' } }, robotTime: NOW + 1500 };

eachAdapter('storage contract: enrolment and devices', (stores) => {
  it('enrols with a fresh code once, gives slots in order, and finds the token', async () => {
    const { a, b } = stores();
    await a.createEnrolmentCode('code-1', null, NOW + HOUR, NOW);
    await a.createEnrolmentCode('code-2', null, NOW + HOUR, NOW);
    const first = enrolInput('code-1', 'robot-a');
    expect(await a.enrol(first)).toEqual({ ok: true, robotSlot: 1 });
    expect(await b.enrol(enrolInput('code-1', 'robot-b'))).toEqual({ ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' });
    expect(await b.enrol(enrolInput('code-2', 'robot-b', { preferredSlot: 3 }))).toEqual({ ok: true, robotSlot: 3 });
    expect(await a.findToken(first.tokenHash)).toEqual({ robotId: 'robot-a', expiresAtMs: NOW + 24 * HOUR, graceUntilMs: null, revoked: false });
    expect(await a.findToken('nope')).toBeNull();
    expect([await a.slotOf('robot-b'), await a.slotOf('robot-z')]).toEqual([3, null]);
    expect((await a.eventsAfter(0, 10)).map((e) => [e.type, e.data])).toEqual([['device.enrolled', { robotId: 'robot-a' }], ['device.enrolled', { robotId: 'robot-b' }]]);
  });

  it('refuses expired codes, codes bound to another robot, a live id taken over, and a full set of slots', async () => {
    const { a } = stores();
    await a.createEnrolmentCode('old', null, NOW - 1, NOW - HOUR);
    await a.createEnrolmentCode('bound', 'robot-x', NOW + HOUR, NOW);
    expect(await a.enrol(enrolInput('old', 'robot-a'))).toEqual({ ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' });
    expect(await a.enrol(enrolInput('bound', 'robot-a'))).toEqual({ ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' });
    for (const code of ['c1', 'c2', 'c3']) await a.createEnrolmentCode(code, null, NOW + HOUR, NOW);
    expect(await a.enrol(enrolInput('c1', 'robot-a', { fallbackSlots: 1 }))).toEqual({ ok: true, robotSlot: 1 });
    expect(await a.enrol(enrolInput('c2', 'robot-a', { fallbackSlots: 1 }))).toEqual({ ok: false, code: 'SYNC_ROBOT_ID_TAKEN' });
    expect(await a.enrol(enrolInput('c3', 'robot-b', { fallbackSlots: 1 }))).toEqual({ ok: false, code: 'CENTER_NO_ROBOT_SLOT' });
    expect((await a.listDevices())[0]?.enrolment).toEqual({ reEnrolments: 0, lastReEnrolledAtMs: null, refusedTakeovers: 1, lastRefusedAtMs: NOW });
  });

  it('re-enrols with a bound code: same slot, old tokens gone, counted', async () => {
    const { a } = stores();
    await a.createEnrolmentCode('c1', null, NOW + HOUR, NOW);
    await a.createEnrolmentCode('c2', 'robot-a', NOW + HOUR, NOW);
    const first = enrolInput('c1', 'robot-a', { preferredSlot: 2 });
    await a.enrol(first);
    expect(await a.enrol(enrolInput('c2', 'robot-a', { nowMs: NOW + 10 }))).toEqual({ ok: true, robotSlot: 2 });
    expect(await a.findToken(first.tokenHash)).toBeNull();
    expect((await a.listDevices())[0]?.enrolment).toMatchObject({ reEnrolments: 1, lastReEnrolledAtMs: NOW + 10 });
  });

  it('gives two robots enrolling on two instances at once two different slots', async () => {
    const { a, b } = stores();
    for (let i = 0; i < 4; i++) await a.createEnrolmentCode(`c${i}`, null, NOW + HOUR, NOW);
    const outcomes = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? a : b).enrol(enrolInput(`c${i}`, `robot-${i}`))));
    expect(outcomes.map((o) => (o.ok ? o.robotSlot : o.code)).sort()).toEqual([1, 2, 3, 4]);
  });

  it('rotates a token keeping the old one until its earliest grace, revokes a device once, and records heartbeats', async () => {
    const { a, b } = stores();
    await a.createEnrolmentCode('c1', null, NOW + HOUR, NOW);
    const e = enrolInput('c1', 'robot-a');
    await a.enrol(e);
    await a.rotateToken(e.tokenHash, 'tok-new', NOW + 48 * HOUR, NOW + 10 * 60_000, NOW);
    await b.rotateToken(e.tokenHash, 'tok-newer', NOW + 48 * HOUR, NOW + 20 * 60_000, NOW);
    expect(await a.findToken(e.tokenHash)).toMatchObject({ robotId: 'robot-a', graceUntilMs: NOW + 10 * 60_000 });
    expect(await a.findToken('tok-newer')).toMatchObject({ robotId: 'robot-a', graceUntilMs: null });
    await a.rotateToken('unknown', 'tok-x', NOW + HOUR, NOW, NOW);
    expect(await a.findToken('tok-x')).toBeNull();
    await b.recordHeartbeat('robot-a', health, NOW);
    expect(await a.listDevices()).toEqual([
      expect.objectContaining({ robotId: 'robot-a', robotSlot: 1, revoked: false, lastSeenAtMs: NOW, skewMs: 1500, health, tokenExpiresAtMs: NOW + 48 * HOUR }),
    ]);
    expect(await a.revokeDevice('robot-a', NOW)).toBe(true);
    expect(await b.revokeDevice('robot-a', NOW)).toBe(false);
    expect(await a.findToken('tok-new')).toMatchObject({ revoked: true });
    expect((await a.eventsAfter(0, 10)).map((e2) => e2.type)).toEqual(['device.enrolled', 'device.revoked']);
  });
});

eachAdapter('storage contract: staff sessions and look-ups', (stores) => {
  it('keeps staff sessions until they expire or are revoked, one or all', async () => {
    const { a, b } = stores();
    await a.createStaffSession('s1', NOW + HOUR, NOW);
    await a.createStaffSession('s2', NOW + HOUR, NOW);
    await a.createStaffSession('s3', NOW + 10, NOW);
    expect(await b.staffSessionValid('s1', NOW)).toBe(true);
    expect(await b.staffSessionValid('s3', NOW + 10)).toBe(false);
    expect(await b.staffSessionValid('nope', NOW)).toBe(false);
    expect(await a.revokeStaffSessions('s1', NOW)).toBe(1);
    expect(await a.revokeStaffSessions('s1', NOW)).toBe(0);
    expect(await b.staffSessionValid('s1', NOW)).toBe(false);
    expect(await a.revokeStaffSessions(null, NOW + 20)).toBe(1);
    expect(await a.staffSessionValid('s2', NOW + 20)).toBe(false);
  });

  it('finds seeded appointments and dossiers, seeded once by two instances', async () => {
    const { a, b } = stores();
    expect(await b.findAppointment('APPT-0001')).toEqual(SEED.appointments[0]);
    expect(await a.findDossier('HS-0001')).toEqual(SEED.dossiers[0]);
    expect(await a.findAppointment('NONE')).toBeNull();
    expect(await a.findDossier('NONE')).toBeNull();
  });

  it('checks an appointment in once: a retry is the same answer, another robot at once is told it is done', async () => {
    const { a, b } = stores();
    const input = (checkInId: string, robotId: string) => ({ code: 'APPT-0001', checkInId, robotId, nowMs: NOW });
    const [x, y] = await Promise.all([a.checkInAppointment(input('ci-1', 'robot-a')), b.checkInAppointment(input('ci-2', 'robot-b'))]);
    expect([x?.outcome, y?.outcome].sort()).toEqual(['already-checked-in', 'checked-in']);
    const winner = x?.outcome === 'checked-in' ? 'ci-1' : 'ci-2';
    expect(await a.checkInAppointment(input(winner, 'robot-a'))).toMatchObject({ outcome: 'checked-in', appointment: { status: 'checked-in' } });
    expect(await a.checkInAppointment({ ...input('ci-3', 'robot-a'), code: 'APPT-0002' })).toMatchObject({ outcome: 'cancelled' });
    expect(await a.checkInAppointment({ ...input('ci-4', 'robot-a'), code: 'NONE' })).toBeNull();
    expect((await a.findAppointment('APPT-0001'))?.status).toBe('checked-in');
  });
});
