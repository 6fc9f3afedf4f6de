/**
 * The center's pages (Preact bundles) in Debian's Chromium against a real center: staff sign in
 * through a form, not a prompt; a call made on the counter page reaches the lobby display and the
 * phone page; no page shows a raw code or id, in any of the five languages; the phone page speaks
 * the ticket's language and fits a 390×844 phone; times are on the center's clock.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WaitStrings } from '../../src/contract/wait';
import { LANGUAGES, type Language } from '../../src/contract/version';
import { sayWait, statusWait } from '../../src/core/queue/wait-text';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { bearer, MONDAY_9AM, startTestCenter, ticketChange, type TestCenter } from '../integration/center/harness';
import { catalogIds, centerPagesInChromium, rawTextProblems, screenshot, signIn } from '../support/center-pages';
import { SCREENS } from '../support/screens';

const PHONE = { width: 390, height: 844 };
const waitWords = (lang: Language) => WaitStrings.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', lang, 'wait.json'), 'utf8')));

describe('center pages in Chromium', () => {
  let c: TestCenter | undefined;
  const open = centerPagesInChromium({ current: () => c, closed: () => (c = undefined) });

  async function seed(languages: string[] = ['vi', 'vi', 'vi']) {
    const { token } = await c!.enrol('robot-a');
    const tickets = languages.map((language, i) => {
      const t = ticketChange({ number: i + 1, issuedAt: MONDAY_9AM + i * 60_000 });
      t.ticket.language = language as 'vi';
      return t;
    });
    await c!.call('POST', '/v1/tickets/batch', { changes: tickets }, bearer(token));
    return { token, tickets };
  }

  it('counter: signs in through a form, calls next; the display and the phone page follow; a reload stays signed in', async () => {
    c = await startTestCenter();
    const { tickets } = await seed();
    const display = await open('/display');
    await display.waitForFunction((n) => document.querySelectorAll('#counters .card').length === n, DEMO_CATALOG.counters.length);

    const counter = await open('/counter', { lang: 'vi' });
    const urls: string[] = [];
    counter.on('request', (r) => urls.push(r.url()));
    await signIn(counter, c.center.staffKey);
    await counter.waitForFunction((n) => document.querySelectorAll('#counter option').length === n, DEMO_CATALOG.counters.length);
    await counter.click('#call-next');
    await counter.waitForFunction(() => document.getElementById('current')?.textContent === 'A001');
    await display.waitForFunction(() => document.getElementById('latest')?.textContent?.includes('Số A001 mời đến Quầy 1'));

    const phone = await open(`/t/${tickets[2]!.ticket.id}`, { viewport: PHONE });
    // the same words as the touchscreen and the paper, for the same figures (core's sayWait)
    const said = sayWait(statusWait((await c.call('GET', `/v1/tickets/${tickets[2]!.ticket.id}/status`)).body)!, waitWords('vi'));
    expect(said.ahead).toBe('Số người đang chờ trước quý vị: 1');
    await phone.waitForFunction((text) => document.getElementById('ahead')?.textContent === text, said.ahead);
    expect(await phone.textContent('#display')).toBe('A003');
    expect(await phone.textContent('#wait')).toBe(said.wait);
    expect(await phone.textContent('#service')).toBe('Đăng ký khai sinh');

    await counter.reload();
    await counter.waitForFunction(() => document.getElementById('current')?.textContent === 'A001');
    expect(await counter.locator('.sign-in').count()).toBe(0);
    expect(await counter.evaluate(() => document.cookie)).toBe(''); // signed in, yet no script can read the session
    await counter.click('#sign-out');
    await counter.locator('#staff-key').waitFor();
    // the key went once, in a POST body: never in an address, never readable by the page afterwards
    expect(urls.filter((u) => u.includes(c!.center.staffKey))).toEqual([]);
  }, 90_000);

  it('shows no raw code or catalog id on any center page, in five languages', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const ids = catalogIds(DEMO_CATALOG);
    await c.call('POST', '/v1/staff-calls/batch', { calls: [{ id: randomUUID(), robotId: 'robot-a', reason: 'printer-failed', language: 'ja', ticketDisplay: 'A042', calledAt: new Date(MONDAY_9AM).toISOString() }] }, bearer(token));
    const beat = await c.call('POST', '/v1/heartbeat', { version: '1.0.0', uptimeSeconds: 5, outboxLength: 0, robotTime: MONDAY_9AM, parts: { printer: { state: 'fault', code: 'PRINTER_PAPER_OUT' }, 'scanner:front': { state: 'ok' }, store: { state: 'ok' } } }, bearer(token));
    expect(beat.status).toBe(200);
    for (const lang of LANGUAGES) {
      const counter = await open('/counter', { lang });
      await signIn(counter, c.center.staffKey);
      await counter.locator('[data-ack]').waitFor();
      // nobody waits: the refusal must be a sentence, not CENTER_QUEUE_EMPTY
      await counter.click('#call-next');
      await counter.locator('#msg .error').waitFor();
      const pages: [string, Page][] = [['counter', counter]];
      const fleet = await open('/fleet', { lang });
      await fleet.locator('#staff-key').waitFor();
      expect({ page: `sign-in/${lang}`, found: await rawTextProblems(fleet, ids) }).toEqual({ page: `sign-in/${lang}`, found: [] });
      if (lang === 'vi' || lang === 'ko') await screenshot(fleet, `sign-in-${lang}`);
      await signIn(fleet, c.center.staffKey);
      await fleet.locator('#rows tr').first().waitFor();
      await fleet.click('#code');
      await fleet.locator('#newcode').waitFor();
      const enrolmentCode = (await fleet.getAttribute('#newcode', 'data-code'))!;
      expect(enrolmentCode).toMatch(/^[A-Z2-9]{8}$/);
      pages.push(['fleet', fleet]);
      const display = await open('/display', { lang });
      await display.locator('#counters .card').first().waitFor();
      await display.waitForFunction(() => (document.querySelector('#counters .card')?.textContent?.length ?? 0) > 8);
      pages.push(['display', display]);
      const missing = await open(`/t/${randomUUID()}`, { lang, viewport: PHONE });
      await missing.locator('#msg').waitFor();
      pages.push(['phone-missing', missing]);
      const home = await open('/', { lang });
      await home.locator('nav a').first().waitFor();
      pages.push(['index', home]);
      for (const [name, page] of pages) {
        const found = await rawTextProblems(page, ids, name === 'fleet' ? [enrolmentCode] : []);
        expect({ page: `${name}/${lang}`, found }).toEqual({ page: `${name}/${lang}`, found: [] });
        if (SCREENS && (lang === 'vi' || lang === 'en' || lang === 'ko')) {
          await screenshot(page, `${name}-${lang}`);
          await page.setViewportSize(PHONE);
          await screenshot(page, `${name}-${lang}-phone`);
        }
        await page.context().close();
      }
    }
    // 25 pages signed in and read: the deadline only ends a hung walk (a loaded 2-core machine took over 180 s)
  }, 600_000);

  it('the phone page speaks the ticket\'s language, can switch, fits a 390×844 phone and names the counter once called', async () => {
    c = await startTestCenter();
    const { tickets } = await seed([...LANGUAGES]);
    for (const [i, lang] of LANGUAGES.entries()) {
      const phone = await open(`/t/${tickets[i]!.ticket.id}`, { viewport: PHONE });
      await phone.waitForFunction((l) => document.documentElement.lang === l && document.getElementById('service') !== null, lang);
      const service = DEMO_CATALOG.services.find((s) => s.id === 'birth-registration')!.name[lang];
      expect({ lang, service: await phone.textContent('#service') }).toEqual({ lang, service });
      const fits = await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect({ lang, fits }).toEqual({ lang, fits: true });
      await screenshot(phone, `phone-waiting-${lang}`);
      await phone.context().close();
    }
    // the Chinese visitor switches to English, then the counter calls their number
    const zh = await open(`/t/${tickets[2]!.ticket.id}`, { viewport: PHONE });
    await zh.waitForFunction(() => document.documentElement.lang === 'zh');
    await zh.selectOption('.language select', 'en');
    await zh.waitForFunction(() => document.getElementById('service')?.textContent === 'Birth registration');
    for (let n = 0; n < 3; n++) await c.staff('POST', '/v1/counters/counter-1/call-next');
    await zh.waitForFunction(() => document.getElementById('counter')?.textContent === 'Counter 1');
    expect(await zh.textContent('#status')).toBe('Please go to Counter 1');
    await screenshot(zh, 'phone-called-en');
  }, 120_000);

  it('shows times on the center\'s clock in the reader\'s locale, whatever zone the browser is in', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    // 09:11 in Ha Noi is 21:11 the day before in New York
    c.clock.t = MONDAY_9AM + 11 * 60_000;
    await c.call('POST', '/v1/staff-calls/batch', { calls: [{ id: randomUUID(), robotId: 'robot-a', reason: 'help', language: 'en', calledAt: new Date(MONDAY_9AM + 11 * 60_000).toISOString() }] }, bearer(token));
    const counter = await open('/counter', { lang: 'en', timezoneId: 'America/New_York', locale: 'en-US' });
    await signIn(counter, c.center.staffKey);
    await counter.locator('[data-ack]').waitFor();
    const line = await counter.textContent('#calls');
    expect(line).toContain('09:11');
    expect(line).not.toMatch(/AM|PM|21:11/);
  }, 60_000);

  it('counter page marks print-uncertain tickets, staff settle them there, the phone page never says "being printed"', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const uncertain = [7, 8].map((n) => ({ ...ticketChange({ number: n, state: 'printing', issuedAt: MONDAY_9AM + n * 60_000 }), attention: 'QUEUE_PRINT_OUTCOME_UNKNOWN' }));
    await c.call('POST', '/v1/tickets/batch', { changes: uncertain }, bearer(token));
    const [kept, voided] = uncertain.map((u) => u.ticket.id) as [string, string];

    const phone = await open(`/t/${kept}`, { lang: 'en', viewport: PHONE });
    await phone.locator('#status').waitFor();
    expect(await phone.textContent('#status')).toBe('Waiting for your turn');

    const counter = await open('/counter', { lang: 'en' });
    await signIn(counter, c.center.staffKey);
    await counter.waitForFunction(() => /A007[^]*A008/.test(document.getElementById('uncertain')?.textContent ?? ''));
    expect(await rawTextProblems(counter, catalogIds(DEMO_CATALOG))).toEqual([]);
    await screenshot(counter, 'counter-uncertain-en');
    await counter.click(`[data-settle="${voided}"][data-outcome="void"]`);
    await counter.waitForFunction(() => document.getElementById('uncertain')?.textContent?.includes('A008') === false);
    expect((await c.call('GET', `/v1/tickets/${voided}/status`)).body.status).toBe('voided');
    // called while still uncertain: the counter is told to check the visitor's sheet
    await counter.click('#call-next');
    await counter.waitForFunction(() => document.getElementById('current')?.textContent === 'A007');
    await counter.locator('#current-uncertain').waitFor();
    await counter.click(`[data-settle="${kept}"][data-outcome="callable"]`);
    await counter.waitForFunction(() => document.querySelector('#uncertain [data-settle]') === null);
    expect(await phone.textContent('#status')).not.toContain('printed');
  }, 60_000);

  it('the fleet page shows a refused identity takeover and a re-enrolment, on the center\'s clock', async () => {
    c = await startTestCenter();
    await c.enrol('robot-a');
    c.clock.t = MONDAY_9AM + 11 * 60_000;
    const unbound = (await c.staff('POST', '/v1/admin/enrolment-codes', {})).body.code as string;
    const attempt = await c.call('POST', '/v1/enrol', { code: unbound, robotId: 'robot-a', version: '1' });
    expect(attempt.status).toBe(409);
    c.clock.t = MONDAY_9AM + 12 * 60_000;
    const bound = (await c.staff('POST', '/v1/admin/enrolment-codes', { robotId: 'robot-a' })).body.code as string;
    expect((await c.call('POST', '/v1/enrol', { code: bound, robotId: 'robot-a', version: '1' })).status).toBe(201);
    const fleet = await open('/fleet', { lang: 'en', timezoneId: 'America/New_York', locale: 'en-US' });
    await signIn(fleet, c.center.staffKey);
    await fleet.locator('#rows .enrolment .refused').waitFor();
    const cell = (await fleet.textContent('#rows .enrolment'))!;
    expect(cell).toContain('Refused identity takeovers: 1');
    expect(cell).toContain('09:11');
    expect(cell).toContain('Re-enrolled: 1');
    expect(cell).toContain('09:12');
    expect(cell).not.toMatch(/AM|PM|21:1/);
    expect(await rawTextProblems(fleet, catalogIds(DEMO_CATALOG))).toEqual([]);
    await screenshot(fleet, 'fleet-enrolment-en');
  }, 60_000);
});
