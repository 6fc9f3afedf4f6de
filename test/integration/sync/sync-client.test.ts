import { createServer, type Server } from 'node:http';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { memoryCredentialStore } from '../../../src/controller/sync/credentials';
import { SyncClient } from '../../../src/controller/sync/sync-client';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { call, MONDAY_9AM, quietLog, tempDataDir, type Clock } from '../center/harness';
import { openRobotStore } from './robot-store';

const DAY = 24 * 3600_000;

async function startCenter(clock: Clock, dataDir: string, port = 0, tokenTtlMs?: number): Promise<RunningCenter> {
  return createCenterServer({ host: '127.0.0.1', port, dataDir, catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k', tokenTtlMs, tokenGraceMs: 60_000 });
}

async function enrolledRobot(center: RunningCenter, clock: Clock, robotId: string, slot: number, extra: Partial<ConstructorParameters<typeof SyncClient>[0]> = {}) {
  const robot = openRobotStore(robotId, slot, clock.t);
  const { store } = robot;
  const client = new SyncClient({ centerUrl: center.url, robotId, version: 't', outbox: store, leases: store, marks: store, credentials: memoryCredentialStore(), now: () => clock.t, timeoutMs: 2000, ...extra });
  const code = await call(center.url, 'POST', '/v1/admin/enrolment-codes', {}, 'Staff k');
  await client.enrol(code.body.code);
  return { store, robot, client };
}

describe('robot sync client against the reference center', () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });

  it('two robots issue while the center is down; after healing every ticket is there once, numbers unique, called fairly by issue time', async () => {
    const clock = { t: MONDAY_9AM };
    const dataDir = tempDataDir();
    let center = await startCenter(clock, dataDir);
    const port = center.port;
    const a = await enrolledRobot(center, clock, 'robot-a', 1);
    const b = await enrolledRobot(center, clock, 'robot-b', 2);
    await a.client.syncOnce(); // leases a first block
    await center.close();

    for (let i = 0; i < 30; i++) {
      clock.t += 7_000;
      (i % 2 ? a : b).robot.issue(clock.t);
    }
    await expect(a.client.syncOnce()).rejects.toMatchObject({ code: 'SYNC_CENTER_UNREACHABLE' });
    expect(a.client.status()).toMatchObject({ state: 'degraded', code: 'SYNC_CENTER_UNREACHABLE' });
    // every ticket waits for the center, at its latest version (printed)
    expect(a.store.pendingCount() + b.store.pendingCount()).toBe(30);
    expect([...a.store.takeBatch(100), ...b.store.takeBatch(100)].map((e) => e.payload.ticket.state)).toEqual(Array(30).fill('printed'));

    center = await startCenter(clock, dataDir, port);
    open.push(center);
    await a.client.syncOnce();
    await b.client.syncOnce();
    await a.client.syncOnce(); // a second pass sends nothing again
    expect(a.client.status().state).toBe('ok');
    expect(a.store.pendingCount() + b.store.pendingCount()).toBe(0);

    const issued = [...a.robot.issued, ...b.robot.issued];
    expect(new Set(issued.map((t) => t.display)).size).toBe(30);
    const called: string[] = [];
    for (;;) {
      const r = await call(center.url, 'POST', '/v1/counters/counter-1/call-next', {}, 'Staff k');
      if (r.status !== 200) break;
      called.push(r.body.current.ticketId);
    }
    expect(called).toEqual([...issued].sort((x, y) => x.issuedAtMs - y.issuedAtMs).map((t) => t.id));
  });

  it('stays enrolled over 60 simulated days by refreshing ahead of expiry', async () => {
    const clock = { t: MONDAY_9AM };
    const center = await startCenter(clock, tempDataDir(), 0, 10 * DAY);
    open.push(center);
    const credentials = memoryCredentialStore();
    const a = await enrolledRobot(center, clock, 'robot-a', 1, { credentials });
    const tokens = new Set<string>();
    for (let day = 0; day < 60; day++) {
      clock.t += DAY;
      a.robot.issueIfOpen(clock.t);
      await a.client.syncOnce();
      tokens.add(credentials.load()!.token);
    }
    expect(a.client.state().enrolment).toBe('enrolled');
    expect(tokens.size).toBeGreaterThanOrEqual(10);
    expect(a.robot.issued.length).toBeGreaterThanOrEqual(40); // the working days
    expect(a.store.pendingCount()).toBe(0);
  });

  it('a revoked robot shows "not enrolled" and keeps issuing offline with its outbox intact', async () => {
    const clock = { t: MONDAY_9AM };
    const center = await startCenter(clock, tempDataDir());
    open.push(center);
    const a = await enrolledRobot(center, clock, 'robot-a', 1);
    await call(center.url, 'POST', '/v1/admin/devices/robot-a/revoke', {}, 'Staff k');
    a.robot.issue(clock.t);
    a.robot.issue(clock.t + 1000);
    await expect(a.client.syncOnce()).rejects.toMatchObject({ code: 'SYNC_DEVICE_REVOKED' });
    // both tickets kept, owed to the center
    expect(a.client.state()).toMatchObject({ enrolment: 'revoked', outboxLength: 2 });
    expect(a.client.status()).toMatchObject({ state: 'degraded', code: 'SYNC_DEVICE_REVOKED' });
    // a new enrolment delivers what was kept
    const code = await call(center.url, 'POST', '/v1/admin/enrolment-codes', {}, 'Staff k');
    await a.client.enrol(code.body.code);
    await a.client.syncOnce();
    expect(a.store.pendingCount()).toBe(0);
  });

  it('survives hostile answers (wrong types, 10 MB, no answer, HTML 500) without acknowledging anything', async () => {
    let mode = 'wrong-types';
    const server: Server = createServer((req, res) => {
      req.resume();
      if (mode === 'silent') return; // never answers
      if (mode === 'huge') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"results":[${'0,'.repeat(5 * 1024 * 1024)}0]}`);
        return;
      }
      if (mode === 'html') {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<h1>oops</h1>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-server-time': 'soon' });
      res.end(JSON.stringify({ results: [{ index: 'zero', status: 'stored' }], device: { token: 5 }, serverTime: 'now' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    open.push({ close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) });
    const port = (server.address() as { port: number }).port;
    const robot = openRobotStore('robot-a', 1, MONDAY_9AM);
    const { store } = robot;
    const credentials = memoryCredentialStore({ centerUrl: 'x', robotId: 'robot-a', robotSlot: 1, token: 't'.repeat(43), expiresAt: MONDAY_9AM + DAY, refreshAfter: MONDAY_9AM + DAY / 2 });
    const client = new SyncClient({ centerUrl: `http://127.0.0.1:${port}`, robotId: 'robot-a', version: 't', outbox: store, credentials, now: () => MONDAY_9AM, timeoutMs: 1500 });
    robot.issue(MONDAY_9AM);
    const waiting = store.pendingCount();
    for (const [m, code] of [['wrong-types', 'SYNC_RESPONSE_INVALID'], ['huge', 'SYNC_RESPONSE_INVALID'], ['silent', 'SYNC_CENTER_UNREACHABLE'], ['html', 'SYNC_RESPONSE_INVALID']] as const) {
      mode = m;
      await expect(client.syncOnce().catch((e) => Promise.reject({ m, code: e.code }))).rejects.toEqual({ m, code });
      expect({ m, pending: store.pendingCount(), online: client.state().online }).toEqual({ m, pending: waiting, online: false });
    }
  });

  it('keeps now-serving and queue lengths current through a stream that drops every few events', async () => {
    const clock = { t: MONDAY_9AM };
    const center = await startCenter(clock, tempDataDir());
    open.push(center);
    // cut every stream answer after 3 events, as a flaky Wi-Fi would
    let streamAnswers = 0;
    const dropping: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('/v1/stream') || !res.body) return res;
      streamAnswers++;
      let events = 0;
      let buffer = '';
      const reader = res.body.getReader();
      const encoder = new TextEncoder();
      const cut = new ReadableStream<Uint8Array>({
        async pull(ctl) {
          const { done, value } = await reader.read();
          if (done) return ctl.close();
          buffer += Buffer.from(value).toString('utf8');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end + 2);
            buffer = buffer.slice(end + 2);
            ctl.enqueue(encoder.encode(block));
            if (block.startsWith('id: ') && ++events >= 3) {
              await reader.cancel();
              return ctl.close();
            }
          }
        },
      });
      return new Response(cut, { status: res.status, headers: res.headers });
    };
    const a = await enrolledRobot(center, clock, 'robot-a', 1, { fetchImpl: dropping, random: () => 0, pollMs: 50 });
    a.client.start();
    open.push({ close: () => a.client.stop() });
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(check()).toBe(true);
    };
    await until(() => a.client.state().streamConnected);
    for (let i = 0; i < 12; i++) {
      a.robot.issue(clock.t + i);
      a.client.kick();
      await new Promise((r) => setTimeout(r, 10));
    }
    await until(() => a.client.state().waiting['civil-status'] === 12);
    for (let i = 0; i < 5; i++) await call(center.url, 'POST', '/v1/counters/counter-1/call-next', {}, 'Staff k');
    await until(() => a.client.state().nowServing['counter-1'] === a.robot.issued[4]!.display);
    await until(() => a.client.state().waiting['civil-status'] === 7);
    expect(a.robot.calledCount()).toBe(5);
    // 12 queued + 5 called events through streams cut after 3 events each
    expect(streamAnswers).toBeGreaterThanOrEqual(5);
  });
});
