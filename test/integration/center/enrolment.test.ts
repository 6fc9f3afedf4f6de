import { bearer, startTestCenter, type TestCenter } from './harness';

const HOUR = 3600_000;
const DAY = 24 * HOUR;


describe('center: enrolment, token refresh and revocation', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  it('turns a one-time code into a device token, once', async () => {
    c = await startTestCenter();
    const code = await c.staff('POST', '/v1/admin/enrolment-codes', {});
    expect(code.status).toBe(201);
    const first = await c.call('POST', '/v1/enrol', { code: code.body.code, robotId: 'robot-a', version: '1.0.0' });
    expect(first.status).toBe(201);
    expect(first.body.robotSlot).toBe(1);
    expect(first.body.serverTime).toBe(c.clock.t);
    expect(first.body.device.refreshAfter).toBeLessThan(first.body.device.expiresAt);
    const again = await c.call('POST', '/v1/enrol', { code: code.body.code, robotId: 'robot-b', version: '1.0.0' });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('SYNC_ENROLMENT_CODE_INVALID');
    const catalog = await c.call('GET', '/v1/catalog', undefined, bearer(first.body.device.token));
    expect(catalog.status).toBe(200);
    expect(catalog.body.catalog.services.length).toBeGreaterThan(0);
  });

  it('refuses an expired code, a code bound to another robot, and requests without a valid token', async () => {
    c = await startTestCenter();
    const expiring = await c.staff('POST', '/v1/admin/enrolment-codes', { validMinutes: 10 });
    c.clock.t += 11 * 60_000;
    expect((await c.call('POST', '/v1/enrol', { code: expiring.body.code, robotId: 'robot-a', version: '1' })).body.error.code).toBe('SYNC_ENROLMENT_CODE_INVALID');
    const bound = await c.staff('POST', '/v1/admin/enrolment-codes', { robotId: 'robot-a' });
    expect((await c.call('POST', '/v1/enrol', { code: bound.body.code, robotId: 'robot-x', version: '1' })).body.error.code).toBe('SYNC_ENROLMENT_CODE_INVALID');
    expect((await c.call('GET', '/v1/catalog')).body.error.code).toBe('SYNC_NOT_ENROLLED');
    expect((await c.call('GET', '/v1/catalog', undefined, bearer('x'.repeat(43)))).body.error.code).toBe('SYNC_NOT_ENROLLED');
    expect((await c.call('POST', '/v1/admin/enrolment-codes', {}, 'Staff wrong')).body.error.code).toBe('CENTER_STAFF_UNAUTHORIZED');
  });

  it('keeps a robot connected across half a year of refreshes ahead of expiry; a token left to expire is refused', async () => {
    c = await startTestCenter({ tokenTtlMs: 7 * DAY, tokenGraceMs: HOUR });
    let { token, refreshAfter, expiresAt } = await c.enrol('robot-a');
    for (let day = 0; day < 180; day += 2) {
      c.clock.t += 2 * DAY;
      if (c.clock.t >= refreshAfter) {
        const r = await c.call('POST', '/v1/token/refresh', undefined, bearer(token));
        expect(r.status).toBe(200);
        const old = token;
        ({ token, refreshAfter, expiresAt } = r.body.device);
        // the old token still works for the grace period (the answer could have been lost) ...
        expect((await c.call('POST', '/v1/heartbeat', health(c.clock.t), bearer(old))).status).toBe(200);
        c.clock.t += HOUR + 1;
        // ... and not after it
        expect((await c.call('POST', '/v1/heartbeat', health(c.clock.t), bearer(old))).body.error.code).toBe('SYNC_TOKEN_EXPIRED');
      }
      expect((await c.call('POST', '/v1/heartbeat', health(c.clock.t), bearer(token))).status).toBe(200);
    }
    c.clock.t = expiresAt;
    const late = await c.call('POST', '/v1/heartbeat', health(c.clock.t), bearer(token));
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('SYNC_TOKEN_EXPIRED');
  });

  it('revocation locks every token of the robot out; a new code re-enrols it in the same slot', async () => {
    c = await startTestCenter();
    const a = await c.enrol('robot-a');
    const b = await c.enrol('robot-b');
    expect([a.robotSlot, b.robotSlot]).toEqual([1, 2]);
    expect((await c.staff('POST', '/v1/admin/devices/robot-a/revoke')).status).toBe(200);
    for (const [m, p] of [['GET', '/v1/catalog'], ['POST', '/v1/token/refresh'], ['POST', '/v1/leases']] as const) {
      const r = await c.call(m, p, m === 'POST' ? {} : undefined, bearer(a.token));
      expect({ p, status: r.status, code: r.body.error.code }).toEqual({ p, status: 403, code: 'SYNC_DEVICE_REVOKED' });
    }
    expect((await c.call('GET', '/v1/catalog', undefined, bearer(b.token))).status).toBe(200);
    const fleet = await c.staff('GET', '/v1/fleet');
    expect(fleet.body.robots.map((r: { robotId: string; revoked: boolean }) => [r.robotId, r.revoked])).toEqual([['robot-a', true], ['robot-b', false]]);
    const again = await c.enrol('robot-a');
    expect(again.robotSlot).toBe(1);
    expect((await c.call('GET', '/v1/catalog', undefined, bearer(again.token))).status).toBe(200);
    expect((await c.call('GET', '/v1/catalog', undefined, bearer(a.token))).body.error.code).toBe('SYNC_NOT_ENROLLED');
  });

  it('slows down guessing of enrolment codes: after 10 wrong codes a minute, even a right one waits', async () => {
    c = await startTestCenter();
    const good = await c.staff('POST', '/v1/admin/enrolment-codes', {});
    for (let i = 0; i < 10; i++) {
      expect((await c.call('POST', '/v1/enrol', { code: 'AAAAAAAA', robotId: 'robot-x', version: '1' })).body.error.code).toBe('SYNC_ENROLMENT_CODE_INVALID');
    }
    expect((await c.call('POST', '/v1/enrol', { code: good.body.code, robotId: 'robot-a', version: '1' })).body.error.code).toBe('CENTER_RATE_LIMITED');
    c.clock.t += 60_000;
    expect((await c.call('POST', '/v1/enrol', { code: good.body.code, robotId: 'robot-a', version: '1' })).status).toBe(201);
  });

  it('grants the configured slot when free, another one when it is taken', async () => {
    c = await startTestCenter();
    const enrolWith = async (robotId: string, preferredSlot: number, bound = false) => {
      const code = await c.staff('POST', '/v1/admin/enrolment-codes', bound ? { robotId } : {});
      return (await c.call('POST', '/v1/enrol', { code: code.body.code, robotId, version: '1', preferredSlot })).body.robotSlot;
    };
    expect(await enrolWith('robot-a', 3)).toBe(3);
    expect(await enrolWith('robot-b', 3)).toBe(1);
    expect(await enrolWith('robot-a', 2, true)).toBe(3); // a re-enrolled robot keeps its slot (a live one needs a code bound to it)
  });

  it('gives each robot a distinct fallback slot and refuses one robot too many', async () => {
    c = await startTestCenter({ numbering: { fallbackSlots: 2 } });
    await c.enrol('robot-a');
    await c.enrol('robot-b');
    const code = await c.staff('POST', '/v1/admin/enrolment-codes', {});
    const r = await c.call('POST', '/v1/enrol', { code: code.body.code, robotId: 'robot-c', version: '1' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('CENTER_NO_ROBOT_SLOT');
  });

  it('shows heartbeats with health and clock skew on the fleet view, and answers with the catalog ETag', async () => {
    c = await startTestCenter();
    const a = await c.enrol('robot-a');
    const hb = await c.call('POST', '/v1/heartbeat', { ...health(c.clock.t + 4000), outboxLength: 7 }, bearer(a.token));
    expect(hb.headers.get('x-server-time')).toBe(String(c.clock.t));
    const cat = await c.call('GET', '/v1/catalog', undefined, bearer(a.token));
    expect(hb.body.catalogEtag).toBe(cat.headers.get('etag'));
    const res = await fetch(`${c.center.url}/v1/catalog`, { headers: { authorization: bearer(a.token), 'if-none-match': hb.body.catalogEtag } });
    expect(res.status).toBe(304);
    const robot = (await c.staff('GET', '/v1/fleet')).body.robots[0];
    expect(robot).toMatchObject({ robotId: 'robot-a', skewMs: 4000, lastSeenAt: c.clock.t, health: { outboxLength: 7, parts: { printer: { state: 'degraded', code: 'PRINTER_PAPER_OUT' } } } });
  });
});

function health(robotTime: number) {
  return { version: '0.1.0', uptimeSeconds: 12, outboxLength: 0, parts: { printer: { state: 'degraded', code: 'PRINTER_PAPER_OUT' } }, robotTime };
}
