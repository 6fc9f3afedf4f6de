/**
 * Branches over HTTP (issue 19): one center process serving two ward centers on one port, on
 * SQLite and on PostgreSQL. Robots are bound to a branch by the enrolment code its staff made
 * (nothing on the robot names a branch); every request reaches only its branch's data.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEFAULT_BRANCH_ID } from '../../../src/center/branches/branch-id';
import { CENTER_DB_FILE } from '../../../src/center/storage/sqlite';
import { Catalog } from '../../../src/contract/catalog';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { bearer, call, ticketChange, startTestCenter, type TestCenter } from './harness';

const BEN_NGHE = { id: 'p-ben-nghe', key: 'staff-key-ben-nghe-000000000000', catalog: DEMO_CATALOG };
const BEN_THANH = {
  id: 'p-ben-thanh', key: 'staff-key-ben-thanh-00000000000',
  catalog: Catalog.parse({ ...DEMO_CATALOG, centerName: { ...DEMO_CATALOG.centerName, vi: 'Phường Bến Thành' } }),
};
const ADMIN = 'city-admin-key-0000000000000000000';
const DAY = '2026-11-30';

let cluster: TestPostgres | undefined;
afterAll(async () => cluster?.stop());

describe.each(['sqlite', 'postgres'] as const)('branches over HTTP (%s)', (kind) => {
  let c: TestCenter;
  const as = (key: string) => `Staff ${key}`;
  const enrolIn = async (staffKey: string, robotId: string) => {
    const code = await c.call('POST', '/v1/admin/enrolment-codes', {}, as(staffKey));
    const r = await c.call('POST', '/v1/enrol', { code: code.body.code, robotId, version: 'test' });
    expect(r.status).toBe(201);
    return r.body.device.token as string;
  };
  const leaseA = (token: string, path = '/v1/leases') => c.call('POST', path, { requests: [{ requestId: crypto.randomUUID(), prefix: 'A', day: DAY }] }, bearer(token));

  beforeEach(async () => {
    const database = kind === 'postgres' ? await (cluster ??= await startPostgres()).createDatabase() : undefined;
    c = await startTestCenter({
      database, adminKey: ADMIN,
      branches: [BEN_NGHE, BEN_THANH].map((b) => ({ id: b.id, catalog: b.catalog, staffKey: b.key })),
    });
  });
  afterEach(async () => c.close());

  it('binds a robot to the branch whose staff made its code; the two branches number the same prefix and day independently', async () => {
    const a = await enrolIn(BEN_NGHE.key, 'robot-1');
    const b = await enrolIn(BEN_THANH.key, 'robot-1');
    const [la, lb] = [await leaseA(a), await leaseA(b)];
    expect(la.body.results[0].lease).toMatchObject({ prefix: 'A', day: DAY, first: 1 });
    expect(lb.body.results[0].lease).toMatchObject({ prefix: 'A', day: DAY, first: 1 });
    expect((await leaseA(a)).body.results[0].lease.first).toBe(la.body.results[0].lease.last + 1);
    expect(la.body.robotSlot).toBe(1);
    expect(lb.body.robotSlot).toBe(1);
    expect((await c.call('GET', '/v1/catalog', undefined, bearer(b))).body.catalog.centerName.vi).toBe('Phường Bến Thành');
    expect((await c.call('GET', '/v1/catalog', undefined, bearer(a))).body.catalog.centerName.vi).toBe(DEMO_CATALOG.centerName.vi);
  });

  it("refuses a robot's token in another branch with CENTER_BRANCH_MISMATCH: no catalog, no numbers, no ingestion", async () => {
    const a = await enrolIn(BEN_NGHE.key, 'robot-1');
    const other = '/b/p-ben-thanh';
    for (const r of [
      await c.call('GET', `${other}/v1/catalog`, undefined, bearer(a)),
      await leaseA(a, `${other}/v1/leases`),
      await c.call('POST', `${other}/v1/tickets/batch`, { changes: [ticketChange({ number: 1 })] }, bearer(a)),
      await c.call('POST', `${other}/v1/heartbeat`, {}, bearer(a)),
    ]) expect([r.status, r.body.error.code]).toEqual([403, 'CENTER_BRANCH_MISMATCH']);
    expect((await c.call('GET', `${other}/v1/board`)).body.waiting).toEqual({});
  });

  it("a counter of one branch calls only its branch's tickets; another branch's staff cannot settle them", async () => {
    const a = await enrolIn(BEN_NGHE.key, 'robot-1');
    const ticket = ticketChange({ number: 1 });
    expect((await c.call('POST', '/v1/tickets/batch', { changes: [ticket] }, bearer(a))).body.results[0].status).toBe('stored');
    const called = await c.call('POST', '/v1/counters/counter-1/call-next', {}, as(BEN_THANH.key));
    expect([called.status, called.body.error.code]).toEqual([409, 'CENTER_QUEUE_EMPTY']);
    const settle = await c.call('POST', `/b/p-ben-thanh/v1/tickets/${ticket.ticket.id}/settle`, { outcome: 'void' }, as(BEN_THANH.key));
    expect(settle.body.error.code).toBe('CENTER_NOT_FOUND');
    expect((await c.call('POST', '/v1/counters/counter-1/call-next', {}, as(BEN_NGHE.key))).body.current.ticketId).toBe(ticket.ticket.id);
  });

  it("refuses one branch's staff key and signed-in page on another branch's pages", async () => {
    const other = '/b/p-ben-thanh';
    const fleet = await c.call('GET', `${other}/v1/fleet`, undefined, as(BEN_NGHE.key));
    expect([fleet.status, fleet.body.error.code]).toEqual([401, 'CENTER_STAFF_UNAUTHORIZED']);
    const signIn = await c.call('POST', `${other}/v1/staff/session`, { key: BEN_NGHE.key });
    expect([signIn.status, signIn.body.error.code]).toEqual([401, 'CENTER_STAFF_UNAUTHORIZED']);
    const own = await c.call('POST', '/b/p-ben-nghe/v1/staff/session', { key: BEN_NGHE.key });
    const cookie = own.headers.get('set-cookie')!.split(';')[0]!;
    const withCookie = (path: string) => fetch(c.center.url + path, { headers: { cookie } });
    expect((await withCookie('/v1/staff/session')).status).toBe(200);
    expect((await withCookie(`${other}/v1/staff/session`)).status).toBe(401);
    expect((await withCookie(`${other}/v1/stats?from=${DAY}&to=${DAY}`)).status).toBe(401);
  });

  it('reads /fleet and /stats per branch, and across branches for the city administrator only', async () => {
    await enrolIn(BEN_NGHE.key, 'robot-1');
    await enrolIn(BEN_THANH.key, 'robot-2');
    expect((await c.call('GET', '/v1/fleet', undefined, as(BEN_NGHE.key))).body.robots.map((r: { robotId: string }) => r.robotId)).toEqual(['robot-1']);
    expect((await c.call('GET', '/b/p-ben-thanh/v1/fleet', undefined, `Admin ${ADMIN}`)).body.robots.map((r: { robotId: string }) => r.robotId)).toEqual(['robot-2']);
    const city = await c.call('GET', '/v1/city/fleet', undefined, `Admin ${ADMIN}`);
    expect(city.body.branches.map((b: { branchId: string; robots: { robotId: string }[] }) => [b.branchId, b.robots.map((r) => r.robotId)])).toEqual([
      ['p-ben-nghe', ['robot-1']], ['p-ben-thanh', ['robot-2']],
    ]);
    const stats = await c.call('GET', `/v1/city/stats?from=${DAY}&to=${DAY}`, undefined, `Admin ${ADMIN}`);
    expect(stats.body.branches.map((b: { branchId: string; name: string }) => [b.branchId, b.name])).toEqual([['p-ben-nghe', DEMO_CATALOG.centerName.vi], ['p-ben-thanh', 'Phường Bến Thành']]);
    expect(stats.body.branches[0].stats).toMatchObject({ from: DAY, to: DAY, tickets: expect.anything() });
    for (const auth of [as(BEN_NGHE.key), 'Admin wrong-key', undefined]) {
      const r = await c.call('GET', '/v1/city/fleet', undefined, auth);
      expect([r.status, r.body.error.code]).toEqual([401, 'CENTER_ADMIN_UNAUTHORIZED']);
    }
  });

  it('answers a path naming no declared branch with CENTER_BRANCH_UNKNOWN', async () => {
    const r = await call(c.center.url, 'GET', '/b/p-nowhere/v1/board');
    expect([r.status, r.body.error.code]).toEqual([404, 'CENTER_BRANCH_UNKNOWN']);
  });
});

describe('a single-ward center from before branches', () => {
  it('opens its existing SQLite file as the default branch, rows and robot tokens included, with no configuration', async () => {
    const before = await startTestCenter();
    const { token } = await before.enrol('robot-1');
    const ticket = ticketChange({ number: 1 });
    await before.call('POST', '/v1/tickets/batch', { changes: [ticket] }, bearer(token));
    await before.close();
    // make the file exactly what the center before branches left: schema version 10, no branch recorded
    const db = new Database(join(before.dataDir, CENTER_DB_FILE));
    db.exec('DROP TABLE branch_identity');
    db.pragma('user_version = 10');
    db.close();
    const after = await startTestCenter({ dataDir: before.dataDir });
    try {
      expect(after.center.ctx.branchId).toBe(DEFAULT_BRANCH_ID);
      expect((await after.call('GET', '/v1/catalog', undefined, bearer(token))).status).toBe(200);
      expect((await after.call('GET', '/v1/board')).body.waiting).toEqual({ 'civil-status': 1 });
      expect((await after.staff('POST', '/v1/counters/counter-1/call-next')).body.current.ticketId).toBe(ticket.ticket.id);
    } finally {
      await after.close();
    }
  });
});
