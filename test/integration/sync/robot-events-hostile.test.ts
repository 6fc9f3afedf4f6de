/**
 * The robot's staff-call and audit drains against a center that answers badly: nothing is
 * acknowledged unless the answer names the item sent at that index, a broken answer never crashes
 * the pass into losing anything, and a center without the routes (older than robot events) leaves
 * the queues untouched while tickets still sync.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { StaffCall } from '../../../src/contract/staff';
import { StaffCallOutbox } from '../../../src/controller/staff/staff-outbox';
import { memoryCredentialStore } from '../../../src/controller/sync/credentials';
import type { AuditPort } from '../../../src/controller/sync/outbox-port';
import { SyncClient } from '../../../src/controller/sync/sync-client';
import { MONDAY_9AM } from '../center/harness';
import { openRobotStore } from './robot-store';

const DAY = 24 * 3600_000;
/** Built once: a 10 MB answer costs time to build, and the test's deadline is about the client. */
const HUGE = JSON.stringify({ results: [], pad: 'x'.repeat(10 * 1024 * 1024) });
type Handler = (path: string, body: Record<string, unknown[]>, res: ServerResponse) => void;

class FakeAudit implements AuditPort {
  rows = [1, 2].map((id) => ({ id, key: `robot-a:audit:${id}`, payload: { robotId: 'robot-a', auditId: id, at: new Date(MONDAY_9AM).toISOString(), actor: 'pin', action: 'service.login', detail: null } }));
  takeBatch(max: number) {
    return this.rows.slice(0, max);
  }
  ack(ids: readonly number[]) {
    this.rows = this.rows.filter((r) => !ids.includes(r.id));
  }
  pendingCount() {
    return this.rows.length;
  }
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-server-time': String(MONDAY_9AM) });
  res.end(JSON.stringify(body));
};

/** Answers heartbeats properly; the robot-event routes by `handler`. */
async function fakeCenter(handler: () => Handler): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      if (path === '/v1/heartbeat') return json(res, 200, { catalogEtag: 'e', lastEventId: 0, serverTime: MONDAY_9AM });
      if (path === '/v1/tickets/batch') return json(res, 200, { results: [], serverTime: MONDAY_9AM });
      handler()(path, text ? (JSON.parse(text) as Record<string, unknown[]>) : {}, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

function callOf(i: number): StaffCall {
  return { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, reason: 'help', language: 'vi', robotId: 'robot-a', calledAt: new Date(MONDAY_9AM).toISOString() };
}

describe('robot event drains against hostile centers', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) await new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())));
  });

  async function rig(handler: () => Handler) {
    const { url, server } = await fakeCenter(handler);
    servers.push(server);
    const staffCalls = new StaffCallOutbox();
    await staffCalls.notify(callOf(1));
    await staffCalls.notify(callOf(2));
    const audit = new FakeAudit();
    const credentials = memoryCredentialStore({ centerUrl: url, robotId: 'robot-a', robotSlot: 1, token: 't'.repeat(43), expiresAt: MONDAY_9AM + DAY, refreshAfter: MONDAY_9AM + DAY / 2 });
    const client = new SyncClient({ centerUrl: url, robotId: 'robot-a', version: 't', outbox: openRobotStore('robot-a', 1, MONDAY_9AM).store, credentials, staffCalls, audit, now: () => MONDAY_9AM, timeoutMs: 2500 });
    return { client, staffCalls, audit };
  }

  it('acknowledges nothing on answers that do not name the items sent (wrong ids, swapped, out of range, no id)', async () => {
    const answers: ((sent: { id?: string; key?: string }[]) => unknown[])[] = [
      (sent) => sent.map((_s, index) => ({ index, id: 'someone-else', status: 'stored' })),
      (sent) => sent.map((s, index) => ({ index: 1 - index, id: s.id ?? s.key, status: 'stored' })),
      (sent) => sent.map((s, index) => ({ index: index + 5, id: s.id ?? s.key, status: 'stored' })),
      (sent) => sent.map((_s, index) => ({ index, id: null, status: 'rejected' })),
    ];
    for (const [n, answer] of answers.entries()) {
      const { client, staffCalls, audit } = await rig(() => (_path, body, res) => json(res, 200, { results: answer((body.calls ?? body.events) as { id?: string; key?: string }[]), serverTime: MONDAY_9AM }));
      const round = await client.syncOnce();
      expect({ n, round: [round.staffCalls, round.auditRows], calls: staffCalls.pending().length, audit: audit.pendingCount() }).toEqual({ n, round: [0, 0], calls: 2, audit: 2 });
    }
  });

  it('acknowledges exactly the items named, even when one repeats its index, and stops for the next pass', async () => {
    const { client, staffCalls, audit } = await rig(() => (_path, body, res) => {
      const sent = (body.calls ?? body.events) as { id?: string; key?: string }[];
      json(res, 200, { results: [{ index: 1, id: sent[1]!.id ?? sent[1]!.key, status: 'rejected', code: 'CENTER_INVALID_REQUEST' }, { index: 1, id: sent[1]!.id ?? sent[1]!.key, status: 'stored' }], serverTime: MONDAY_9AM });
    });
    const round = await client.syncOnce();
    expect([round.staffCalls, round.auditRows]).toEqual([1, 1]);
    expect(staffCalls.pending().map((c) => c.id)).toEqual([callOf(1).id]);
    expect(audit.rows.map((r) => r.id)).toEqual([1]);
  });

  it('wrong types, 10 MB, HTML 500 and silence fail the pass and acknowledge nothing', async () => {
    let mode = 'wrong-types';
    const { client, staffCalls, audit } = await rig(() => (_path, _body, res) => {
      if (mode === 'silent') return;
      if (mode === 'huge') return void (res.writeHead(200, { 'content-type': 'application/json' }), res.end(HUGE));
      if (mode === 'html') return void (res.writeHead(500, { 'content-type': 'text/html' }), res.end('<h1>oops</h1>'));
      json(res, 200, { results: [{ index: '0', id: 5, status: 'fine' }], serverTime: 'now' });
    });
    for (const [m, code] of [['wrong-types', 'SYNC_RESPONSE_INVALID'], ['huge', 'SYNC_RESPONSE_INVALID'], ['html', 'SYNC_RESPONSE_INVALID'], ['silent', 'SYNC_CENTER_UNREACHABLE']] as const) {
      mode = m;
      await expect(client.syncOnce().catch((e) => Promise.reject({ m, code: e.code }))).rejects.toEqual({ m, code });
      expect({ m, calls: staffCalls.pending().length, audit: audit.pendingCount(), online: client.state().online }).toEqual({ m, calls: 2, audit: 2, online: false });
    }
  });

  it('a center without the routes (404 CENTER_NOT_FOUND) keeps the queues and the pass healthy', async () => {
    const { client, staffCalls, audit } = await rig(() => (_path, _body, res) => json(res, 404, { error: { code: 'CENTER_NOT_FOUND' }, serverTime: MONDAY_9AM }));
    const round = await client.syncOnce();
    expect([round.staffCalls, round.auditRows]).toEqual([0, 0]);
    expect(client.status().state).toBe('ok');
    expect([staffCalls.pending().length, audit.pendingCount()]).toEqual([2, 2]);
  });
});
