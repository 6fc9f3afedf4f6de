/** Helpers for the center's pages in Chromium: sign in through the form, read what a person sees, screenshot. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Catalog } from '../../src/contract/catalog';
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
