import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../../src/contract';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { launchChromium } from '../support/browser';
import { LANDSCAPE, PORTRAIT } from '../support/kiosk';
import { layoutProblems, rawCodes } from '../support/layout';
import { ROOT, startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { SCREENS } from '../support/screens';

/**
 * Every screen a visitor can reach from idle, in the five languages, portrait and landscape, normal
 * and large text: every control on screen and tappable at its centre, no text spilling out of its
 * box, no raw code or id. Screenshots only when asked (support/screens): SCREENS=1 to
 * test-artifacts/screens/, UPDATE_SCREENS=1 to docs/screens/ for the README (their clocks differ each run).
 */
const SCREENSHOTS = process.env.UPDATE_SCREENS === '1' ? join(ROOT, 'docs', 'screens') : join(ROOT, 'test-artifacts', 'screens');
const SHOT_LANGUAGES: readonly Language[] = ['vi', 'en', 'ko'];
const SHOT_SCREENS = new Set(['idle', 'home', 'search-results', 'ticket', 'dossier-result', 'home-closed', 'booking-time', 'booking-phone', 'booking-consent', 'home-visit-address']);
const IDS = [...DEMO_CATALOG.services.map((s) => s.id), ...DEMO_CATALOG.fields.map((f) => f.id), ...DEMO_CATALOG.counters.map((c) => c.id)];

/** What each visitor types on the search screen's keyboard (the keys' data-key), in their own script. */
export const QUERY_KEYS: Record<Language, string[]> = {
  vi: [...'KHAI'],
  en: [...'BIRTH'],
  zh: [...'CHUS'],
  ko: ['ㅊ', 'ㅜ', 'ㄹ'],
  ja: ['し', 'ゅ'],
};

/** Walks at once on the closed center: one browser, a few pages. */
const WALKERS = 2;

/** Runs the walks on a few pages opened one after the other and reused (each walk ends on the idle screen). */
async function onPages<T, R>(pages: readonly Page[], items: readonly T[], run: (page: Page, item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (page: Page) => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(page, items[i]!);
    }
  };
  await Promise.all(pages.map(worker));
  return results;
}

function robotConfig(id: string, at: string): string {
  return writeConfig(tempDir(), { profile: 'simulator', robotId: id, printer: { adapter: 'simulator', statusPollMs: 0 }, queue: { simulatedClockStart: at } });
}

describe('every touchscreen screen fits, is tappable and shows no code (5 languages, portrait and landscape, normal and large text)', () => {
  let browser: Browser;
  let open: RobotProcess;
  let closed: RobotProcess;
  beforeAll(async () => {
    [browser, open, closed] = await Promise.all([
      launchChromium(),
      startRobot(['--config', robotConfig('robot-layout', '2026-11-30T08:20:00+07:00')]), // a Monday morning
      startRobot(['--config', robotConfig('robot-layout-closed', '2026-11-29T10:00:00+07:00')]), // a Sunday
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([open?.stop(), closed?.stop()]);
  });

  /**
   * Checks the screen in both orientations, the page's own first, and returns what is wrong, each
   * problem named by where it was seen. The page stays in the second, so the walk goes on in
   * portrait and landscape alike and each screen costs Chromium one resize instead of two.
   */
  async function check(page: Page, where: string, screen: string, shoot: boolean): Promise<string[]> {
    const found: string[] = [];
    const { width, height } = page.viewportSize()!;
    const first = height > width ? PORTRAIT : LANDSCAPE;
    for (const viewport of first === PORTRAIT ? [PORTRAIT, LANDSCAPE] : [LANDSCAPE, PORTRAIT]) {
      if (viewport !== first) await page.setViewportSize(viewport);
      const orientation = viewport === PORTRAIT ? 'portrait' : 'landscape';
      // two frames: layout and paint settle after a resize or a screen change
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const at = `${where} ${screen} ${orientation}`;
      found.push(...(await layoutProblems(page)).map((p) => `${at}: ${p.kind} ${p.what}`));
      found.push(...(await rawCodes(page, IDS)).map((c) => `${at}: raw code "${c}"`));
      if (SCREENS && shoot && SHOT_SCREENS.has(screen)) await page.screenshot({ path: join(SCREENSHOTS, `${screen}-${where.split('/')[0]}-${orientation}.png`) });
    }
    return found;
  }

  async function openPage(robot: RobotProcess): Promise<Page> {
    const page = await browser.newPage({ viewport: PORTRAIT });
    // a loaded machine: waits are for events, the limits only end a hung walk
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);
    // the page's clock runs on its own, and the test can jump it forward to the "more time?" prompt
    await page.clock.install({ time: new Date('2026-11-30T08:20:00+07:00') });
    await page.goto(`${robot.url}#token=${robot.token}`);
    await page.locator('.attract').waitFor();
    return page;
  }

  async function start(page: Page, lang: Language, large: boolean) {
    await page.locator(`[data-language="${lang}"]`).click();
    if (large) await page.locator('[data-nav="large-text"]').click();
    await page.locator('[data-field]').first().waitFor();
  }
  const back = (page: Page) => page.locator('[data-nav="back"]').click();

  /** One visitor's walk through every screen, in one language and text size; returns what is wrong and the key height. */
  async function walk(page: Page, lang: Language, large: boolean): Promise<{ problems: string[]; keyHeight: number }> {
    const problems: string[] = [];
    let keyHeight = 0;
    const where = `${lang}/${large ? 'large' : 'normal'}`;
    const shoot = SHOT_LANGUAGES.includes(lang) && !large;
    const see = async (screen: string) => problems.push(...(await check(page, where, screen, shoot)));
    await see('idle');
    // the lobby at a glance before any tap: open now, today's hours
    if ((await page.locator('[data-testid="center-status"]').getAttribute('data-open')) !== 'true') problems.push(`${where} idle: no "open now" before the first tap`);
    await start(page, lang, large);
    await see('home');
    await page.locator('[data-field="civil-status"]').click();
    await see('services');
    await back(page);

    await page.locator('[data-action="search"]').click();
    await see('search');
    keyHeight = (await page.locator('.keyboard .key').first().boundingBox())!.height;
    for (const key of QUERY_KEYS[lang]) await page.locator(`.keyboard [data-key="${key}"]`).click();
    await page.locator('[data-result="birth-registration"]').waitFor();
    await see('search-results');
    await page.locator('[data-result="birth-registration"]').click();
    await page.locator('[data-priority="none"]').waitFor();
    await see('priority');
    await back(page);
    await back(page);

    await page.locator('[data-action="guide"]').click();
    await see('guide');
    await page.locator('[data-procedure="birth-registration"]').click();
    await page.locator('[data-action="take-number"]').waitFor();
    await see('procedure');
    problems.push(...(await bookingWalk(page, see)));
    await back(page);
    await back(page);

    await page.locator('[data-action="dossier"]').click();
    await see('dossier');
    await page.locator('[data-testid="dossier-input"]').focus();
    await page.keyboard.type('000.00.51.H29-261126-0012\n');
    await page.locator('[data-testid="dossier-result"]').waitFor();
    await see('dossier-result');
    await back(page);

    await page.locator('[data-action="appointment"]').click();
    await see('appointment');
    await back(page);

    await page.locator('[data-action="staff"]').click();
    await see('staff');
    await page.locator('[data-action="call-staff"]').click();
    await page.locator('[data-testid="staff-called"]').waitFor();
    await see('staff-called');
    await page.locator('.staff .done').click();

    await start(page, lang, large);
    await page.locator('[data-field="civil-status"]').click();
    await page.locator('[data-service="birth-registration"]').click();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    await see('ticket');
    await page.locator('.ticket .done').click();

    await start(page, lang, large);
    await idleUntilAsked(page);
    await see('more-time');
    await page.locator('[data-testid="more-time"]').click();
    await page.locator('[data-nav="end"]').click();
    await page.locator('.attract').waitFor();
    return { problems, keyHeight };
  }

  /**
   * Jumps the page's clock past the idle time, then on in 5 s steps until the kiosk asks: on a loaded
   * machine the session's idle timer may be armed a little after home shows (the CI once jumped
   * first and waited for a prompt due 60 s later); each step stays well inside the prompt's 30 s.
   */
  async function idleUntilAsked(page: Page): Promise<void> {
    const prompt = page.locator('[data-testid="more-time"]');
    const asked = () => prompt.waitFor({ timeout: 1_000 }).then(() => true, () => false);
    await page.clock.fastForward(61_000);
    for (let step = 0; step < 14; step++) {
      if (await asked()) return;
      await page.clock.fastForward(5_000);
    }
    await prompt.waitFor();
  }

  /** Booking (issue 18) from the procedure: every step up to the consent, and the home visit's first two; nothing is booked. */
  async function bookingWalk(page: Page, see: (screen: string) => Promise<unknown>): Promise<string[]> {
    await page.locator('[data-action="book"]').click();
    await page.locator('[data-step="day"]').waitFor();
    await see('booking-day');
    await page.locator('[data-day]').first().click();
    await see('booking-time');
    await page.locator('[data-time]').first().click();
    await see('booking-phone');
    for (const d of '0912345678') await page.locator(`.keyboard.numeric [data-key="${d}"]`).click();
    await page.locator('[data-step="phone"] [data-action="next"]').click();
    await see('booking-name');
    await page.locator('[data-step="name"] [data-action="skip"]').click();
    await page.locator('[data-step="consent"]').waitFor();
    await see('booking-consent');
    await back(page);
    await page.locator('[data-action="book"]').click();
    await page.locator('[data-action="home-visit"]').click();
    await see('home-visit-category');
    await page.locator('[data-category="elderly"]').click();
    await see('home-visit-address');
    await back(page);
    await page.locator('[data-step="day"]').waitFor();
    await back(page);
    return [];
  }

  // one page per text size, reused by every language: a walk ends on the idle screen
  const pages: Page[] = [];
  beforeAll(async () => {
    if (SCREENS) mkdirSync(SCREENSHOTS, { recursive: true });
    for (let i = 0; i < 2; i++) pages.push(await openPage(open));
  });
  afterAll(() => Promise.all(pages.map((p) => p.close())));

  it.each(LANGUAGES.map((l) => [l]))('%s: every screen from idle fits in portrait and landscape, in normal and large text', async (lang: Language) => {
    const [normal, large] = await Promise.all([walk(pages[0]!, lang, false), walk(pages[1]!, lang, true)]);
    const problems = [...normal.problems, ...large.problems];
    // large text enlarges the keyboard's keys too, not only the words around them
    if (!(large.keyHeight > normal.keyHeight * 1.15)) problems.push(`${lang} large text: keyboard keys ${normal.keyHeight} px high in normal text, ${large.keyHeight} px in large`);
    expect(problems).toEqual([]);
  });

  it('a closed center says so before the first tap, and refuses a number with the reason, in 5 languages', async () => {
    const pages: Page[] = [];
    for (let i = 0; i < WALKERS; i++) pages.push(await openPage(closed));
    const problems = (await onPages(pages, LANGUAGES, closedWalk)).flat();
    await Promise.all(pages.map((p) => p.close()));
    expect(problems).toEqual([]);
  });

  async function closedWalk(page: Page, lang: Language): Promise<string[]> {
    const problems: string[] = [];
    // a visitor learns that the center is closed before tapping anything (once the page has the
    // robot's time: until its first answer the page reckons with its own clock, which in this test
    // is set to an open hour while the robot's simulated clock is at a closed one)
    const closedShown = await page.locator('[data-testid="center-status"][data-open="false"]').waitFor().then(() => true, () => false);
    if (!closedShown) problems.push(`${lang} idle: no "closed" before the first tap`);
    for (const large of [false, true]) {
      const where = `${lang}/${large ? 'large' : 'normal'}`;
      await start(page, lang, large);
      problems.push(...(await check(page, where, 'home-closed', SHOT_LANGUAGES.includes(lang) && !large)));
      await page.locator('[data-field="civil-status"]').click();
      await page.locator('[data-service="birth-registration"]').click();
      await page.locator('[data-testid="refusal"]').waitFor();
      problems.push(...(await check(page, where, 'refusal', false)));
      await page.locator('[data-nav="end"]').click();
      await page.locator('.attract').waitFor();
    }
    return problems;
  }
});
