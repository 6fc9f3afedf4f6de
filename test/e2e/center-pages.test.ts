/**
 * The center's pages in Debian's Chromium against a real center: the lobby display shows a call
 * made on the counter page, and the phone page behind a ticket's QR shows people ahead.
 */
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import type { Browser } from 'playwright-core';
import { bearer, startTestCenter, ticketChange, type TestCenter } from '../integration/center/harness';
import { launchChromium } from '../support/browser';

describe('center pages in Chromium', () => {
  let c: TestCenter;
  let browser: Browser;
  afterEach(async () => {
    await browser?.close();
    await c?.close();
  });

  it('counter page calls next, the lobby display shows it, the ticket page counts people ahead', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const t1 = ticketChange({ number: 1 });
    const t2 = ticketChange({ number: 2, issuedAt: Date.parse('2026-11-30T09:01:00+07:00') });
    const t3 = ticketChange({ number: 3, issuedAt: Date.parse('2026-11-30T09:02:00+07:00') });
    await c.call('POST', '/v1/tickets/batch', { changes: [t1, t2, t3] }, bearer(token));
    browser = await launchChromium();

    const display = await browser.newPage();
    await display.goto(`${c.center.url}/display`);
    await display.waitForFunction((n) => document.querySelectorAll('#counters .card').length === n, DEMO_CATALOG.counters.length);

    const counter = await browser.newPage();
    counter.on('dialog', (d) => void d.accept(c.center.staffKey));
    await counter.goto(`${c.center.url}/counter`);
    await counter.waitForFunction((n) => document.querySelectorAll('#counter option').length === n, DEMO_CATALOG.counters.length);
    await counter.click('#call-next');
    await counter.waitForFunction(() => document.getElementById('current')!.textContent === 'A001');

    await display.waitForFunction(() => document.getElementById('latest')!.textContent!.includes('A001 → Quầy 1'));

    const phone = await browser.newPage();
    await phone.goto(`${c.center.url}/t/${t3.ticket.id}`);
    await phone.waitForFunction(() => document.getElementById('ahead')!.textContent === 'Số người đang chờ trước quý vị: 1');
    expect(await phone.textContent('#display')).toBe('A003');
    expect(await phone.textContent('#wait')).toMatch(/^Thời gian chờ dự kiến: .*\d+ phút$/);
  }, 60_000);

  it('counter page marks a print-uncertain ticket, staff void it there, the phone page never says "being printed"', async () => {
    c = await startTestCenter();
    const { token } = await c.enrol('robot-a');
    const uncertain = { ...ticketChange({ number: 7, state: 'printing' }), attention: 'QUEUE_PRINT_OUTCOME_UNKNOWN' };
    await c.call('POST', '/v1/tickets/batch', { changes: [uncertain] }, bearer(token));
    browser = await launchChromium();

    const phone = await browser.newPage();
    await phone.goto(`${c.center.url}/t/${uncertain.ticket.id}`);
    await phone.waitForFunction(() => document.getElementById('status')!.textContent!.includes('Waiting'));

    const counter = await browser.newPage();
    counter.on('dialog', (d) => void d.accept(c.center.staffKey));
    await counter.goto(`${c.center.url}/counter`);
    await counter.waitForFunction((n) => document.querySelectorAll('#counter option').length === n, DEMO_CATALOG.counters.length);
    await counter.click('#key');
    await counter.waitForFunction(() => document.getElementById('uncertain')!.textContent!.includes('A007'));
    await counter.click(`[data-settle="${uncertain.ticket.id}"][data-outcome="void"]`);
    await counter.waitForFunction(() => document.getElementById('uncertain')!.textContent === '—');
    expect((await c.call('GET', `/v1/tickets/${uncertain.ticket.id}/status`)).body.status).toBe('voided');
  }, 60_000);
});
