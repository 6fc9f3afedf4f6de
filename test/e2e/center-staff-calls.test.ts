/**
 * Staff calls and service audit on the center's pages in Chromium: a call a robot sends shows up
 * on an open counter page by itself (the stream), "Handled" acknowledges it, and the fleet page
 * shows each robot's maintenance count and last action in words.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { bearer, MONDAY_9AM, startTestCenter, type TestCenter } from '../integration/center/harness';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/center-pages';

declare global {
  interface Window {
    streamsOpened?: number;
  }
}

describe('center pages: staff calls and service audit in Chromium', () => {
  let c: TestCenter;
  let browser: Browser;
  afterEach(async () => {
    await browser?.close();
    await c?.close();
  });

  /** Counts, in the page, every event stream that has opened (the 'open' event the page itself gets). */
  const countStreams = () => {
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('open', () => (window.streamsOpened = (window.streamsOpened ?? 0) + 1));
      }
    };
  };

  it('a robot\'s staff call appears on the counter page live, Handled acknowledges it; the fleet page shows the maintenance count', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.addInitScript(countStreams);
    const page = await context.newPage();
    await page.goto(`${c.center.url}/counter?lang=en`);
    await signIn(page, c.center.staffKey);
    await page.waitForFunction(() => document.getElementById('calls')?.textContent === 'Nobody is asking for help.');
    // the page is open before the call: the stream, not a reload, must bring it
    await page.waitForFunction(() => (window.streamsOpened ?? 0) >= 1);

    const callId = randomUUID();
    const sent = await c.call('POST', '/v1/staff-calls/batch', { calls: [{ id: callId, robotId: 'robot-a', reason: 'printer-failed', language: 'ja', ticketDisplay: 'A042', calledAt: new Date(MONDAY_9AM).toISOString() }] }, bearer(token));
    expect(sent.body.results[0].status).toBe('stored');
    await page.waitForSelector(`[data-ack="${callId}"]`);
    const line = await page.textContent('#calls');
    expect(line).toContain('A042');
    expect(line).toContain("The robot's printer failed");
    expect(line).toContain('Robot 1');
    expect(line).toContain('日本語');
    await page.click(`[data-ack="${callId}"]`);
    await page.waitForFunction(() => document.getElementById('calls')?.textContent === 'Nobody is asking for help.');
    expect((await c.staff('GET', '/v1/staff-calls')).body.calls).toEqual([]);

    await c.call('POST', '/v1/audit/batch', { events: [{ key: 'robot-a:audit:1', robotId: 'robot-a', auditId: 1, at: new Date(MONDAY_9AM).toISOString(), actor: 'pin', action: 'service.board.move', detail: null }] }, bearer(token));
    // same browser context: the session cookie signs the fleet page in too
    const fleet = await context.newPage();
    await fleet.goto(`${c.center.url}/fleet?lang=en`);
    await fleet.waitForFunction(() => document.getElementById('rows')?.textContent?.includes('head, arms and lights'));
    expect(await fleet.textContent('#rows .audit')).toMatch(/^1 in all · last: head, arms and lights, \d+ s ago$/);
  }, 60_000);
});
