/**
 * Home visits over HTTP against a real center (SQLite in a temp folder): a robot requests, staff
 * schedule and complete, the citizen's status link follows each state; a repeated request is one
 * visit; bad input is bounded and refused with codes; personal data never leaves unmasked except
 * to signed-in staff.
 */
import { randomUUID } from 'node:crypto';
import { HomeVisitResponse } from '../../../src/contract/sync';
import { bearer, startTestCenter, type TestCenter } from './harness';
import { PHONE, STREET, visitRequest } from './home-visit-fixtures';

describe('home visits at the center', () => {
  let c: TestCenter;
  afterEach(async () => c?.close());

  async function robot() {
    return bearer((await c.enrol('robot-a')).token);
  }
  const tokenOf = (statusUrl: string) => statusUrl.split('/v/')[1]!;
  const status = async (statusUrl: string) => (await c.call('GET', `/v1/home-visits/status/${tokenOf(statusUrl)}`)).body;

  it('request → staff schedule → done; the status link shows each state, masked, and the statusUrl opens the page', async () => {
    c = await startTestCenter({ publicUrl: 'http://10.0.0.5:8080' });
    const auth = await robot();
    const r = await c.call('POST', '/v1/home-visits', visitRequest(), auth);
    expect(r.status).toBe(201);
    const res = HomeVisitResponse.parse(r.body);
    expect(res.statusUrl).toMatch(/^http:\/\/10\.0\.0\.5:8080\/v\/[A-Za-z0-9_-]{24,}$/);
    expect(res.visit).toMatchObject({ status: 'requested', category: 'elderly', language: 'ko', scheduled: null, maskedPhone: '09•••••678' });
    // the robot gets nothing unmasked back
    expect(JSON.stringify(r.body)).not.toMatch(new RegExp(`${PHONE}|${STREET}|Nguyễn Văn An|12A`));

    const page = await c.call('GET', new URL(res.statusUrl).pathname);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('/assets/visit.js');
    const seen = await status(res.statusUrl);
    expect(seen.visit).toEqual(res.visit);
    expect(JSON.stringify(seen)).not.toMatch(new RegExp(`${PHONE}|${STREET}`));

    const list = await c.staff('GET', '/v1/home-visits');
    expect(list.status).toBe(200);
    expect(list.body.visits).toHaveLength(1);
    expect(list.body.visits[0]).toMatchObject({ visitId: res.visit.visitId, phone: PHONE, name: 'Nguyễn Văn An', address: { street: STREET, houseNumber: '12A' } });

    const id = res.visit.visitId;
    const scheduled = await c.staff('POST', `/v1/home-visits/${id}/schedule`, { day: '2026-12-02', time: '14:30', staffName: 'Trần Thị Bình' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.visit).toMatchObject({ status: 'scheduled', scheduled: { day: '2026-12-02', time: '14:30' }, staffName: 'Trần Thị Bình' });
    expect((await status(res.statusUrl)).visit).toMatchObject({ status: 'scheduled', scheduled: { day: '2026-12-02', time: '14:30' } });
    expect(JSON.stringify(await status(res.statusUrl))).not.toContain('Trần Thị Bình');

    expect((await c.staff('POST', `/v1/home-visits/${id}/done`, {})).status).toBe(200);
    expect((await status(res.statusUrl)).visit.status).toBe('done');
    for (const action of ['done', 'cancel', 'schedule']) {
      const again = await c.staff('POST', `/v1/home-visits/${id}/${action}`, action === 'schedule' ? { day: '2026-12-03', time: '09:00', staffName: 'X' } : {});
      expect({ action, status: again.status, code: again.body.error.code }).toEqual({ action, status: 409, code: 'HOME_VISIT_STATE_CONFLICT' });
    }
  });

  it('cancels a requested visit; lists newest first and filters by status', async () => {
    c = await startTestCenter();
    const auth = await robot();
    const first = (await c.call('POST', '/v1/home-visits', visitRequest(), auth)).body;
    c.clock.t += 60_000;
    const second = (await c.call('POST', '/v1/home-visits', visitRequest({ category: 'disability' }), auth)).body;
    expect((await c.staff('POST', `/v1/home-visits/${first.visit.visitId}/cancel`, {})).body.visit.status).toBe('cancelled');
    expect((await status(first.statusUrl)).visit.status).toBe('cancelled');
    expect((await c.staff('GET', '/v1/home-visits')).body.visits.map((v: { visitId: string }) => v.visitId)).toEqual([second.visit.visitId, first.visit.visitId]);
    expect((await c.staff('GET', '/v1/home-visits?status=cancelled')).body.visits.map((v: { visitId: string }) => v.visitId)).toEqual([first.visit.visitId]);
    // without a public URL configured, the link uses the address the robot reached the center at
    expect(first.statusUrl.startsWith(`${c.center.url}/v/`)).toBe(true);
  });

  it('two identical requests make one visit with one status link', async () => {
    c = await startTestCenter();
    const auth = await robot();
    const body = visitRequest();
    const [a, b] = await Promise.all([c.call('POST', '/v1/home-visits', body, auth), c.call('POST', '/v1/home-visits', body, auth)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(b.body.visit.visitId).toBe(a.body.visit.visitId);
    expect(b.body.statusUrl).toBe(a.body.statusUrl);
    expect((await c.staff('GET', '/v1/home-visits')).body.visits).toHaveLength(1);
    // the same request id from another robot is another request
    const other = bearer((await c.enrol('robot-b')).token);
    expect((await c.call('POST', '/v1/home-visits', body, other)).status).toBe(201);
    expect((await c.staff('GET', '/v1/home-visits')).body.visits).toHaveLength(2);
  });

  it('refuses bad input with stable codes, bounded, echoing no personal data', async () => {
    c = await startTestCenter({ booking: { homeVisitCategories: ['elderly'] } });
    const auth = await robot();
    const refusals: [string, unknown, number, string][] = [
      ['category the center does not visit', visitRequest({ category: 'disability' }), 403, 'HOME_VISIT_CATEGORY_NOT_ALLOWED'],
      ['landline phone', visitRequest({ phone: '0283829999' }), 400, 'BOOKING_PHONE_INVALID'],
      ['no consent', visitRequest({ consent: false }), 400, 'CENTER_INVALID_REQUEST'],
      ['unknown field', visitRequest({ email: 'a@b.c' }), 400, 'CENTER_INVALID_REQUEST'],
      ['long street', visitRequest({ address: { ward: 'P', street: 'x'.repeat(500), houseNumber: '1' } }), 400, 'CENTER_INVALID_REQUEST'],
      ['six preferred days', visitRequest({ preferredDays: ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08'] }), 400, 'CENTER_INVALID_REQUEST'],
      ['a day already past', visitRequest({ preferredDays: ['2026-11-29'] }), 400, 'CENTER_INVALID_REQUEST'],
      ['unknown service', visitRequest({ serviceId: 'no-such-service' }), 400, 'CENTER_INVALID_REQUEST'],
      ['not JSON', '{"phone": "0912345678", ', 400, 'CENTER_INVALID_REQUEST'],
      ['a megabyte', visitRequest({ name: 'x'.repeat(1_100_000) }), 413, 'CENTER_BODY_TOO_LARGE'],
    ];
    for (const [what, body, code, error] of refusals) {
      const r = await c.call('POST', '/v1/home-visits', body, auth);
      expect({ what, status: r.status, code: r.body?.error?.code }).toEqual({ what, status: code, code: error });
      expect({ what, echoed: JSON.stringify(r.body).includes(PHONE) || JSON.stringify(r.body).includes(STREET) }).toEqual({ what, echoed: false });
    }
    expect((await c.call('POST', '/v1/home-visits', visitRequest())).body.error.code).toBe('SYNC_NOT_ENROLLED');
    expect((await c.staff('GET', '/v1/home-visits')).body.visits).toEqual([]);

    expect((await c.call('GET', '/v1/home-visits')).status).toBe(401);
    expect((await c.call('GET', '/v1/home-visits?status=lost', undefined, `Staff ${c.center.staffKey}`)).body.error.code).toBe('CENTER_INVALID_REQUEST');
    for (const token of ['x'.repeat(30), 'short', 'a%2Fb', 'y'.repeat(100)]) {
      const r = await c.call('GET', `/v1/home-visits/status/${token}`);
      expect({ token, status: r.status, code: r.body.error.code }).toEqual({ token, status: 404, code: 'HOME_VISIT_NOT_FOUND' });
    }
    const ok = (await c.call('POST', '/v1/home-visits', visitRequest(), auth)).body.visit.visitId as string;
    expect((await c.staff('POST', `/v1/home-visits/${randomUUID()}/done`, {})).body.error.code).toBe('HOME_VISIT_NOT_FOUND');
    for (const body of [{ day: '2026-12-02', time: '25:00', staffName: 'A' }, { day: '2026-12-02', time: '09:00', staffName: '' }, { day: '2026-11-01', time: '09:00', staffName: 'A' }, { day: '2026-12-02', time: '09:00', staffName: 'A', extra: 1 }]) {
      const r = await c.staff('POST', `/v1/home-visits/${ok}/schedule`, body);
      expect({ body, status: r.status, code: r.body.error.code }).toEqual({ body, status: 400, code: 'CENTER_INVALID_REQUEST' });
    }
    expect((await c.staff('POST', `/v1/home-visits/${ok}/fly`, {})).status).toBe(400);
    expect((await c.call('POST', `/v1/home-visits/${ok}/done`, {})).status).toBe(401);
  });
});
