import { connect } from 'node:net';
import { bearer, startTestCenter, ticketChange, type TestCenter } from './harness';


describe('center: hostile and broken requests', () => {
  let c: TestCenter;
  afterEach(() => c?.close());

  it('refuses a 10 MB body on every robot route with CENTER_BODY_TOO_LARGE and stays up', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const huge = JSON.stringify({ changes: [{ pad: 'x'.repeat(10 * 1024 * 1024) }] });
    for (const path of ['/v1/tickets/batch', '/v1/leases', '/v1/heartbeat', '/v1/enrol']) {
      const r = await c.call('POST', path, huge, bearer(token));
      expect({ path, status: r.status, code: r.body?.error?.code }).toEqual({ path, status: 413, code: 'CENTER_BODY_TOO_LARGE' });
    }
    expect((await c.call('GET', '/healthz')).status).toBe(200);
  });

  it('answers wrong types, broken JSON, oversize batches and odd headers with typed errors', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const auth = bearer(token);
    const cases: [string, string, unknown, string | undefined, number, string][] = [
      ['POST', '/v1/tickets/batch', { changes: 'all of them' }, auth, 400, 'CENTER_INVALID_REQUEST'],
      ['POST', '/v1/tickets/batch', { changes: Array(201).fill(ticketChange({ number: 1 })) }, auth, 400, 'CENTER_INVALID_REQUEST'],
      ['POST', '/v1/tickets/batch', '{"changes": [', auth, 400, 'CENTER_INVALID_REQUEST'],
      ['POST', '/v1/tickets/batch', '{"__proto__": {"admin": true}, "changes": []}', auth, 400, 'CENTER_INVALID_REQUEST'],
      ['POST', '/v1/leases', { requests: [{ requestId: 'x', prefix: 'a', day: 'today' }] }, auth, 400, 'CENTER_INVALID_REQUEST'],
      ['POST', '/v1/heartbeat', { version: 1, parts: [] }, auth, 400, 'CENTER_INVALID_REQUEST'],
      ['POST', '/v1/enrol', { code: 'AAAAAAAA', robotId: '../../etc', version: 'x' }, undefined, 400, 'CENTER_INVALID_REQUEST'],
      ['GET', '/v1/stream?after=-5', undefined, undefined, 400, 'CENTER_INVALID_REQUEST'],
      ['GET', '/v1/tickets/not-a-uuid/status', undefined, undefined, 400, 'CENTER_INVALID_REQUEST'],
      ['GET', '/v1/appointments/%27%20OR%201%3D1', undefined, auth, 400, 'CENTER_INVALID_REQUEST'],
      ['GET', '/v1/catalog', undefined, `Bearer ${'x'.repeat(400)}`, 401, 'SYNC_NOT_ENROLLED'],
      ['POST', '/v1/counters/counter-1/explode', {}, `Staff ${c.center.staffKey}`, 400, 'CENTER_INVALID_REQUEST'],
      ['GET', '/v1/nothing-here', undefined, undefined, 404, 'CENTER_NOT_FOUND'],
    ];
    for (const [method, path, body, a, status, code] of cases) {
      const r = await c.call(method, path, body, a);
      expect({ path, status: r.status, code: r.body?.error?.code, time: typeof r.body?.serverTime }).toEqual({ path, status, code, time: 'number' });
    }
    expect((await c.call('GET', '/v1/appointments/LH-000123', undefined, auth)).body.appointment).toMatchObject({ status: 'booked', maskedName: 'Nguyễn V. A.' });
    expect((await c.call('GET', '/v1/dossiers/000.00.51.H29-261120-0001', undefined, auth)).body.dossier).toMatchObject({ status: 'ready-for-pickup' });
  });

  it('keeps serving others while a client sends headers and never its body, or floods garbage', async () => {
    c = await startTestCenter();
    const { port } = c.center;
    const stuck = connect(port, '127.0.0.1', () => {
      stuck.write('POST /v1/tickets/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"cha');
    });
    stuck.on('error', () => undefined);
    try {
        const garbage = await Promise.all(
      Array.from({ length: 200 }, (_, i) => c.call('POST', '/v1/tickets/batch', i % 2 ? '\u0000\u0001binary' : '[]', bearer('nope')).then((r) => r.status)),
    );
      // the token is checked before the body is read: nobody without one gets the center to parse
      expect(new Set(garbage)).toEqual(new Set([401]));
      const board = await c.call('GET', '/v1/board');
      expect(board.status).toBe(200);
    } finally {
      stuck.destroy();
    }
  });
});
