/**
 * When an e2e test fails, the log says what each page still open in its browser showed: its path
 * and visible text. A CI run that fails on a loaded machine (a locator that timed out after 30 s)
 * then tells whether the page showed an error, another screen or nothing, without a re-run.
 * Registered for the e2e project (jest.config.js); the flag comes from support/e2e-environment.js.
 */
import type { Page } from 'playwright-core';
import { openPages } from './browser';

const MAX_TEXT = 1500;

/** What a person sees on the page, or why it could not be read; never waits on a hung page for long. */
async function shownText(page: Page): Promise<string> {
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('(the page did not answer within 3 s)'), 3000).unref());
  const text = page.evaluate(() => document.body.innerText).catch((e: unknown) => `(unreadable: ${(e as Error).message.split('\n')[0]})`);
  return Promise.race([text, timeout]);
}

afterEach(async () => {
  if (!(globalThis as { __lobbyTestFailed?: boolean }).__lobbyTestFailed) return;
  const shown: string[] = [];
  for (const page of openPages()) {
    // the path only: a kiosk URL carries the controller's token in its fragment
    const { pathname } = new URL(page.url());
    const text = (await shownText(page)).replace(/\n{2,}/g, '\n').slice(0, MAX_TEXT);
    shown.push(`--- ${pathname}\n${text}`);
  }
  if (shown.length > 0) console.error(`"${expect.getState().currentTestName}" failed; the ${shown.length} open page(s) showed:\n${shown.join('\n')}`);
});
