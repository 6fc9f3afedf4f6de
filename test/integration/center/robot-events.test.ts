/**
 * The center's side of robot events: staff calls and service audit rows are idempotent by the
 * robot's id/key, bound to the robot of the token, validated item by item, bounded, and kept
 * across a center restart; staff routes need the staff key.
 */
import { randomUUID } from 'node:crypto';
import { bearer, MONDAY_9AM, startTestCenter, type TestCenter } from './harness';

const staffCall = (robotId: string, over: Record<string, unknown> = {}) => ({ id: randomUUID(), robotId, reason: 'help', language: 'en', calledAt: new Date(MONDAY_9AM).toISOString(), ...over });
const auditEvent = (robotId: string, auditId: number, over: Record<string, unknown> = {}) => ({
  key: `${robotId}:audit:${auditId}`, robotId, auditId, at: new Date(MONDAY_9AM + auditId).toISOString(), actor: 'pin', action: 'service.settings.set', detail: { key: 'printer.density', old: 3, new: 5 }, ...over,
});

describe('center: staff calls and service audit from robots', () => {
  const open: TestCenter[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
  });
  async function center(dataDir?: string) {
    const c = await startTestCenter(dataDir ? { dataDir } : {});
    open.push(c);
    return c;
  }

  it('stores each staff call once, answers item by item, refuses calls of another robot and malformed ones', async () => {
    const c = await center();
    const a = await c.enrol('robot-a');
    const b = await c.enrol('robot-b');
    const first = staffCall('robot-a', { reason: 'printer-failed', ticketDisplay: 'A007', ticketId: randomUUID() });
    const r1 = await c.call('POST', '/v1/staff-calls/batch', { calls: [first, staffCall('robot-b'), { id: 'not-a-uuid', robotId: 'robot-a' }, 42] }, bearer(a.token));
    expect(r1.status).toBe(200);
    expect(r1.body.results.map((r: { status: string; id: string | null; code?: string }) => [r.status, r.id, r.code])).toEqual([
      ['stored', first.id, undefined], ['rejected', expect.any(String), 'CENTER_INVALID_REQUEST'], ['rejected', 'not-a-uuid', 'CENTER_INVALID_REQUEST'], ['rejected', null, 'CENTER_INVALID_REQUEST'],
    ]);
    const again = await c.call('POST', '/v1/staff-calls/batch', { calls: [first] }, bearer(a.token));
    expect(again.body.results).toEqual([{ index: 0, id: first.id, status: 'duplicate' }]);
    // the same id from another robot is not that robot's call
    const stolen = await c.call('POST', '/v1/staff-calls/batch', { calls: [{ ...first, robotId: 'robot-b' }] }, bearer(b.token));
    expect(stolen.body.results[0]).toMatchObject({ status: 'rejected', code: 'CENTER_INVALID_REQUEST' });

    const calls = (await c.staff('GET', '/v1/staff-calls')).body.calls;
    expect(calls).toEqual([{ callId: first.id, robotId: 'robot-a', reason: 'printer-failed', language: 'en', ticketDisplay: 'A007', calledAt: MONDAY_9AM, receivedAt: MONDAY_9AM, acknowledgedAt: null }]);
    const events = await c.center.ctx.storage.eventsAfter(0, 100);
    expect(events.filter((e) => e.type === 'staff.called').map((e) => e.data)).toEqual([{ callId: first.id, robotId: 'robot-a', reason: 'printer-failed', calledAt: MONDAY_9AM, display: 'A007' }]);
  });

  it('needs a device token for batches and the staff key for the list and acknowledgement, which is idempotent', async () => {
    const c = await center();
    const a = await c.enrol('robot-a');
    expect((await c.call('POST', '/v1/staff-calls/batch', { calls: [staffCall('robot-a')] })).body.error.code).toBe('SYNC_NOT_ENROLLED');
    expect((await c.call('POST', '/v1/audit/batch', { events: [auditEvent('robot-a', 1)] }, 'Bearer nope')).body.error.code).toBe('SYNC_NOT_ENROLLED');
    expect((await c.call('POST', '/v1/staff-calls/batch', { calls: [] }, bearer(a.token))).status).toBe(400);
    expect((await c.call('POST', '/v1/staff-calls/batch', { calls: Array.from({ length: 51 }, () => staffCall('robot-a')) }, bearer(a.token))).status).toBe(400);
    const one = staffCall('robot-a');
    await c.call('POST', '/v1/staff-calls/batch', { calls: [one] }, bearer(a.token));
    expect((await c.call('POST', `/v1/staff-calls/${one.id}/acknowledge`, {})).status).toBe(401);
    expect((await c.call('GET', '/v1/fleet/robot-a/audit')).status).toBe(401);
    c.clock.t += 60_000;
    const ack = await c.staff('POST', `/v1/staff-calls/${one.id}/acknowledge`);
    c.clock.t += 60_000;
    const ack2 = await c.staff('POST', `/v1/staff-calls/${one.id}/acknowledge`);
    expect(ack2.body.call.acknowledgedAt).toBe(ack.body.call.acknowledgedAt);
    expect((await c.staff('POST', `/v1/staff-calls/${randomUUID()}/acknowledge`)).body.error.code).toBe('CENTER_NOT_FOUND');
    const types = (await c.center.ctx.storage.eventsAfter(0, 100)).map((e) => e.type).filter((t) => t.startsWith('staff.'));
    expect(types).toEqual(['staff.called', 'staff.acknowledged']);
  });

  it('stores audit rows once by key, bounds their detail, refuses other robots\' rows, and keeps them across a restart', async () => {
    let c = await center();
    const a = await c.enrol('robot-a');
    const big = auditEvent('robot-a', 2, { detail: { new: 'x'.repeat(5000) } });
    const r = await c.call('POST', '/v1/audit/batch', { events: [auditEvent('robot-a', 1), big, auditEvent('robot-b', 3), auditEvent('robot-a', 4, { at: 'yesterday' }), { key: 'k' }] }, bearer(a.token));
    expect(r.body.results.map((x: { status: string; id: string | null }) => [x.status, x.id])).toEqual([
      ['stored', 'robot-a:audit:1'], ['stored', 'robot-a:audit:2'], ['rejected', 'robot-b:audit:3'], ['rejected', 'robot-a:audit:4'], ['rejected', 'k'],
    ]);
    const again = await c.call('POST', '/v1/audit/batch', { events: [auditEvent('robot-a', 1)] }, bearer(a.token));
    expect(again.body.results).toEqual([{ index: 0, id: 'robot-a:audit:1', status: 'duplicate' }]);

    const dataDir = c.dataDir;
    await open.pop()!.close();
    c = await center(dataDir);
    const fleet = (await c.staff('GET', '/v1/fleet')).body.robots;
    expect(fleet[0]).toMatchObject({ robotId: 'robot-a', audit: { count: 2, lastAt: MONDAY_9AM + 2, lastAction: 'service.settings.set' } });
    const rows = (await c.staff('GET', '/v1/fleet/robot-a/audit')).body.rows;
    expect(rows.map((x: { auditId: number; detail: unknown }) => [x.auditId, x.detail])).toEqual([[2, { truncated: true, size: expect.any(Number) }], [1, { key: 'printer.density', old: 3, new: 5 }]]);
  });
});
