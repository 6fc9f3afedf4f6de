/**
 * Home visits on the center's pages in Debian's Chromium against a real center: a robot's request
 * appears on /visits for signed-in staff (full address and phone), is scheduled and completed
 * there; the citizen's /v/<token> page follows each state in the visitor's language with the
 * phone masked and no address; a second tab's stale action is told as a sentence; no raw code
 * or id on either page in five languages, and the status page fits a phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../src/contract/version';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { bearer, startTestCenter, type TestCenter } from '../integration/center/harness';
import { PHONE, STREET, visitRequest } from '../integration/center/home-visit-fixtures';
import { catalogIds, centerPagesInChromium, rawTextProblems, screenshot, signIn } from '../support/center-pages';

const PHONE_VIEW = { width: 390, height: 844 };
const words = (lang: Language, ns: 'center' | 'errors') => JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', lang, `${ns}.json`), 'utf8'));

describe('home visit pages in Chromium', () => {
  let c: TestCenter | undefined;
  const open = centerPagesInChromium({ current: () => c, closed: () => (c = undefined) });
  afterEach(() => {
    robotToken = undefined;
  });

  let robotToken: string | undefined;
  async function request(language: Language = 'ko') {
    robotToken ??= (await c!.enrol('robot-a')).token;
    const r = await c!.call('POST', '/v1/home-visits', visitRequest({ language }), bearer(robotToken));
    expect(r.status).toBe(201);
    return { visitId: r.body.visit.visitId as string, path: new URL(r.body.statusUrl).pathname };
  }

  it('requested at a robot, scheduled and completed on /visits; the status page follows in the visitor\'s language', async () => {
    c = await startTestCenter();
    const { visitId, path } = await request('ko');
    const ko = words('ko', 'center');

    const citizen = await open(path, { viewport: PHONE_VIEW });
    await citizen.waitForFunction((s) => document.getElementById('status')?.textContent === s, ko.visit.status.requested);
    expect(await citizen.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await citizen.textContent('#phone')).toBe('09•••••678');
    expect(await citizen.textContent('#next')).toBe(ko.visit.next.requested);
    const shown = (await citizen.evaluate(() => document.body.innerText));
    expect([PHONE, STREET, '12A', 'Nguyễn Văn An'].filter((s) => shown.includes(s))).toEqual([]);

    const staff = await open('/visits', { lang: 'en' });
    await signIn(staff, c.center.staffKey);
    const card = staff.locator(`[data-visit="${visitId}"]`);
    await card.waitFor();
    expect(await card.locator('.address').textContent()).toBe(`12A ${STREET}, Phường Bến Thành`);
    expect(await card.locator('.phone').textContent()).toBe(PHONE);
    expect(await card.locator('[data-status]').textContent()).toBe('New request');
    await card.locator('input[name=day]').fill('2026-12-02');
    await card.locator('input[name=time]').fill('14:30');
    await card.locator('input[name=staff]').fill('Trần Thị Bình');
    await card.locator('form button[type=submit]').click();
    await staff.waitForFunction((id) => document.querySelector(`[data-visit="${id}"] [data-status]`)?.getAttribute('data-status') === 'scheduled', visitId);
    expect(await card.locator('.when').textContent()).toBe('Wednesday 2 December at 14:30 · Trần Thị Bình');
    expect(await rawTextProblems(staff, catalogIds(DEMO_CATALOG))).toEqual([]);
    await screenshot(staff, 'visits-scheduled-en');

    await citizen.reload();
    await citizen.waitForFunction((s) => document.getElementById('status')?.textContent === s, ko.visit.status.scheduled);
    expect(await citizen.textContent('#when')).toContain('14:30');
    expect(await citizen.textContent('#when')).not.toContain('Trần Thị Bình');
    await screenshot(citizen, 'visit-scheduled-ko');

    // a second tab still shows the visit as scheduled while the first marks it done
    const stale = await open('/visits', { lang: 'en' });
    await signIn(stale, c.center.staffKey);
    await stale.locator(`[data-visit="${visitId}"] [data-action="cancel"]`).waitFor();
    await card.locator('[data-action="done"]').click();
    await staff.waitForFunction((id) => document.querySelector(`[data-visit="${id}"] [data-status]`)?.getAttribute('data-status') === 'done', visitId);
    await stale.click(`[data-visit="${visitId}"] [data-action="cancel"]`);
    await stale.locator('#msg .error').waitFor();
    expect(await stale.textContent('#msg')).toBe(words('en', 'errors').HOME_VISIT_STATE_CONFLICT);
    await stale.waitForFunction((id) => document.querySelector(`[data-visit="${id}"] [data-status]`)?.getAttribute('data-status') === 'done', visitId);

    await citizen.reload();
    await citizen.waitForFunction((s) => document.getElementById('status')?.textContent === s, ko.visit.status.done);
    // the visitor switches to English
    await citizen.selectOption('.language select', 'en');
    await citizen.waitForFunction(() => document.getElementById('status')?.textContent === 'The home visit has taken place');

    await staff.selectOption('#filter', 'requested');
    await staff.locator('#empty').waitFor();
    await staff.selectOption('#filter', 'done');
    await card.waitFor();
  }, 120_000);

  it('shows no raw code or id on /visits and /v/<token> in five languages, fits a phone, and an unknown link is a sentence', async () => {
    c = await startTestCenter();
    const ids = catalogIds(DEMO_CATALOG);
    const visits = [];
    for (const lang of LANGUAGES) visits.push({ lang, ...(await request(lang)) });
    for (const { lang, path } of visits) {
      const center = words(lang, 'center');
      const citizen = await open(path, { viewport: PHONE_VIEW });
      await citizen.waitForFunction((s) => document.getElementById('status')?.textContent === s, center.visit.status.requested);
      const fits = await citizen.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect({ lang, fits }).toEqual({ lang, fits: true });
      expect({ page: `visit/${lang}`, found: await rawTextProblems(citizen, ids) }).toEqual({ page: `visit/${lang}`, found: [] });
      await screenshot(citizen, `visit-requested-${lang}`);

      const missing = await open(`/v/${'x'.repeat(32)}`, { lang, viewport: PHONE_VIEW });
      await missing.locator('#msg').waitFor();
      expect({ lang, text: await missing.textContent('#msg') }).toEqual({ lang, text: words(lang, 'errors').HOME_VISIT_NOT_FOUND });
      expect({ page: `visit-missing/${lang}`, found: await rawTextProblems(missing, ids) }).toEqual({ page: `visit-missing/${lang}`, found: [] });

      const staff = await open('/visits', { lang });
      await signIn(staff, c.center.staffKey);
      await staff.locator('[data-visit]').nth(LANGUAGES.length - 1).waitFor();
      expect({ page: `visits/${lang}`, found: await rawTextProblems(staff, ids) }).toEqual({ page: `visits/${lang}`, found: [] });
      await screenshot(staff, `visits-${lang}`);
      await staff.setViewportSize(PHONE_VIEW);
      const staffFits = await staff.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect({ lang, staffFits }).toEqual({ lang, staffFits: true });
      for (const p of [citizen, missing, staff]) await p.context().close();
    }
    // 15 pages read: the deadline only ends a hung walk (a loaded 2-core machine took over 180 s)
  }, 600_000);
});
