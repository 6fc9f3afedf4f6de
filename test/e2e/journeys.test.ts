import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type WebSocket from 'ws';
import { startVirtualPrinter, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
import { LANGUAGES, type Language, type StaffCall } from '../../src/contract';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { counterLabelsFor } from '../../src/core/where-to-go';
import type { A11yProblem } from '../support/a11y';
import { launchChromium } from '../support/browser';
import { captureBoth, captureOne, localeText, openCountingKiosk, taps } from '../support/journeys';
import { LANDSCAPE, PORTRAIT } from '../support/kiosk';
import { paperWithQr, qrOnPaper } from '../support/paper-qr';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { openApi } from '../support/ws-client';

/** Reads the QR code in an element's screenshot, as a visitor's phone would from the screen. */
async function qrOnScreen(page: Page, selector: string): Promise<string | undefined> {
  const img = PNG.sync.read(await page.locator(selector).screenshot());
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
}

describe('citizen journeys on the touchscreen (Chromium, built robot, virtual printer on TCP)', () => {
  let printer: VirtualPrinter;
  let robot: RobotProcess;
  let browser: Browser;
  let api: WebSocket;
  const staffCalls: StaffCall[] = [];

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-journeys', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port, statusPollMs: 0 },
      // the shortest "more time?" prompt the config allows: the visitor still gets 20 s
      screen: { dpi: 102, idleSeconds: 60, moreTimeSeconds: 20 },
      ticketStatusUrl: 'http://center.test/t/{display}/{id}?lang={lang}',
      // Monday 08:00 in Ha Noi: the center is open whenever the test runs
      queue: { simulatedClockStart: '2026-11-30T08:00:00+07:00' },
    });
    [robot, browser] = await Promise.all([startRobot(['--config', config]), launchChromium()]);
    api = (await openApi(robot.url, { token: robot.token })).ws!;
    api.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { event?: string; data?: StaffCall };
      if (msg.event === 'staff.called') staffCalls.push(msg.data!);
    });
  });
  afterAll(async () => {
    api?.close();
    await browser?.close();
    await robot?.stop();
    await printer?.close();
  });

  describe('in each language', () => {
    // one kiosk page for the five visitors, one after the other, as at the robot
    let page: Page;
    beforeAll(async () => (page = await openCountingKiosk(browser, robot.url, robot.token)));
    afterAll(() => page?.close());

    it.each(LANGUAGES.map((l) => [l]))('takes a number in %s with 3 taps from idle; screen and printed ticket are in that language', async (lang: Language) => {
      await page.evaluate(() => (window.__taps = 0));
      await page.locator(`[data-language="${lang}"]`).click(); // tap 1
      await page.locator('[data-field="civil-status"]').click(); // tap 2
      await page.locator('[data-service="marriage-registration"]').click(); // tap 3
      const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
      expect(number).toMatch(/^A\d{3}$/);
      expect(await taps(page)).toBe(3);

      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect(page.locator('[data-testid="print-status"]').textContent()).resolves.toBe(localeText(lang, 'ticket.printed'));
      await expect(page.locator('[data-testid="where-to-go"]').textContent()).resolves.toBe(localeText(lang, 'journey.ticket.whereToGo').replace('{{place}}', counterLabelsFor(DEMO_CATALOG, 'marriage-registration', lang).join(', ')));
      const ahead = await page.locator('[data-testid="people-ahead"]').textContent();
      expect([localeText(lang, 'next', 'wait'), ...[1, 2, 3, 4, 5, 6].map((n) => localeText(lang, 'peopleAhead', 'wait').replace('{{count}}', String(n)))]).toContain(ahead);
      const problems = await captureOne(page, `ticket-${lang}`, ['.ticket .done']);

      // the QR read off the decoded paper names this number and the ticket's language
      const job = await paperWithQr(printer, `http://center.test/t/${number}/`);
      expect(job).toBeDefined();
      const paper = qrOnPaper(job!.png)!;
      expect(paper).toMatch(new RegExp(`^http://center\\.test/t/${number}/`));
      expect(new URL(paper).searchParams.get('lang')).toBe(lang);
      expect(problems).toEqual([]);

      await page.locator('.ticket .done').click();
      await page.locator('.attract').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    });
  });

  it('asks for a priority group where the service is chosen and issues the ticket in that group', async () => {
    const page = await openCountingKiosk(browser, robot.url, robot.token);
    await page.locator('[data-language="en"]').click();
    await page.locator('[data-field="social"]').click();
    const chips = page.locator('[data-testid="priority-choice"] .chip');
    // "no priority" and the five groups a visitor may claim; appointments check in by QR instead
    await expect(chips.allTextContents()).resolves.toEqual(['No priority', 'Elderly person', 'Person with a disability', 'Pregnant woman', 'With a child under 6', 'Person with meritorious services']);
    await expect(page.locator('[data-priority="none"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('[data-priority="child-under-6"]').click();
    await expect(page.locator('[data-priority="child-under-6"]').getAttribute('aria-pressed')).resolves.toBe('true');
    const problems = await captureBoth(page, 'services-priority', ['[data-service="child-health-insurance"]']);
    await page.locator('[data-service="child-health-insurance"]').click();
    await expect(page.locator('[data-testid="ticket-priority"]').textContent()).resolves.toBe('Priority: With a child under 6');
    expect(await taps(page)).toBe(4);
    expect(problems).toEqual([]);
    // the answer belongs to that visitor only: the next session starts with no priority
    await page.locator('.ticket .done').click();
    await page.locator('.attract').click();
    await page.locator('[data-field="social"]').click();
    await expect(page.locator('[data-priority="child-under-6"]').getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(page.locator('[data-priority="none"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.close();
  });

  it('when the printer fails, shows the number and its QR large to photograph and notifies staff', async () => {
    const page = await openCountingKiosk(browser, robot.url, robot.token);
    printer.setFaults({ paperOut: true });
    const jobs = printer.jobs.length;
    try {
      await page.locator('[data-language="ko"]').click();
      await page.locator('[data-field="land"]').click();
      await page.locator('[data-service="land-registration"]').click();
      const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
      await expect(page.locator('[data-testid="print-status"]').textContent()).resolves.toBe(localeText('ko', 'ticket.printFailed'));
      await page.locator('[data-testid="staff-status"][data-state="notified"]').waitFor();
      await expect(page.locator('[data-testid="staff-status"]').textContent()).resolves.toBe(localeText('ko', 'journey.ticket.staff.notified'));
      // a phone reads the QR off the screen: the ticket's status page, in Korean
      await page.locator('img.qr').waitFor();
      const qr = await qrOnScreen(page, 'img.qr');
      expect(qr).toMatch(new RegExp(`^http://center\\.test/t/${number}/[0-9a-f-]{36}\\?lang=ko$`));
      // about 11 cm on the 102 dpi panel: a phone reads it from arm's length
      const box = (await page.locator('img.qr').boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(440);
      expect(printer.jobs.length).toBe(jobs);
      const problems = await captureBoth(page, 'ticket-print-failed', ['[data-testid="ticket-number"]', 'img.qr', '[data-testid="staff-status"]', '.ticket .done']);

      // the controller recorded one call for this ticket, with its number and the visitor's language
      const callFor = () => staffCalls.find((c) => c.reason === 'printer-failed' && c.ticketDisplay === number);
      for (let i = 0; i < 250 && !callFor(); i++) await new Promise((r) => setTimeout(r, 20));
      const call = callFor();
      expect(call).toMatchObject({ reason: 'printer-failed', language: 'ko', robotId: 'robot-journeys' });
      expect(problems).toEqual([]);
    } finally {
      printer.setFaults({ paperOut: false });
      await page.close();
    }
  });

  it('calls staff from home after a confirmation, once, in the visitor\'s language', async () => {
    const page = await openCountingKiosk(browser, robot.url, robot.token, LANDSCAPE);
    const before = staffCalls.length;
    await page.locator('[data-language="zh"]').click();
    await page.locator('[data-action="staff"]').click();
    await expect(page.locator('.screen-head .lead').textContent()).resolves.toBe(localeText('zh', 'journey.staff.question'));
    const problems = await captureBoth(page, 'staff-confirm', ['[data-action="call-staff"]']);
    expect(staffCalls.length).toBe(before); // nothing is sent before the visitor confirms
    await page.locator('[data-action="call-staff"]').click();
    await expect(page.locator('[data-testid="staff-called"]').textContent()).resolves.toBe(localeText('zh', 'journey.staff.called'));
    problems.push(...(await captureBoth(page, 'staff-called', ['.staff .done'])));
    // the event travels on the test's own socket: give a loaded machine up to 5 s
    for (let i = 0; i < 250 && staffCalls.length === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(staffCalls.length).toBe(before + 1);
    expect(staffCalls.at(-1)).toMatchObject({ reason: 'help', language: 'zh' });
    expect(staffCalls.at(-1)!.ticketId).toBeUndefined();
    expect(problems).toEqual([]);
    await page.locator('.staff .done').click();
    await page.locator('.attract').waitFor();
    await page.close();
  });

  it('asks "need more time?" on any screen and waits at least 20 s before clearing the session', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    // the page's clock moves only when the test says so, not while screenshots are taken
    await page.clock.install({ time: new Date('2026-11-30T08:00:00+07:00') });
    await page.clock.pauseAt(new Date('2026-11-30T08:00:01+07:00'));
    await page.goto(`${robot.url}#token=${robot.token}`);
    const settle = () => page.clock.runFor(300);
    for (let i = 0; i < 50 && (await page.locator('.connection').count()) > 0; i++) await settle();
    await settle();
    await page.locator('[data-language="ja"]').click();
    await settle();
    await page.locator('[data-action="staff"]').click();
    await settle();
    await page.clock.runFor(60_000);
    await expect(page.locator('#more-time-q').textContent()).resolves.toBe(localeText('ja', 'idle.question').replace('{{seconds}}', '20'));
    const problems = await captureBoth(page, 'more-time', ['[data-testid="more-time"]']);
    await page.clock.runFor(19_000);
    expect(await page.locator('[data-testid="more-time"]').count()).toBe(1);
    expect(await page.locator('[data-action="call-staff"]').count()).toBe(1);
    await page.clock.runFor(1_500);
    await page.locator('.attract').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the guide, search and priority screens are readable and reachable in portrait and landscape (screenshots in test-artifacts/screens)', async () => {
    const page = await openCountingKiosk(browser, robot.url, robot.token);
    const problems: A11yProblem[] = [];
    const shot = async (name: string, mustSee: string[] = []) => problems.push(...(await captureBoth(page, name, mustSee)));
    // attract, home and a field's services: take-ticket.test.ts
    await page.locator('.attract').click();
    await page.locator('[data-nav="large-text"]').click();
    await shot('home-large-text');
    await page.locator('[data-nav="large-text"]').click();
    await page.locator('[data-action="search"]').click();
    for (const k of 'khaisinh') await page.locator(`[data-key="${k.toUpperCase()}"]`).click();
    await page.locator('[data-result="birth-registration"]').waitFor();
    await shot('search-service');
    await page.locator('[data-result="birth-registration"]').click();
    await page.locator('[data-priority="elderly"]').waitFor();
    await shot('priority', ['[data-priority="none"]']);
    await page.locator('[data-nav="back"]').click();
    await page.locator('[data-nav="back"]').click();
    await page.locator('[data-action="guide"]').click();
    await shot('guide');
    await page.locator('[data-action="search-procedure"]').click();
    for (const k of 'ket hon') await page.locator(`[data-key="${k === ' ' ? 'space' : k.toUpperCase()}"]`).click();
    await shot('search-procedure');
    await page.locator('[data-result]').first().click();
    await page.locator('[data-action="take-number"]').waitFor();
    await shot('procedure');
    // from the guide: the priority question, then the number in that group
    await page.locator('[data-action="take-number"]').click();
    await page.locator('[data-priority="elderly"]').click();
    await expect(page.locator('[data-testid="ticket-priority"]').textContent()).resolves.toBe('Ưu tiên: Người cao tuổi');
    await shot('ticket-priority', ['.ticket .done']);
    expect(problems).toEqual([]);
    await page.close();
  });
});
