/** Storage contract: the realtime stream's log, staff calls and service audit rows, on SQLite and on PostgreSQL. */
import type { AuditInput } from '../../../../src/center/storage/port';
import { AUDIT_DETAIL_MAX_CHARS, type StreamEvent, type SyncStaffCall } from '../../../../src/contract/sync';
import { change, eachAdapter, ingestCtx, NOW, uuid } from './adapters';

const call = (p: Partial<SyncStaffCall> = {}): SyncStaffCall => ({ id: uuid(), robotId: 'robot-a', reason: 'help', language: 'vi', calledAt: new Date(NOW).toISOString(), ...p });
const audit = (auditId: number, p: Partial<AuditInput> = {}): AuditInput => ({
  key: `robot-a:${auditId}`, robotId: 'robot-a', auditId, atMs: NOW + auditId, actor: 'technician', action: 'door.opened', detail: { n: auditId }, ...p,
});
const ctx = (robotId = 'robot-a', nowMs = NOW) => ({ robotId, nowMs });

eachAdapter('storage contract: realtime stream', (stores) => {
  it('keeps events in order with growing ids; first and last ids bound what a client can resume from', async () => {
    const { a, b } = stores();
    expect([await a.firstEventId(), await a.lastEventId()]).toEqual([0, 0]);
    await a.appendEvent({ type: 'device.enrolled', data: { robotId: 'r1' } }, NOW);
    await b.appendEvent({ type: 'device.revoked', data: { robotId: 'r1' } }, NOW + 1);
    const events = await a.eventsAfter(0, 10);
    expect(events.map((e) => [e.type, e.at, e.data])).toEqual([['device.enrolled', NOW, { robotId: 'r1' }], ['device.revoked', NOW + 1, { robotId: 'r1' }]]);
    expect(events[1]!.id).toBeGreaterThan(events[0]!.id);
    expect(await b.firstEventId()).toBe(events[0]!.id);
    expect(await b.lastEventId()).toBe(events[1]!.id);
    expect(await a.eventsAfter(events[0]!.id, 10)).toEqual([events[1]]);
    expect(await a.eventsAfter(0, 1)).toEqual([events[0]]);
  });

  it('a reader following the log by id never misses an event that two instances commit concurrently', async () => {
    const { a, b } = stores();
    const total = 200;
    const writers = Array.from({ length: total }, (_, i) => (i % 2 ? a : b).ingest([change({ number: i + 1 })], ingestCtx()));
    const seen: StreamEvent[] = [];
    let cursor = 0;
    let writing = true;
    const done = Promise.all(writers).finally(() => (writing = false));
    // follow as the stream hub does: ask for what came after the last id read, again and again
    while (writing || seen.length < total) {
      const page = await a.eventsAfter(cursor, 50);
      seen.push(...page);
      if (page.length) cursor = page[page.length - 1]!.id;
      else if (!writing) break;
    }
    await done;
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen).toHaveLength(total);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });
});

eachAdapter('storage contract: staff calls and service audit', (stores) => {
  it('stores a staff call once, refuses another robot claiming it, and lists the open ones oldest first', async () => {
    const { a } = stores();
    const early = call({ calledAt: new Date(NOW - 60_000).toISOString(), ticketDisplay: 'A001' });
    const late = call();
    const results = await a.storeStaffCalls([late, early, { invalid: ['reason'], id: null }, call({ robotId: 'robot-b' })], ctx());
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'rejected', 'rejected']);
    expect((await a.storeStaffCalls([late], ctx())).map((r) => r.status)).toEqual(['duplicate']);
    expect(await a.storeStaffCalls([{ ...late, robotId: 'robot-b' }], ctx('robot-b'))).toMatchObject([{ status: 'rejected', code: 'CENTER_INVALID_REQUEST' }]);
    const open = await a.openStaffCalls(10);
    expect(open.map((c) => [c.callId, c.ticketDisplay, c.acknowledgedAt])).toEqual([[early.id, 'A001', null], [late.id, null, null]]);
    expect(await a.openStaffCalls(1)).toHaveLength(1);
    const events = await a.eventsAfter(0, 10);
    expect(events.map((e) => e.type)).toEqual(['staff.called', 'staff.called']);
    expect(events[1]!.data).toEqual({ callId: early.id, robotId: 'robot-a', reason: 'help', calledAt: NOW - 60_000, display: 'A001' });
  });

  it('a robot clock ahead does not put a call in the future', async () => {
    const { a } = stores();
    await a.storeStaffCalls([call({ calledAt: new Date(NOW + 3_600_000).toISOString() })], ctx());
    expect((await a.openStaffCalls(5))[0]?.calledAt).toBe(NOW);
  });

  it('acknowledges a call once: again returns the first time; unknown is null', async () => {
    const { a, b } = stores();
    const c = call();
    await a.storeStaffCalls([c], ctx());
    const [x, y] = await Promise.all([a.acknowledgeStaffCall(c.id, NOW + 10), b.acknowledgeStaffCall(c.id, NOW + 20)]);
    // one of the two acknowledged it; both answer with that first time
    expect([NOW + 10, NOW + 20]).toContain(x?.acknowledgedAt);
    expect(y?.acknowledgedAt).toBe(x?.acknowledgedAt);
    expect(await a.acknowledgeStaffCall(c.id, NOW + 99)).toMatchObject({ callId: c.id, acknowledgedAt: x?.acknowledgedAt });
    expect(await a.acknowledgeStaffCall(uuid(), NOW)).toBeNull();
    expect(await a.openStaffCalls(5)).toEqual([]);
    expect((await a.eventsAfter(0, 10)).map((e) => e.type)).toEqual(['staff.called', 'staff.acknowledged']);
  });

  it('stores one staff call sent by two instances at once exactly once, with one event', async () => {
    const { a, b } = stores();
    const c = call();
    const [x, y] = await Promise.all([a.storeStaffCalls([c], ctx()), b.storeStaffCalls([c], ctx())]);
    expect([x[0]!.status, y[0]!.status].sort()).toEqual(['duplicate', 'stored']);
    expect((await a.eventsAfter(0, 10)).map((e) => e.type)).toEqual(['staff.called']);
  });

  it('stores audit rows once per key, bounds their detail, and summarises them per robot', async () => {
    const { a, b } = stores();
    const big = { text: 'x'.repeat(AUDIT_DETAIL_MAX_CHARS + 10) };
    const results = await a.storeAudit([audit(1), audit(2, { action: 'settings.changed', detail: big }), { invalid: ['at'], id: 'k' }, audit(3, { robotId: 'robot-b' })], ctx());
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'rejected', 'rejected']);
    const [x, y] = await Promise.all([a.storeAudit([audit(1), audit(4)], ctx()), b.storeAudit([audit(4)], ctx())]);
    expect(x[0]!.status).toBe('duplicate');
    expect([x[1]!.status, y[0]!.status].sort()).toEqual(['duplicate', 'stored']);
    expect(await a.storeAudit([audit(1, { robotId: 'robot-b' })], ctx('robot-b'))).toMatchObject([{ status: 'rejected' }]);
    expect(await a.auditSummaries()).toEqual({ 'robot-a': { count: 3, lastAt: NOW + 4, lastAction: 'door.opened' } });
    const recent = await b.recentAudit('robot-a', 2);
    expect(recent.map((r) => [r.auditId, r.detail])).toEqual([[4, { n: 4 }], [2, { truncated: true, size: JSON.stringify(big).length }]]);
    expect(await a.recentAudit('robot-z', 5)).toEqual([]);
  });
});
