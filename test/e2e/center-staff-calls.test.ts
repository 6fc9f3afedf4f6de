/**
 * Staff calls and service audit on the center's pages in Chromium: a call a robot sends shows up
 * on an open counter page by itself (the stream), "Done" acknowledges it, and the fleet page shows
 * each robot's service audit count and last action.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { bearer, MONDAY_9AM, startTestCenter, type TestCenter } from '../integration/center/harness';
import { launchChromium } from '../support/browser';

describe('center pages: staff calls and service audit in Chromium', () => {
  let c: TestCenter;
  let browser: Browser;
  afterEach(async () => {
    await browser?.close();
    await c?.close();
  });

  it('a robot\'s staff call appears on the counter page live, Done acknowledges it; the fleet page shows the audit count', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.addInitScript((key) => sessionStorage.setItem('staffKey', key), c.center.staffKey);
    await page.goto(`${c.center.url}/counter`);
    await page.waitForFunction(() => document.getElementById('calls')!.textContent === '—');
    // the page is open before the call: the stream, not a reload, must bring it
    await page.waitForFunction(() => document.querySelectorAll('#counter option').length > 0);
    await new Promise((r) => setTimeout(r, 300));

    const callId = randomUUID();
    const sent = await c.call('POST', '/v1/staff-calls/batch', { calls: [{ id: callId, robotId: 'robot-a', reason: 'printer-failed', language: 'ja', ticketDisplay: 'A042', calledAt: new Date(MONDAY_9AM).toISOString() }] }, bearer(token));
    expect(sent.body.results[0].status).toBe('stored');
    await page.waitForSelector(`[data-ack="${callId}"]`);
    const line = await page.textContent('#calls');
    expect(line).toContain('A042');
    expect(line).toContain('Printer failed');
    expect(line).toContain('robot-a');
    await page.click(`[data-ack="${callId}"]`);
    await page.waitForFunction(() => document.getElementById('calls')!.textContent === '—');
    expect((await c.staff('GET', '/v1/staff-calls')).body.calls).toEqual([]);

    await c.call('POST', '/v1/audit/batch', { events: [{ key: 'robot-a:audit:1', robotId: 'robot-a', auditId: 1, at: new Date(MONDAY_9AM).toISOString(), actor: 'pin', action: 'service.board.move', detail: null }] }, bearer(token));
    const fleet = await browser.newPage();
    await fleet.addInitScript((key) => sessionStorage.setItem('staffKey', key), c.center.staffKey);
    await fleet.goto(`${c.center.url}/fleet`);
    await fleet.waitForFunction(() => document.getElementById('rows')!.textContent!.includes('service.board.move'));
    expect(await fleet.textContent('#rows')).toMatch(/1 · service\.board\.move · \d+ s/);
  }, 60_000);
});
