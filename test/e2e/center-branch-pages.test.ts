/**
 * A city's center serves each ward's pages under /b/<branch-id>/ (issue 19), in Debian's Chromium:
 * a ward's counter page signs in with that ward's key and calls that ward's tickets, its lobby
 * display follows over that ward's stream, and another ward's display and key see none of it.
 */
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { bearer, startTestCenter, ticketChange, type TestCenter } from '../integration/center/harness';
import { centerPagesInChromium, signIn } from '../support/center-pages';

const KEYS = { 'p-ben-nghe': 'staff-key-ben-nghe-000000000000', 'p-ben-thanh': 'staff-key-ben-thanh-00000000000' };

describe('branch pages in Chromium', () => {
  let c: TestCenter | undefined;
  const open = centerPagesInChromium({ current: () => c, closed: () => (c = undefined) });

  it("a ward's counter and display pages work on that ward only", async () => {
    c = await startTestCenter({ adminKey: 'city-admin-key-0000000000000000', branches: Object.entries(KEYS).map(([id, staffKey]) => ({ id, catalog: DEMO_CATALOG, staffKey })) });
    const code = await c.call('POST', '/v1/admin/enrolment-codes', {}, `Staff ${KEYS['p-ben-thanh']}`);
    const enrolled = await c.call('POST', '/v1/enrol', { code: code.body.code, robotId: 'robot-1', version: 'test' });
    await c.call('POST', '/v1/tickets/batch', { changes: [ticketChange({ number: 1 })] }, bearer(enrolled.body.device.token));

    const mine = await open('/b/p-ben-thanh/display', { lang: 'vi' });
    const other = await open('/b/p-ben-nghe/display', { lang: 'vi' });
    for (const d of [mine, other]) await d.waitForFunction((n) => document.querySelectorAll('#counters .card').length === n, DEMO_CATALOG.counters.length);

    const wrong = await open('/b/p-ben-nghe/counter', { lang: 'vi' });
    await wrong.locator('#staff-key').fill(KEYS['p-ben-thanh']);
    await wrong.locator('.sign-in button[type=submit]').click();
    // the other ward's key is refused, in words (the message of CENTER_STAFF_UNAUTHORIZED)
    await wrong.waitForFunction(() => document.querySelector('.sign-in .error')?.textContent?.includes('mã cán bộ'));

    const counter = await open('/b/p-ben-thanh/counter', { lang: 'vi' });
    await signIn(counter, KEYS['p-ben-thanh']);
    await counter.waitForFunction((n) => document.querySelectorAll('#counter option').length === n, DEMO_CATALOG.counters.length);
    await counter.click('#call-next');
    await counter.waitForFunction(() => document.getElementById('current')?.textContent === 'A001');
    await mine.waitForFunction(() => document.getElementById('latest')?.textContent?.includes('A001'));
    expect(await other.evaluate(() => document.body.textContent ?? '')).not.toContain('A001');
  });
});
