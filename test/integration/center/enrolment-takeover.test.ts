/**
 * A robot id that is enrolled and alive (not revoked, holding a token that has not expired) can
 * not be taken over with an enrolment code made for "any robot": that would hand its slot and
 * identity to whoever holds the code and lock the real robot out. Re-enrolling it needs a code
 * bound to that id, or the robot revoked first (both admin actions). The fleet view shows the
 * refused attempts and the re-enrolments.
 */
import { bearer, startTestCenter, type TestCenter } from './harness';

const DAY = 24 * 3600_000;

interface FleetEnrolment {
  reEnrolments: number;
  lastReEnrolledAt: number | null;
  refusedTakeovers: number;
  lastRefusedAt: number | null;
}

describe('center: enrolment cannot take over a live robot', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  const health = () => ({ version: '0.1.0', uptimeSeconds: 1, outboxLength: 0, parts: {}, robotTime: c.clock.t });
  const code = async (robotId?: string) => (await c.staff('POST', '/v1/admin/enrolment-codes', robotId ? { robotId } : {})).body.code as string;
  const enrolWith = (enrolmentCode: string, robotId: string) => c.call('POST', '/v1/enrol', { code: enrolmentCode, robotId, version: '1' });
  const fleetOf = async (robotId: string) =>
    ((await c.staff('GET', '/v1/fleet')).body.robots as { robotId: string; robotSlot: number; enrolment?: FleetEnrolment }[]).find((r) => r.robotId === robotId)!;

  it('refuses an unbound code for a live robot id, keeps the real robot working and the code usable, and shows the attempt', async () => {
    c = await startTestCenter();
    const real = await c.enrol('robot-a');
    const unbound = await code();

    const attempt = await enrolWith(unbound, 'robot-a');
    expect(attempt.status).toBe(409);
    expect(attempt.body.error.code).toBe('SYNC_ROBOT_ID_TAKEN');
    expect((await c.call('POST', '/v1/heartbeat', health(), bearer(real.token))).status).toBe(200);
    expect(await fleetOf('robot-a')).toMatchObject({ robotSlot: 1, enrolment: { refusedTakeovers: 1, lastRefusedAt: c.clock.t, reEnrolments: 0 } });

    // the code was not spent: a new robot enrols with it
    const fresh = await enrolWith(unbound, 'robot-b');
    expect(fresh.status).toBe(201);
    expect(fresh.body.robotSlot).toBe(2);
  });

  it('re-enrols a live robot with a code bound to its id; the old token stops working; the fleet shows the re-enrolment', async () => {
    c = await startTestCenter();
    const old = await c.enrol('robot-a');
    c.clock.t += 60_000;
    const again = await enrolWith(await code('robot-a'), 'robot-a');
    expect(again.status).toBe(201);
    expect(again.body.robotSlot).toBe(old.robotSlot);
    expect((await c.call('POST', '/v1/heartbeat', health(), bearer(old.token))).body.error.code).toBe('SYNC_NOT_ENROLLED');
    expect((await c.call('POST', '/v1/heartbeat', health(), bearer(again.body.device.token))).status).toBe(200);
    expect((await fleetOf('robot-a')).enrolment).toEqual({ reEnrolments: 1, lastReEnrolledAt: c.clock.t, refusedTakeovers: 0, lastRefusedAt: null });
  });

  it('lets any code re-enrol a robot that was revoked, or whose tokens have all expired', async () => {
    c = await startTestCenter({ tokenTtlMs: 7 * DAY });
    await c.enrol('robot-a');
    await c.staff('POST', '/v1/admin/devices/robot-a/revoke');
    expect((await enrolWith(await code(), 'robot-a')).status).toBe(201);

    await c.enrol('robot-b');
    c.clock.t += 8 * DAY; // robot-b has been gone for more than a token's life
    const back = await enrolWith(await code(), 'robot-b');
    expect(back.status).toBe(201);
    expect((await fleetOf('robot-b')).enrolment).toMatchObject({ reEnrolments: 1, refusedTakeovers: 0 });
  });
});
