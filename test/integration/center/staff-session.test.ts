/**
 * Staff sign-in for the counter and fleet pages: the key is posted once (never in a URL), the
 * center answers with an HttpOnly, SameSite=Strict cookie whose session lives in the center's
 * storage for a working day, survives a restart of the center, and can be revoked.
 */
import { startTestCenter, type TestCenter } from './harness';

const HOUR = 3600_000;

describe('staff sessions', () => {
  let c: TestCenter | undefined;
  afterEach(async () => c?.close());

  async function signIn(t: TestCenter, key: string) {
    const res = await fetch(`${t.center.url}/v1/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
    return { status: res.status, cookie: res.headers.get('set-cookie'), body: (await res.json()) as { expiresAt?: number; error?: { code: string } } };
  }
  const cookieOf = (setCookie: string | null) => setCookie!.split(';')[0]!;
  const fleet = async (t: TestCenter, cookie: string) => (await fetch(`${t.center.url}/v1/fleet`, { headers: { cookie } })).status;

  it('a wrong key gets no cookie; the right key gets an HttpOnly SameSite=Strict session cookie that opens staff routes', async () => {
    c = await startTestCenter();
    const wrong = await signIn(c, 'not-the-key');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('CENTER_STAFF_UNAUTHORIZED');
    expect(wrong.cookie).toBeNull();

    const ok = await signIn(c, c.center.staffKey);
    expect(ok.status).toBe(201);
    expect(ok.cookie).toMatch(/HttpOnly/i);
    expect(ok.cookie).toMatch(/SameSite=Strict/i);
    expect(ok.cookie).toMatch(/Path=\//);
    expect(ok.cookie).not.toContain(c.center.staffKey);
    expect(ok.body.expiresAt).toBe(c.clock.t + 12 * HOUR);
    expect(await fleet(c, cookieOf(ok.cookie))).toBe(200);
    expect(await fleet(c, 'lobby_staff=forged')).toBe(401);
  });

  it('lasts a working day, then the staff routes refuse it', async () => {
    c = await startTestCenter();
    const cookie = cookieOf((await signIn(c, c.center.staffKey)).cookie);
    c.clock.t += 11 * HOUR;
    expect(await fleet(c, cookie)).toBe(200);
    c.clock.t += 1 * HOUR;
    expect(await fleet(c, cookie)).toBe(401);
  });

  it('is kept in the center\'s storage: a restarted center still knows it', async () => {
    c = await startTestCenter();
    const cookie = cookieOf((await signIn(c, c.center.staffKey)).cookie);
    const { dataDir, clock } = c;
    await c.close();
    c = await startTestCenter({ dataDir, clock });
    expect(await fleet(c, cookie)).toBe(200);
  });

  it('signing out revokes only that session; "sign out everywhere" revokes them all', async () => {
    c = await startTestCenter();
    const a = cookieOf((await signIn(c, c.center.staffKey)).cookie);
    const b = cookieOf((await signIn(c, c.center.staffKey)).cookie);
    const out = await fetch(`${c.center.url}/v1/staff/session`, { method: 'DELETE', headers: { cookie: a } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await fleet(c, a)).toBe(401);
    expect(await fleet(c, b)).toBe(200);
    const all = await fetch(`${c.center.url}/v1/staff/sessions/revoke`, { method: 'POST', headers: { cookie: b, 'content-type': 'application/json' }, body: '{}' });
    expect(all.status).toBe(200);
    expect(await fleet(c, b)).toBe(401);
  });
});
