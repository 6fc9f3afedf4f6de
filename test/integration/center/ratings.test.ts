/**
 * Satisfaction ratings (issue 18 point 2): one rating per served ticket, from the phone page, the
 * counter's rating tablet or the robot, stored with its ticket's counter, service, day and the staff
 * session that completed it. A second one, one for a ticket not served, and malformed ones are refused.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { bearer, startTestCenter, ticketChange, type TestCenter } from './harness';

describe('center: ratings', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  async function signIn(): Promise<string> {
    const res = await fetch(`${c.center.url}/v1/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: c.center.staffKey }) });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  }
  /** A counter operation from a signed-in counter page (the session cookie, as the browser sends it). */
  const op = (cookie: string, path: string) => fetch(`${c.center.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });

  async function seed(n: number): Promise<{ ids: string[]; token: string }> {
    const { token } = await c.enrol('robot-a');
    const changes = Array.from({ length: n }, (_, i) => ticketChange({ number: i + 1, issuedAt: c.clock.t + i }));
    await c.call('POST', '/v1/tickets/batch', { changes }, bearer(token));
    return { ids: changes.map((x) => x.ticket.id), token };
  }
  const rows = () => {
    const db = new Database(join(c.dataDir, 'center.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT ticket_id, score, reasons, comment, source, counter_id, service_id, staff_session, day, created_at_ms FROM ratings').all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  it('takes one rating of a served ticket, stored with its counter, service, day and the staff session that completed it', async () => {
    c = await startTestCenter();
    const { ids: [id] } = await seed(1);
    const cookie = await signIn();
    await op(cookie, '/v1/counters/counter-1/call-next');
    expect((await c.call('GET', `/v1/tickets/${id}/status`)).body.rated).toBe(false);
    await op(cookie, '/v1/counters/counter-1/complete');
    const rating = { score: 'not-satisfied', reasons: ['waited-too-long', 'unclear-documents'], comment: '  Quá lâu  ' };
    const first = await c.call('POST', `/v1/tickets/${id}/rating`, rating);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ rated: true, serverTime: c.clock.t });
    expect((await c.call('GET', `/v1/tickets/${id}/status`)).body.rated).toBe(true);

    const db = new Database(join(c.dataDir, 'center.sqlite'), { readonly: true });
    const sessionHash = (db.prepare('SELECT session_hash FROM staff_sessions').get() as { session_hash: string }).session_hash;
    db.close();
    expect(rows()).toEqual([{
      ticket_id: id, score: 'not-satisfied', reasons: '["waited-too-long","unclear-documents"]', comment: 'Quá lâu', source: 'phone',
      counter_id: 'counter-1', service_id: 'birth-registration', staff_session: sessionHash, day: '2026-11-30', created_at_ms: c.clock.t,
    }]);

    const again = await c.call('POST', `/v1/tickets/${id}/rating`, { score: 'very-satisfied' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RATING_ALREADY_GIVEN');
    expect(rows()).toHaveLength(1);
  });

  it('"call next" completes the previous ticket in the name of the session that pressed it; the staff key alone records no session', async () => {
    c = await startTestCenter();
    const { ids: [a, b] } = await seed(2);
    const cookie = await signIn();
    await op(cookie, '/v1/counters/counter-1/call-next');
    await op(cookie, '/v1/counters/counter-1/call-next'); // a served, b called
    await c.staff('POST', '/v1/counters/counter-1/complete'); // b served by a tool with the key
    expect((await c.call('POST', `/v1/tickets/${a}/rating`, { score: 'satisfied' })).status).toBe(201);
    expect((await c.call('POST', `/v1/tickets/${b}/rating`, { score: 'satisfied' })).status).toBe(201);
    const byTicket = new Map(rows().map((r) => [r.ticket_id, r]));
    expect(byTicket.get(a)).toMatchObject({ staff_session: expect.stringMatching(/^[0-9a-f]{64}$/), reasons: '[]', comment: null });
    expect(byTicket.get(b)).toMatchObject({ staff_session: null });
  });

  it('refuses a ticket that is not served: waiting, being served, skipped; an unknown one is not found', async () => {
    c = await startTestCenter();
    const { ids: [a, b, d] } = await seed(3);
    const notDone = async (id: string) => {
      const r = await c.call('POST', `/v1/tickets/${id}/rating`, { score: 'satisfied' });
      return [r.status, r.body.error?.code];
    };
    expect(await notDone(a!)).toEqual([409, 'RATING_TICKET_NOT_COMPLETED']);
    await c.staff('POST', '/v1/counters/counter-1/call-next');
    expect(await notDone(a!)).toEqual([409, 'RATING_TICKET_NOT_COMPLETED']);
    await c.staff('POST', '/v1/counters/counter-1/skip');
    expect(await notDone(a!)).toEqual([409, 'RATING_TICKET_NOT_COMPLETED']);
    expect(await notDone(b!)).toEqual([409, 'RATING_TICKET_NOT_COMPLETED']);
    expect(d).toBeDefined();
    const unknown = await c.call('POST', `/v1/tickets/${randomUUID()}/rating`, { score: 'satisfied' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'CENTER_NOT_FOUND']);
    expect(rows()).toEqual([]);
  });

  it('bounds its input: scores and reasons from the list, a comment of at most 500 characters, no other field, a ticket id that is a UUID', async () => {
    c = await startTestCenter();
    const { ids: [id] } = await seed(1);
    await c.staff('POST', '/v1/counters/counter-1/call-next');
    await c.staff('POST', '/v1/counters/counter-1/complete');
    const bad = [
      { score: 'meh' },
      {},
      { score: 'satisfied', reasons: ['bribes'] },
      { score: 'satisfied', reasons: Array(7).fill('fast-service') },
      { score: 'satisfied', comment: 'x'.repeat(501) },
      { score: 'satisfied', staffSession: 'me' },
      'not json',
    ];
    for (const body of bad) {
      const r = await c.call('POST', `/v1/tickets/${id}/rating`, body);
      expect([r.status, r.body.error.code]).toEqual([400, 'CENTER_INVALID_REQUEST']);
    }
    expect((await c.call('POST', '/v1/tickets/not-a-uuid/rating', { score: 'satisfied' })).status).toBe(400);
    expect((await c.call('POST', `/v1/tickets/${id}/rating`, { score: 'satisfied', comment: 'x'.repeat(600_000) })).status).toBe(413);
    expect(rows()).toEqual([]);
    expect((await c.call('POST', `/v1/tickets/${id}/rating`, { score: 'satisfied', comment: 'x'.repeat(500) })).status).toBe(201);
  });

  it('rate-limits the public route per address', async () => {
    c = await startTestCenter();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await c.call('POST', `/v1/tickets/${randomUUID()}/rating`, { score: 'satisfied' })).status);
    expect(statuses).toContain(404);
    expect(statuses.at(-1)).toBe(429);
  });

  it('the counter tablet rates only the ticket its counter served, with a staff sign-in', async () => {
    c = await startTestCenter();
    const { ids: [id] } = await seed(1);
    await c.staff('POST', '/v1/counters/counter-1/call-next');
    await c.staff('POST', '/v1/counters/counter-1/complete');
    const body = { score: 'very-satisfied', reasons: ['friendly-staff'] };
    expect((await c.call('POST', `/v1/counters/counter-1/tickets/${id}/rating`, body)).body.error.code).toBe('CENTER_STAFF_UNAUTHORIZED');
    const other = await c.staff('POST', `/v1/counters/counter-2/tickets/${id}/rating`, body);
    expect([other.status, other.body.error.code]).toEqual([409, 'RATING_TICKET_NOT_COMPLETED']);
    expect((await c.staff('POST', `/v1/counters/counter-1/tickets/${id}/rating`, body)).status).toBe(201);
    expect(rows()[0]).toMatchObject({ source: 'counter', score: 'very-satisfied', counter_id: 'counter-1' });
  });

  it('the robot rates with its device token; sending the same rating again is answered as done, another one is refused', async () => {
    c = await startTestCenter();
    const { ids: [id], token } = await seed(1);
    await c.staff('POST', '/v1/counters/counter-1/call-next');
    await c.staff('POST', '/v1/counters/counter-1/complete');
    const body = { score: 'satisfied', reasons: ['fast-service'], comment: 'ok' };
    expect((await c.call('POST', `/v1/robot/ratings/${id}`, body)).body.error.code).toBe('SYNC_NOT_ENROLLED');
    expect((await c.call('POST', `/v1/robot/ratings/${id}`, body, bearer(token))).status).toBe(201);
    // the answer was lost and the robot sends it again: nothing changes, and it is told it is done
    expect((await c.call('POST', `/v1/robot/ratings/${id}`, body, bearer(token))).status).toBe(200);
    const other = await c.call('POST', `/v1/robot/ratings/${id}`, { score: 'not-satisfied' }, bearer(token));
    expect([other.status, other.body.error.code]).toEqual([409, 'RATING_ALREADY_GIVEN']);
    expect(rows()).toEqual([expect.objectContaining({ source: 'robot', score: 'satisfied', reasons: '["fast-service"]', comment: 'ok' })]);
  });
});
