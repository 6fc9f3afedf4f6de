import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { checkScreen, type A11yProblem } from './a11y';
import { ROOT } from './robot-process';
import { SCREENS } from './screens';

export const ARTIFACTS = join(ROOT, 'test-artifacts', 'screens');
export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };
export const DPI = 102;

/** A fresh page on the kiosk, as the touchscreen opens it (token in the fragment). */
export async function openKiosk(browser: Browser, url: string, token: string, viewport = PORTRAIT): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${url}#token=${token}`);
  return page;
}

/** Returns what a person could not read or reach on the screen; with SCREENS=1 screenshots it into test-artifacts. */
export async function captureScreen(page: Page, name: string): Promise<A11yProblem[]> {
  const viewport = page.viewportSize()!;
  const portrait = viewport.height > viewport.width;
  if (SCREENS) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${portrait ? 'portrait' : 'landscape'}.png`) });
  }
  return checkScreen(page, { dpi: DPI, portrait });
}
