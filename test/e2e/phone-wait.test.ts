/**
 * The phone page behind a ticket's QR words the wait as the touchscreen and the paper do (core's
 * sayWait over locales/<lang>/wait.json), in Chromium against a real center.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { LANGUAGES, WaitStrings, type Language } from '../../src/contract';
import { sayWait, statusWait } from '../../src/core/queue';
import { bearer, MONDAY_9AM, startTestCenter, ticketChange, type TestCenter } from '../integration/center/harness';
import { launchChromium } from '../support/browser';

const strings = (lang: Language) => WaitStrings.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', lang, 'wait.json'), 'utf8')));

describe('phone page wait', () => {
  let c: TestCenter;
  let browser: Browser;
  afterEach(async () => {
    await browser?.close();
    await c?.close();
  });

  it('says the people ahead and the range in the shared words, and "you are next" to the first in line', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const tickets = [0, 1, 2].map((i) => ticketChange({ number: i + 1, issuedAt: MONDAY_9AM + i * 60_000 }));
    await c.call('POST', '/v1/tickets/batch', { changes: tickets }, bearer(token));
    browser = await launchChromium();
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });

    const third = statusWait((await c.call('GET', `/v1/tickets/${tickets[2]!.ticket.id}/status`)).body)!;
    const said = sayWait(third, strings('vi'));
    await phone.goto(`${c.center.url}/t/${tickets[2]!.ticket.id}`);
    await phone.waitForFunction((text) => document.body.innerText.includes(text), said.ahead);
    expect(await phone.evaluate(() => document.body.innerText)).toContain(said.wait!);

    // the same figures, the same words as core says them, in every language the page speaks
    for (const lang of LANGUAGES) {
      const words = sayWait(third, strings(lang));
      await phone.goto(`${c.center.url}/t/${tickets[2]!.ticket.id}?lang=${lang}`);
      await phone.waitForFunction((text) => document.getElementById('ahead')?.textContent === text, words.ahead);
      expect({ lang, wait: await phone.textContent('#wait') }).toEqual({ lang, wait: words.wait });
    }

    await phone.goto(`${c.center.url}/t/${tickets[0]!.ticket.id}?lang=vi`);
    await phone.waitForFunction((text) => document.body.innerText.includes(text), strings('vi').next);
    expect(await phone.evaluate(() => document.body.innerText)).not.toMatch(/\d+\s*phút/);
  }, 60_000);
});
