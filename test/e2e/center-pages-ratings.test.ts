/**
 * Satisfaction ratings in Debian's Chromium against a real center (issue 18 point 2): the phone page
 * asks once its ticket is completed at a counter, and thanks from then on; the counter's rating
 * tablet (/rate/<counterId>) receives the ticket its counter just completed, live, in the ticket's
 * language, and goes back to waiting after the rating or when nobody rates. Both pass the layout and language checks:
 * five languages, portrait and landscape, normal and large text, no raw code or id.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../../src/contract/version';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { bearer, MONDAY_9AM, startTestCenter, ticketChange, type TestCenter } from '../integration/center/harness';
import { catalogIds, centerPagesInChromium, rawTextProblems, screenshot, signIn } from '../support/center-pages';

const PHONE = { width: 390, height: 844 };
const PHONE_LANDSCAPE = { width: 844, height: 390 };
const TABLET = { width: 800, height: 1280 };
const TABLET_LANDSCAPE = { width: 1280, height: 800 };

describe('ratings on the center pages in Chromium', () => {
  let c: TestCenter | undefined;
  const open = centerPagesInChromium({ current: () => c, closed: () => (c = undefined) });

  let token = '';
  async function seed(languages: Language[]) {
    ({ token } = await c!.enrol('robot-a'));
    const tickets = languages.map((language, i) => {
      const t = ticketChange({ number: i + 1, issuedAt: MONDAY_9AM + i * 60_000 });
      t.ticket.language = language;
      return t;
    });
    await c!.call('POST', '/v1/tickets/batch', { changes: tickets }, bearer(token));
    return tickets.map((t) => t.ticket.id);
  }

  const ratings = () => {
    const db = new Database(join(c!.dataDir, 'center.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT ticket_id, score, reasons, comment, source, counter_id, staff_session FROM ratings ORDER BY created_at_ms').all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  /** Fits its viewport's width, the three choices side by side or stacked without overlap, no raw code or id. */
  async function layoutProblems(page: Page): Promise<string[]> {
    const found = await rawTextProblems(page, catalogIds(DEMO_CATALOG));
    const geometry = await page.evaluate(() => {
      const out: string[] = [];
      if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page wider than the screen: ${document.documentElement.scrollWidth}`);
      const boxes = [...document.querySelectorAll('[data-score]')].map((b) => b.getBoundingClientRect());
      if (boxes.length !== 3) out.push(`choices: ${boxes.length}`);
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push('choices overlap');
      }));
      for (const el of document.querySelectorAll<HTMLElement>('[data-score], .reason span, #rating-send, #rate-ticket')) {
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') out.push(`clipped: ${el.textContent}`);
        const r = el.getBoundingClientRect();
        if (r.right > window.innerWidth + 1 || r.left < 0) out.push(`off screen: ${el.textContent}`);
      }
      return out;
    });
    return [...found, ...geometry];
  }

  it('phone page: once the counter completes the ticket, asks how the service was, takes one rating, then thanks', async () => {
    c = await startTestCenter();
    const [id] = await seed(['vi']);
    const phone = await open(`/t/${id}?lang=en`, { viewport: PHONE });
    await phone.locator('#status').waitFor();
    expect(await phone.locator('#rating').count()).toBe(0);

    const counter = await open('/counter?lang=vi');
    await signIn(counter, c.center.staffKey);
    await counter.click('#call-next');
    await counter.waitForFunction(() => document.getElementById('current')?.textContent === 'A001');
    await counter.click('#complete');

    await phone.locator('#rating').waitFor(); // live: the stream's ticket.served, no reload
    expect(await phone.textContent('#rating h2')).toBe('How was your service?');
    await phone.click('[data-score="not-satisfied"]');
    await phone.check('[data-reason="waited-too-long"]');
    await phone.fill('#rating-comment', 'Too slow at lunch time');
    await screenshot(phone, 'phone-rating-en');
    await phone.click('#rating-send');
    await phone.locator('#rating-thanks').waitFor();
    expect(await phone.textContent('#rating-thanks')).toBe('Thank you for your rating!');
    const [row] = ratings();
    expect(row).toMatchObject({ ticket_id: id, score: 'not-satisfied', reasons: '["waited-too-long"]', comment: 'Too slow at lunch time', source: 'phone', counter_id: 'counter-1' });
    expect(row!.staff_session).toMatch(/^[0-9a-f]{64}$/); // the counter page's sign-in completed it

    // once per ticket: a reload (or the QR scanned again) thanks instead of asking
    await phone.reload();
    await phone.locator('#rating-thanks').waitFor();
    expect(await phone.locator('#rating').count()).toBe(0);
  }, 90_000);

  it('/rate tablet: waits, receives the ticket its counter just completed in the ticket\'s language, takes the rating, waits again', async () => {
    c = await startTestCenter();
    const [first, second, third] = await seed(['ko', 'vi', 'ja']);
    const tablet = await open('/rate/counter-1?lang=vi', { viewport: TABLET, clock: { time: MONDAY_9AM } });
    // "waiting" only once the tablet listens: while the board (where the stream starts) is held
    // back, no waiting line, so a ticket completed right after it appears cannot be missed
    let releaseBoard!: () => void;
    const boardReleased = new Promise<void>((r) => (releaseBoard = r));
    let boardWasAsked!: () => void;
    const boardAsked = new Promise<void>((r) => (boardWasAsked = r));
    await tablet.route(/\/v1\/board(\?|$)/, async (route) => {
      boardWasAsked();
      await boardReleased;
      await route.continue();
    });
    await signIn(tablet, c.center.staffKey);
    await boardAsked;
    expect(await tablet.locator('#rate-waiting').count()).toBe(0);
    expect(await tablet.locator('#rate-loading').textContent()).toBe('Đang tải…'); // says so meanwhile, in its language
    releaseBoard();
    await tablet.locator('#rate-waiting').waitFor();

    await c.staff('POST', '/v1/counters/counter-1/call-next');
    await c.staff('POST', '/v1/counters/counter-1/complete');
    await tablet.waitForFunction(() => document.getElementById('rate-ticket')?.textContent === '번호 A001' && document.documentElement.lang === 'ko');
    await screenshot(tablet, 'rate-ticket-ko');
    await tablet.click('[data-score="very-satisfied"]');
    await tablet.check('[data-reason="friendly-staff"]');
    await tablet.click('#rating-send');
    await tablet.locator('#rating-thanks').waitFor();
    expect(ratings()).toEqual([expect.objectContaining({ ticket_id: first, score: 'very-satisfied', reasons: '["friendly-staff"]', source: 'counter', counter_id: 'counter-1' })]);
    // the thanks stay a few seconds, then the tablet waits for the next citizen
    await tablet.clock.fastForward(7_000);
    expect(await tablet.locator('#rating-thanks').count()).toBe(1);
    await tablet.clock.fastForward(2_000);
    await tablet.locator('#rate-waiting').waitFor();

    // another counter's citizen never appears here; this counter's next one replaces the thanks
    // (every number the tablet shows is recorded, so a flash of the other counter's ticket fails)
    await tablet.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { shownNumbers: string[] }).shownNumbers = seen;
      new MutationObserver(() => {
        const text = document.getElementById('rate-ticket')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await c.staff('POST', '/v1/counters/counter-2/call-next');
    await c.staff('POST', '/v1/counters/counter-2/complete');
    await c.staff('POST', '/v1/counters/counter-1/call-next');
    await c.staff('POST', '/v1/counters/counter-1/call-next'); // completes the one it called, calls none
    // the ticket's language arrives with its status, a moment after the number: wait for both
    await tablet.waitForFunction(() => document.getElementById('rate-ticket')?.textContent === '番号 A003' && document.documentElement.lang === 'ja');
    const shown = await tablet.evaluate(() => (window as unknown as { shownNumbers: string[] }).shownNumbers);
    expect(shown.filter((text) => text.includes('A002'))).toEqual([]);
    expect(shown[shown.length - 1]).toBe('番号 A003');
    // nobody rates it: after a while the tablet waits again, and the ticket stays unrated
    await tablet.clock.fastForward(89_000);
    expect(await tablet.locator('#rate-ticket').count()).toBe(1);
    await tablet.clock.fastForward(2_000);
    await tablet.locator('#rate-waiting').waitFor();
    expect(ratings()).toHaveLength(1);
    expect((await c.call('GET', `/v1/tickets/${second}/status`)).body).toMatchObject({ status: 'served', counterId: 'counter-2' });
    expect(third).toBeDefined();
  }, 90_000);

  it('both rating pages pass the layout and language checks: five languages, portrait and landscape, normal and large text', async () => {
    c = await startTestCenter();
    const ids = await seed([...LANGUAGES]);
    for (let i = 0; i < ids.length; i++) {
      await c.staff('POST', '/v1/counters/counter-1/call-next');
      await c.staff('POST', '/v1/counters/counter-1/complete');
    }
    const problems: Record<string, string[]> = {};
    // one page per language and text size, checked in both orientations by turning the viewport,
    // as a tablet or phone turned in the hand would (the page re-lays itself out; no reload)
    const orientations = (portrait: { width: number; height: number }, landscape: { width: number; height: number }) =>
      [['portrait', portrait], ['landscape', landscape]] as const;
    for (const [i, lang] of LANGUAGES.entries()) {
      for (const largeText of [false, true]) {
        const phone = await open(`/t/${ids[i]}`, { viewport: PHONE, largeText });
        await phone.waitForFunction((l) => document.documentElement.lang === l && document.getElementById('rating') !== null, lang);
        await phone.click('[data-score="satisfied"]'); // reasons and comment appear
        await phone.locator('#rating-send').waitFor();
        for (const [orientation, viewport] of orientations(PHONE, PHONE_LANDSCAPE)) {
          await phone.setViewportSize(viewport);
          const name = `phone-rating-${lang}-${orientation}${largeText ? '-large' : ''}`;
          problems[name] = await layoutProblems(phone);
          if (orientation === 'portrait' && (lang === 'vi' || lang === 'ja')) await screenshot(phone, name);
        }
        await phone.context().close();
      }
    }
    // the tablet shows a completed ticket of its counter; a fresh one per language and text size
    for (const lang of LANGUAGES) {
      for (const largeText of [false, true]) {
        const tablet = await open(`/rate/counter-1?lang=${lang}`, { viewport: TABLET, largeText });
        await signIn(tablet, c.center.staffKey);
        await tablet.locator('#rate-waiting').waitFor();
        for (const [orientation, viewport] of orientations(TABLET, TABLET_LANDSCAPE)) {
          await tablet.setViewportSize(viewport);
          problems[`rate-waiting-${lang}-${orientation}${largeText ? '-large' : ''}`] = await rawTextProblems(tablet, catalogIds(DEMO_CATALOG));
        }
        const [id] = await seedMore(lang);
        await c.staff('POST', '/v1/counters/counter-1/call-next');
        await c.staff('POST', '/v1/counters/counter-1/complete');
        await tablet.locator('#rate-ticket').waitFor();
        await tablet.click('[data-score="not-satisfied"]');
        await tablet.locator('#rating-send').waitFor();
        for (const [orientation, viewport] of orientations(TABLET, TABLET_LANDSCAPE)) {
          await tablet.setViewportSize(viewport);
          const name = `rate-ticket-${lang}-${orientation}${largeText ? '-large' : ''}`;
          problems[name] = await layoutProblems(tablet);
          if (largeText && orientation === 'landscape' && (lang === 'zh' || lang === 'en')) await screenshot(tablet, name);
        }
        expect(id).toBeDefined();
        await tablet.context().close();
      }
    }
    // every combination was looked at: 5 languages x 2 text sizes x 2 orientations, phone + tablet waiting + tablet ticket
    expect(Object.keys(problems)).toHaveLength(LANGUAGES.length * 2 * 2 * 3);
    expect(Object.entries(problems).filter(([, p]) => p.length > 0)).toEqual([]);
  }, 300_000);

  let extra = 100;
  async function seedMore(language: Language): Promise<string[]> {
    const t = ticketChange({ number: extra++, issuedAt: MONDAY_9AM });
    t.ticket.language = language;
    await c!.call('POST', '/v1/tickets/batch', { changes: [t] }, bearer(token));
    return [t.ticket.id];
  }
});
