/** Helpers for the center's pages in Chromium: sign in through the form, read what a person sees, screenshot. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Catalog } from '../../src/contract/catalog';
import type { TestCenter } from '../integration/center/harness';
import { launchChromium } from './browser';
import { ROOT } from './robot-process';
import { SCREENS } from './screens';

export const CENTER_ARTIFACTS = join(ROOT, 'test-artifacts', 'center-pages');

/** Fails the page's test on any browser dialog (the old staff-key prompt must never come back). */
export function forbidDialogs(page: Page, seen: string[]): void {
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
}

export async function signIn(page: Page, key: string): Promise<void> {
  await page.locator('#staff-key').fill(key);
  await page.locator('.sign-in button[type=submit]').click();
  await page.locator('.sign-in').waitFor({ state: 'detached' });
}

/** Every id a person must never read: services, fields, counters and counter groups of the catalog. */
export function catalogIds(catalog: Catalog & { counters?: { id: string; counterGroup: string }[] }): string[] {
  return [...new Set([
    ...catalog.services.map((s) => s.id), ...catalog.fields.map((f) => f.id),
    ...(catalog.counters ?? []).flatMap((c) => [c.id, c.counterGroup]),
  ])];
}

/**
 * Raw codes ([A-Z_]{6,}) and catalog ids in the text a person sees on the page; [] when clean.
 * `meant` are strings a person is meant to read and type (a robot's enrolment code).
 */
export async function rawTextProblems(page: Page, ids: string[], meant: string[] = []): Promise<string[]> {
  let text = await page.evaluate(() => document.body.innerText + '\n' + document.title);
  for (const m of meant) text = text.replaceAll(m, ' ');
  const codes = text.match(/[A-Z_]{6,}/g) ?? [];
  const leaked = ids.filter((id) => new RegExp(`(^|[^\\p{L}\\d-])${id}($|[^\\p{L}\\d-])`, 'u').test(text));
  return [...codes, ...leaked];
}

/** With SCREENS=1, the whole page into test-artifacts/center-pages (for people; nothing asserts on it). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENS) return;
  mkdirSync(CENTER_ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(CENTER_ARTIFACTS, `${name}.png`), fullPage: true });
}

/** What a phone's "large text" setting does to a page: every rem grows. */
const LARGE_TEXT = 'html { font-size: 26px !important; }';
export const DESKTOP = { width: 1366, height: 900 };

export interface OpenOptions {
  /** Appended as ?lang= (or &lang=). */
  lang?: string;
  viewport?: { width: number; height: number };
  timezoneId?: string;
  locale?: string;
  /** Injected as a style: the pages' CSP forbids it, so such a context bypasses the CSP. */
  largeText?: boolean;
  /** The page's timers on a clock the test moves. */
  clock?: { time: number };
}

/**
 * One Chromium for a describe block of center-page tests, each test with its own center: the test
 * assigns it, the fixture reads it through `current` and closes it after the test; no test may meet
 * a browser dialog. The returned `open` loads a center path in a fresh context (no cookies shared).
 */
export function centerPagesInChromium(center: { current(): TestCenter | undefined; closed(): void }) {
  let browser: Browser;
  const dialogs: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  afterEach(async () => {
    await center.current()?.close();
    center.closed();
    expect(dialogs).toEqual([]);
  });
  return async function open(path: string, opts: OpenOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: opts.viewport ?? DESKTOP, timezoneId: opts.timezoneId, locale: opts.locale, bypassCSP: !!opts.largeText });
    const page = await context.newPage();
    forbidDialogs(page, dialogs);
    if (opts.clock) await page.clock.install({ time: new Date(opts.clock.time) });
    await page.goto(`${center.current()!.center.url}${path}${opts.lang ? `${path.includes('?') ? '&' : '?'}lang=${opts.lang}` : ''}`);
    if (opts.largeText) await page.addStyleTag({ content: LARGE_TEXT });
    return page;
  };
}
