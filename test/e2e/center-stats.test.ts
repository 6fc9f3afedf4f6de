/**
 * The statistics page in Debian's Chromium against a real center holding two generated months:
 * staff sign in through the form; in each of the five languages the figures show, the four charts
 * are drawn (their canvases hold pixels), no raw code or id is on screen, and nothing is cut off,
 * covered or overflowing on a portrait and a landscape screen. Screenshots go to test-artifacts.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Catalog } from '../../src/contract/catalog';
import { LANGUAGES } from '../../src/contract/version';
import { CENTER_DB_FILE } from '../../src/center/storage/sqlite';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { startTestCenter, type TestCenter } from '../integration/center/harness';
import { launchChromium } from '../support/browser';
import { catalogIds, forbidDialogs, rawTextProblems, screenshot, signIn } from '../support/center-pages';
import { layoutProblems } from '../support/layout';
import { addDays, generateYear, insertYear } from '../support/stats-year';

const FIRST = '2026-10-01';
const DAYS = 61;
const LAST = addDays(FIRST, DAYS - 1);
const CATALOG = Catalog.parse(DEMO_CATALOG);
const SCREENS = { portrait: { width: 800, height: 1280 }, landscape: { width: 1366, height: 768 } };
const CHARTS = ['chart-days', 'chart-hours', 'chart-services', 'chart-wait'];

describe('the statistics page in Chromium', () => {
  let c: TestCenter;
  let browser: Browser;
  const dialogs: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    c = await startTestCenter({ catalog: CATALOG, seedDemoData: false, clock: { t: Date.parse(`${LAST}T15:00:00+07:00`) } });
    insertYear(join(c.dataDir, CENTER_DB_FILE), generateYear(CATALOG, FIRST, DAYS, 200, 3));
  });
  afterAll(async () => {
    await c?.close();
    await browser?.close();
    expect(dialogs).toEqual([]);
  });

  /** Pixels drawn in a chart's canvas (non-transparent), read back from the canvas itself. */
  const drawnPixels = (page: Page, id: string) =>
    page.evaluate((chartId) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`#${chartId} canvas`)!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    }, id);

  for (const [screen, viewport] of Object.entries(SCREENS)) {
    it(`${screen}: five languages, figures, drawn charts, no raw ids, nothing cut off`, async () => {
      const context = await browser.newContext({ viewport, timezoneId: 'America/New_York' });
      const page = await context.newPage();
      forbidDialogs(page, dialogs);
      await page.goto(`${c.center.url}/stats`);
      await signIn(page, c.center.staffKey);
      for (const lang of LANGUAGES) {
        await page.goto(`${c.center.url}/stats?lang=${lang}`);
        await page.locator('#fig-tickets').waitFor();
        await page.locator('.center-name').waitFor();
        // the default range is the last 30 days on the center's clock, whatever the browser's zone
        expect(await page.inputValue('#from')).toBe(addDays(LAST, -29));
        expect(await page.inputValue('#to')).toBe(LAST);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        for (const id of CHARTS) expect(await drawnPixels(page, id)).toBeGreaterThan(1000);
        expect(await rawTextProblems(page, catalogIds(CATALOG))).toEqual([]);
        // the whole page at once: every control reachable, no text overflowing, at this width
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: viewport.width, height });
        expect(await layoutProblems(page)).toEqual([]);
        await screenshot(page, `stats-${screen}-${lang}`);
        await page.setViewportSize(viewport);
      }
      const href = await page.getAttribute('#csv', 'href');
      expect(href).toBe(`/v1/stats.csv?from=${addDays(LAST, -29)}&to=${LAST}`);
      // the signed-in page downloads the CSV with its cookie
      const csv = await page.evaluate(async (u) => (await fetch(u)).text(), href!);
      expect(csv.split('\r\n')[0]).toMatch(/^ticket_id,day,/);
      await context.close();
    });
  }

  it('another range: the figures follow, and a range over 400 days is refused in words', async () => {
    const context = await browser.newContext({ viewport: SCREENS.landscape });
    const page = await context.newPage();
    forbidDialogs(page, dialogs);
    await page.goto(`${c.center.url}/stats?lang=en`);
    await signIn(page, c.center.staffKey);
    await page.locator('#fig-tickets').waitFor();
    const before = await page.textContent('#fig-tickets .figure-value');
    await page.fill('#from', FIRST);
    await page.click('#show');
    await page.waitForFunction((b) => document.querySelector('#fig-tickets .figure-value')?.textContent !== b, before);
    await page.fill('#from', '2024-01-01');
    await page.click('#show');
    await page.locator('.error').waitFor();
    expect(await page.textContent('.error')).toContain('400');
    await context.close();
  });
});
