import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Language } from '../../src/contract';
import type { A11yProblem } from './a11y';
import { captureScreen, LANDSCAPE, PORTRAIT } from './kiosk';
import { ROOT } from './robot-process';

declare global {
  interface Window {
    __taps?: number;
  }
}

/** A kiosk page that counts every touch (pointerdown) a visitor makes, from the first one. */
export async function openCountingKiosk(browser: Browser, url: string, token: string, viewport = PORTRAIT): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(() => {
    window.__taps = 0;
    window.addEventListener('pointerdown', () => (window.__taps = (window.__taps ?? 0) + 1), true);
  });
  await page.goto(`${url}#token=${token}`);
  await page.locator('.attract-line').first().waitFor();
  return page;
}

export const taps = (page: Page) => page.evaluate(() => window.__taps ?? 0);

/** What of `selectors` is not wholly inside the viewport (scrolled away or cut off). */
async function offScreen(page: Page, selectors: readonly string[]): Promise<A11yProblem[]> {
  const { width, height } = page.viewportSize()!;
  const problems: A11yProblem[] = [];
  for (const selector of selectors) {
    const box = await page.locator(selector).boundingBox();
    const inside = box && box.y >= 0 && box.x >= 0 && box.y + box.height <= height + 0.5 && box.x + box.width <= width + 0.5;
    if (!inside) problems.push({ kind: 'reach', what: `${selector} not on screen (${width}x${height})`, value: Math.round(box ? box.y + box.height : -1) });
  }
  return problems;
}

/**
 * Checks the screen in portrait and in landscape (with SCREENS=1, screenshots to
 * test-artifacts/screens/<name>-<orientation>.png) and returns what a person could not read or reach in either, including any of `mustSee` (the
 * controls that finish the journey) not on screen without scrolling; the page ends in its first size.
 */
export async function captureBoth(page: Page, name: string, mustSee: readonly string[] = []): Promise<A11yProblem[]> {
  const first = page.viewportSize()!;
  const other = first.height > first.width ? LANDSCAPE : PORTRAIT;
  const problems = [...(await captureScreen(page, name)), ...(await offScreen(page, mustSee))];
  await page.setViewportSize(other);
  problems.push(...(await captureScreen(page, name)), ...(await offScreen(page, mustSee)));
  await page.setViewportSize(first);
  return problems.map((p) => ({ ...p, what: `${name}: ${p.what}` }));
}

/** Same check in the page's current size only. */
export async function captureOne(page: Page, name: string, mustSee: readonly string[] = []): Promise<A11yProblem[]> {
  return [...(await captureScreen(page, name)), ...(await offScreen(page, mustSee))].map((p) => ({ ...p, what: `${name}: ${p.what}` }));
}

/** A text of locales/<lang>/<ns>.json by dotted key, so tests read what the visitor reads. */
export function localeText(lang: Language, key: string, ns = 'ui'): string {
  const data = JSON.parse(readFileSync(join(ROOT, 'locales', lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], data);
  if (typeof value !== 'string') throw new Error(`no text ${lang}/${ns}:${key}`);
  return value;
}
