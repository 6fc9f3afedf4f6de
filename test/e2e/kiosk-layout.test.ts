import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../../src/contract';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { launchChromium } from '../support/browser';
import { LANDSCAPE, PORTRAIT } from '../support/kiosk';
import { layoutProblems, rawCodes } from '../support/layout';
import { ROOT, startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

/**
 * Every screen a visitor can reach from idle, in the five languages, portrait and landscape, normal
 * and large text: every control on screen and tappable at its centre, no text spilling out of its
 * box, no raw code or id. The README's screenshots are written to docs/screens/ on the way.
 */
const SCREENSHOTS = join(ROOT, 'docs', 'screens');
const SHOT_LANGUAGES: readonly Language[] = ['vi', 'en', 'ko'];
const SHOT_SCREENS = new Set(['idle', 'home', 'search-results', 'ticket', 'dossier-result', 'procedure', 'home-closed', 'appointment']);
const IDS = [...DEMO_CATALOG.services.map((s) => s.id), ...DEMO_CATALOG.fields.map((f) => f.id), ...DEMO_CATALOG.counters.map((c) => c.id)];

/** What each visitor types on the search screen's keyboard (the keys' data-key), in their own script. */
export const QUERY_KEYS: Record<Language, string[]> = {
  vi: [...'KHAI'],
  en: [...'BIRTH'],
  zh: [...'CHUS'],
  ko: ['ㅊ', 'ㅜ', 'ㄹ'],
  ja: ['し', 'ゅ'],
};

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

  /** Checks the screen in both orientations and returns what is wrong, each problem named by where it was seen. */
  async function check(page: Page, where: string, screen: string, shoot: boolean): Promise<string[]> {
    const found: string[] = [];
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(viewport);
      const orientation = viewport === PORTRAIT ? 'portrait' : 'landscape';
      // two frames: layout and paint settle after a resize
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const at = `${where} ${screen} ${orientation}`;
      found.push(...(await layoutProblems(page)).map((p) => `${at}: ${p.kind} ${p.what}`));
      found.push(...(await rawCodes(page, IDS)).map((c) => `${at}: raw code "${c}"`));
      if (shoot && SHOT_SCREENS.has(screen)) await page.screenshot({ path: join(SCREENSHOTS, `${screen}-${where.split('/')[0]}-${orientation}.png`) });
    }
    await page.setViewportSize(PORTRAIT);
    return found;
  }

  async function openPage(robot: RobotProcess): Promise<Page> {
    const page = await browser.newPage({ viewport: PORTRAIT });
    page.setDefaultTimeout(5000);
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

  it.each(LANGUAGES.map((l) => [l]))('%s: idle, home, fields, services, search, priority, guide, dossier, appointment, staff, ticket, more time', async (lang: Language) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const page = await openPage(open);
    const problems: string[] = [];
    const keyHeights: number[] = [];
    for (const large of [false, true]) {
      const where = `${lang}/${large ? 'large' : 'normal'}`;
      const shoot = SHOT_LANGUAGES.includes(lang) && !large;
      const see = async (screen: string) => problems.push(...(await check(page, where, screen, shoot)));
      await see('idle');
      // the lobby at a glance before any tap: open now, today's hours
      if ((await page.locator('[data-testid="center-status"]').getAttribute('data-open', { timeout: 1000 }).catch(() => null)) !== 'true') problems.push(`${where} idle: no "open now" before the first tap`);
      await start(page, lang, large);
      await see('home');
      await page.locator('[data-field="civil-status"]').click();
      await see('services');
      await back(page);

      await page.locator('[data-action="search"]').click();
      await see('search');
      keyHeights.push((await page.locator('.keyboard .key').first().boundingBox())!.height);
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
      await page.clock.fastForward(61_000);
      await page.locator('[data-testid="more-time"]').waitFor();
      await see('more-time');
      await page.locator('[data-testid="more-time"]').click();
      await page.locator('[data-nav="end"]').click();
      await page.locator('.attract').waitFor();
    }
    await page.close();
    // large text enlarges the keyboard's keys too, not only the words around them
    if (!(keyHeights[1]! > keyHeights[0]! * 1.15)) problems.push(`${lang} large text: keyboard keys ${keyHeights[0]} px high in normal text, ${keyHeights[1]} px in large`);
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES.map((l) => [l]))('%s: a closed center says so on home, and refuses a number with the reason', async (lang: Language) => {
    const page = await openPage(closed);
    const problems: string[] = [];
    // a visitor learns that the center is closed before tapping anything
    const status = await page.locator('[data-testid="center-status"]').getAttribute('data-open', { timeout: 1000 }).catch(() => null);
    if (status !== 'false') problems.push(`${lang} idle: no "closed" before the first tap`);
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
    await page.close();
    expect(problems).toEqual([]);
  });
});
