import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

type Playwright = typeof import('playwright-core');

/** playwright-core as the e2e environment loaded it, once per worker (support/e2e-environment.js). */
function playwright(): Playwright {
  const loaded = (globalThis as { __playwright?: Playwright }).__playwright;
  if (!loaded) throw new Error('playwright-core is loaded by the e2e project\'s test environment (test/support/e2e-environment.js): run browser tests in the e2e project');
  return loaded;
}

/**
 * Debian's headless shell of the same Chromium build (package chromium-headless-shell): the same
 * Blink, fonts and media flags without the full browser around it. The e2e files cost about half
 * the CPU with it (a suite measured 1,065 s of e2e file time with `chromium --headless`, 534 s
 * with the shell, same machine); the kiosk's own window is still the full Chromium or Electron.
 */
export const CHROMIUM = '/usr/bin/chromium-headless-shell';

/** Flags that keep Debian's Chromium quiet on a machine with no network but loopback. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** The browsers this test file launched and has not closed. */
const launched = new Set<Browser>();

/**
 * Debian's Chromium, whose pages prefer reduced motion unless a test says otherwise: the kiosk's
 * face blinks forever otherwise (styles.css honours the preference), and each open kiosk page then
 * repaints every frame in software, ~4% of a core for as long as it is open. No test asserts on an
 * animation, and a transform moves no box that a layout check measures.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's headless Chromium (apt-get install chromium-headless-shell); .ci/run does`);
  const browser = await playwright().chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ reducedMotion: 'reduce', ...options });
  browser.newPage = (options = {}) => newPage({ reducedMotion: 'reduce', ...options });
  launched.add(browser);
  browser.on('disconnected', () => launched.delete(browser));
  return browser;
}

/** Every page still open in them (support/failure-pages.ts reads them when a test fails). */
export function openPages(): Page[] {
  return [...launched].flatMap((b) => b.contexts().flatMap((c) => c.pages()));
}
