/**
 * Two center instances on one PostgreSQL share nothing but the database (issue 19, "several
 * instances"): a stream client on instance A gets the calls made on instance B, in id order, and
 * resumes on B with the id A gave it; the rate limit of wrong enrolment codes counts across
 * instances; /healthz answers 503 with a code once the database is gone, so a balancer stops
 * sending there; instances starting together on an empty database migrate it once.
 */
import { Client } from 'pg';
import { openPostgresStorage } from '../../../src/center/storage/postgres';
import { PG_MIGRATIONS } from '../../../src/center/storage/postgres/migrations';
import { startPostgres, type TestPostgres } from '../../support/postgres';
import { bearer, startTestCenter, tempDataDir, ticketChange, type TestCenter } from './harness';
import { readStream } from './sse-reader';

describe('center: several instances on one PostgreSQL', () => {
  let pg: TestPostgres;
  const open: TestCenter[] = [];
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  afterAll(() => pg?.stop());

  async function pair(): Promise<[TestCenter, TestCenter]> {
    const database = await pg.createDatabase();
    const clock = { t: Date.parse('2026-11-30T09:00:00+07:00') };
    const dataDir = tempDataDir();
    const a = await startTestCenter({ database, clock, dataDir });
    open.push(a);
    const b = await startTestCenter({ database, clock, dataDir });
    open.push(b);
    return [a, b];
  }

  it('a stream client on instance A sees the calls made on instance B, in order, and resumes on B', async () => {
    const [a, b] = await pair();
    const { token } = await a.enrol('robot-a');
    const start = (await a.call('GET', '/v1/board')).body.lastEventId as number;
    const onA = readStream(`${a.center.url}/v1/stream?after=${start}`);
    await b.call('POST', '/v1/tickets/batch', { changes: [1, 2, 3, 4].map((n) => ticketChange({ number: n })) }, bearer(token));
    const called: string[] = [];
    for (let i = 0; i < 4; i++) called.push((await b.staff('POST', '/v1/counters/counter-1/call-next')).body.current.display);
    // everything B committed, as the table holds it: A must deliver exactly that, in that order
    const committed = await b.center.ctx.storage.eventsAfter(start, 1000);
    const events = (await onA.waitFor(committed.length, 20_000)).slice();
    onA.drop();
    expect(events.map((e) => e.id)).toEqual(committed.map((e) => e.id));
    expect(events.map((e) => e.id)).toEqual(committed.map((_, i) => start + i + 1));
    expect(events.filter((e) => e.type === 'ticket.called').map((e) => (e.data.data as { display: string }).display)).toEqual(called);
    // resumable on the other instance with the id the first one gave
    const resumed = readStream(`${b.center.url}/v1/stream`, { 'last-event-id': String(events[3]!.id) });
    const rest = (await resumed.waitFor(events.length - 4, 20_000)).slice();
    resumed.drop();
    expect(rest.map((e) => e.id)).toEqual(events.slice(4).map((e) => e.id));
  });

  it('counts wrong enrolment codes across instances: the limit reached on A holds on B', async () => {
    const [a, b] = await pair();
    let refused = 0;
    for (let i = 0; i < 10; i++) {
      const r = await a.call('POST', '/v1/enrol', { code: 'WRANGCDE', robotId: 'robot-x', version: 'test' });
      if (r.status === 429) refused++;
    }
    expect(refused).toBe(0);
    const onB = await b.call('POST', '/v1/enrol', { code: 'WRANGCDE', robotId: 'robot-x', version: 'test' });
    expect(onB.status).toBe(429);
    expect(onB.body.error.code).toBe('CENTER_RATE_LIMITED');
  });

  it('behind a trusted balancer, counts each client by its X-Forwarded-For address, not the balancer\'s', async () => {
    const database = await pg.createDatabase();
    const c = await startTestCenter({ database, trustProxy: '127.0.0.1' });
    open.push(c);
    const enrol = (client: string) => fetch(`${c.center.url}/v1/enrol`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': client }, body: JSON.stringify({ code: 'WRANGCDE', robotId: 'robot-x', version: 'test' }),
    }).then((r) => r.status);
    for (let i = 0; i < 10; i++) expect(await enrol('203.0.113.7')).toBe(401);
    expect(await enrol('203.0.113.7')).toBe(429);
    expect(await enrol('203.0.113.8')).toBe(401);
  });

  it('/healthz checks the database: 200 while it answers, 503 with a code when it is gone', async () => {
    const database = await pg.createDatabase();
    const c = await startTestCenter({ database });
    open.push(c);
    expect((await c.call('GET', '/healthz')).status).toBe(200);
    // the database refuses connections and its open ones are ended: what a crashed server looks like
    const name = new URL(database).pathname.slice(1);
    const admin = new Client({ connectionString: database.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    await admin.end();
    const down = await c.call('GET', '/healthz');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('CENTER_STORAGE_FAILED');
  });

  it('instances starting together on an empty database migrate it once', async () => {
    const url = await pg.createDatabase();
    const storages = await Promise.all([1, 2, 3, 4].map(() => openPostgresStorage({ url, poolMax: 2 })));
    await Promise.all(storages.map((s) => s.close()));
    const c = new Client({ connectionString: url });
    await c.connect();
    const versions = (await c.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version')).rows.map((r) => r.version);
    await c.end();
    expect(versions).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
  });
});
