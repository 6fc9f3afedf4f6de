/**
 * Storage contract: branches (ward centers of one deployment) on SQLite and on PostgreSQL. Every
 * key is per branch: numbers, robots and their slots, tickets, counters, sessions, events.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BRANCH_ID } from '../../../../src/center/branches/branch-id';
import { statsInput } from '../../../../src/center/stats-input';
import type { CounterOpInput, LeaseInput } from '../../../../src/center/storage/port';
import { openPostgresStorage } from '../../../../src/center/storage/postgres';
import { branchDbFile, openSqliteStorage } from '../../../../src/center/storage/sqlite';
import { Catalog } from '../../../../src/contract/catalog';
import { DEMO_CATALOG } from '../../../../src/controller/config/demo-catalog';
import { change, DAY, eachAdapter, ingestCtx, NOW, RULE, SEED, uuid } from './adapters';

const lease = (p: Partial<LeaseInput> = {}): LeaseInput => ({ robotId: 'robot-a', requestId: uuid(), prefix: 'A', day: DAY, rule: RULE, nowMs: NOW, ...p });
const COUNTERS = [{ id: 'c1', label: 'Counter 1', counterGroup: 'civil-status' }];
const op = (counterId: string, action: CounterOpInput['action']): CounterOpInput => ({ counterId, action, weights: {}, maxOvertakes: 3, day: DAY, nowMs: NOW });
const enrolInput = (robotId: string, codeHash: string, tokenHash: string) => ({ codeHash, robotId, tokenHash, tokenExpiresAtMs: NOW + 3600_000, nowMs: NOW, fallbackSlots: 4 });

eachAdapter('storage contract: branches', (stores, kind) => {
  it('two branches leasing the same prefix and day get independent series, concurrently, never overlapping within one', async () => {
    const { a, b } = stores();
    const other = await stores().branch('p-ben-thanh');
    const outcomes = await Promise.all(Array.from({ length: 24 }, (_, i) => [a, other, b][i % 3]!.leaseBlock(lease({ robotId: `robot-${i % 4}` }))));
    const series = (pick: (i: number) => boolean) => outcomes.filter((_, i) => pick(i)).map((o) => (o.ok ? [o.lease.first, o.lease.last] : null)).sort((x, y) => x![0]! - y![0]!);
    // a and b are one branch (the default, two instances): 16 blocks, contiguous; the other branch has its own 8 from 1
    expect(series((i) => i % 3 !== 1)).toEqual(Array.from({ length: 16 }, (_, i) => [i * 20 + 1, i * 20 + 20]));
    expect(series((i) => i % 3 === 1)).toEqual(Array.from({ length: 8 }, (_, i) => [i * 20 + 1, i * 20 + 20]));
  });

  it('the same ticket id and number in two branches are two tickets; a branch sees only its own', async () => {
    const { a } = stores();
    const other = await stores().branch('p-ben-thanh');
    const ticket = change({ number: 1 });
    expect(await a.ingest([ticket], ingestCtx())).toMatchObject([{ status: 'stored' }]);
    expect(await other.getTicket(ticket.ticket.id)).toBeNull();
    expect(await other.countWaiting(DAY)).toEqual({});
    expect(await other.ingest([ticket], ingestCtx())).toMatchObject([{ status: 'stored' }]);
    expect((await a.waitingIn('civil-status', DAY)).map((t) => t.ticketId)).toEqual([ticket.ticket.id]);
  });

  it("a counter of one branch never calls another branch's ticket", async () => {
    const { a } = stores();
    const other = await stores().branch('p-ben-thanh');
    await a.syncCounters(COUNTERS);
    await other.syncCounters(COUNTERS);
    const mine = change({ number: 1 });
    await a.ingest([mine], ingestCtx());
    expect(await other.counterOp(op('c1', 'call-next'))).toEqual({ ok: false, code: 'CENTER_QUEUE_EMPTY' });
    expect(await other.settleTicket(mine.ticket.id, 'void', NOW)).toEqual({ ok: false, code: 'CENTER_NOT_FOUND' });
    expect(await a.counterOp(op('c1', 'call-next'))).toMatchObject({ ok: true, current: { ticketId: mine.ticket.id } });
    expect((await other.listCounters())[0]!.current).toBeNull();
  });

  it("robots, slots, codes and tokens are per branch: one branch's code and token are unknown in another", async () => {
    const { a } = stores();
    const other = await stores().branch('p-ben-thanh');
    await a.createEnrolmentCode('code-a', null, NOW + 60_000, NOW);
    expect(await other.enrol(enrolInput('robot-1', 'code-a', 'tok-b'))).toEqual({ ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' });
    await other.createEnrolmentCode('code-b', null, NOW + 60_000, NOW);
    expect(await a.enrol(enrolInput('robot-1', 'code-a', 'tok-a'))).toEqual({ ok: true, robotSlot: 1 });
    // the same robot id and the same slot in the other branch
    expect(await other.enrol(enrolInput('robot-1', 'code-b', 'tok-b'))).toEqual({ ok: true, robotSlot: 1 });
    expect(await other.findToken('tok-a')).toBeNull();
    expect(await a.findToken('tok-b')).toBeNull();
    expect(await a.revokeDevice('robot-1', NOW)).toBe(true);
    expect(await other.findToken('tok-b')).toMatchObject({ robotId: 'robot-1', revoked: false });
    expect((await other.listDevices()).map((d) => [d.robotId, d.robotSlot, d.revoked])).toEqual([['robot-1', 1, false]]);
  });

  it('staff sessions and stream events are per branch', async () => {
    const { a } = stores();
    const other = await stores().branch('p-ben-thanh');
    await a.createStaffSession('session-a', NOW + 60_000, NOW);
    expect(await other.staffSessionValid('session-a', NOW)).toBe(false);
    expect(await other.revokeStaffSessions(null, NOW)).toBe(0);
    expect(await a.staffSessionValid('session-a', NOW)).toBe(true);
    await a.ingest([change({ number: 1 })], ingestCtx());
    expect((await a.eventsAfter(0, 10)).map((e) => e.type)).toContain('ticket.queued');
    expect(await other.eventsAfter(0, 10)).toEqual([]);
    expect(await other.lastEventId()).toBe(0);
  });

  it('statistics are per branch', async () => {
    const { a } = stores();
    const other = await stores().branch('p-ben-thanh');
    await a.ingest([change({ number: 1 }), change({ number: 2 })], ingestCtx());
    await other.ingest([change({ number: 1 })], ingestCtx());
    const input = statsInput(Catalog.parse(DEMO_CATALOG), { from: DAY, to: DAY }, NOW);
    expect((await a.statsTickets(DAY, DAY, 0, 10)).length).toBe(2);
    expect((await other.statsTickets(DAY, DAY, 0, 10)).length).toBe(1);
    expect((await other.stats(input)).tickets).not.toEqual((await a.stats(input)).tickets);
  });

  it('the default branch is the store opened without a branch: the data of a center from before branches', async () => {
    const { a } = stores();
    await a.ingest([change({ number: 7 })], ingestCtx());
    const named = await stores().branch(DEFAULT_BRANCH_ID);
    expect(await named.countWaiting(DAY)).toEqual({ 'civil-status': 1 });
  });

  it("refuses to open one branch's data as another branch", async () => {
    if (kind === 'sqlite') {
      // an operator copies a ward's (closed) file over another ward's name: refused at start, not mixed up
      const dir = mkdtempSync(join(tmpdir(), 'lobby-branch-'));
      await openSqliteStorage({ dataDir: dir, branchId: 'p-ben-thanh' }).close();
      copyFileSync(branchDbFile(dir, 'p-ben-thanh'), branchDbFile(dir, 'p-tan-dinh'));
      expect(() => openSqliteStorage({ dataDir: dir, branchId: 'p-tan-dinh' })).toThrow(expect.objectContaining({ code: 'STARTUP_CENTER_BRANCH_MISMATCH' }));
      rmSync(dir, { recursive: true, force: true });
    } else {
      await expect(openPostgresStorage({ url: stores().where, seed: SEED, branchId: 'Not A Branch' })).rejects.toThrow(expect.objectContaining({ code: 'STARTUP_CENTER_BRANCHES_INVALID' }));
    }
  });
});
