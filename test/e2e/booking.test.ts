/**
 * Issue 18 end to end in Debian's Chromium against the built robot (`lobby-robot start` with its
 * embedded reference center, on a clock injected at Monday 08:20 in Ha Noi): a visitor opens a
 * procedure in the guide, books a later slot today on the touchscreen, gets the slip from the
 * virtual printer, and the slip's QR, read off the paper, checks in at the robot; a home visit is
 * requested the same way. The phone, name and address never reach the robot's log.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
import { launchChromium } from '../support/browser';
import { captureScreen, openKiosk } from '../support/kiosk';
import { paperWithQr, qrOnPaper } from '../support/paper-qr';
import { typeLikeAScanner } from '../support/scanner-keys';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

const PHONE = '0912345678';

describe('booking a slot and a home visit on the touchscreen (Chromium, built robot, embedded center)', () => {
  let printer: VirtualPrinter;
  let robot: RobotProcess;
  let browser: Browser;

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-e2e-book', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port },
      ticketStatusUrl: 'http://center.test/t/{display}/{id}',
      queue: { simulatedClockStart: '2026-11-30T08:20:00+07:00' },
    });
    robot = await startRobot(['--config', config]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
    await printer?.close();
  });

  async function openBooking(page: Page): Promise<void> {
    await page.locator('.attract').click();
    await page.locator('[data-action="guide"]').click();
    await page.locator('[data-procedure="birth-registration"]').click();
    await page.locator('[data-action="book"]').click();
    await page.locator('[data-step="day"]').waitFor();
  }
  async function typePhone(page: Page, phone: string): Promise<void> {
    for (const d of phone) await page.locator(`.keyboard.numeric [data-key="${d}"]`).click();
  }

  it('books 08:30 today from the guide: the slip comes out, its QR checks in at the robot', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await openBooking(page);
    expect(await captureScreen(page, 'booking-day-vi')).toEqual([]);
    await page.locator('[data-day="2026-11-30"]').click();
    await page.locator('[data-time="08:30"]').click();
    // not a mobile number: said in the visitor's language, nothing is sent
    await typePhone(page, '0212345678');
    await page.locator('[data-step="phone"] [data-action="next"]').click();
    await expect(page.locator('[data-code="BOOKING_PHONE_INVALID"]').textContent()).resolves.toContain('03, 05, 07, 08');
    await page.locator('.keyboard.numeric [data-key="clear"]').click();
    await typePhone(page, PHONE);
    expect(await captureScreen(page, 'booking-phone-vi')).toEqual([]);
    await page.locator('[data-step="phone"] [data-action="next"]').click();
    for (const k of 'QUYNH') await page.locator(`.keyboard [data-key="${k}"]`).click();
    await page.locator('[data-step="name"] [data-action="next"]').click();
    // the consent names the retention days; what was typed is shown masked
    await expect(page.locator('[data-testid="consent-text"]').textContent()).resolves.toContain('90');
    const summary = (await page.locator('[data-testid="booking-summary"]').textContent())!;
    expect(summary).toContain('09•••••678');
    expect(summary).not.toContain(PHONE);
    expect(await captureScreen(page, 'booking-consent-vi')).toEqual([]);
    await page.locator('[data-action="agree"]').click();
    await page.locator('[data-testid="booking-result"]').waitFor();
    await expect(page.locator('[data-testid="print-status"]').textContent()).resolves.toContain('đã được in');
    expect(await captureScreen(page, 'booking-done-vi')).toEqual([]);

    // the slip's QR, read off the paper, is the center's signed appointment code
    const slip = await paperWithQr(printer, 'LR1A.');
    expect(slip).toBeDefined();
    const qrText = qrOnPaper(slip!.png)!;

    await page.locator('.ticket .done').click();
    await page.locator('.attract').click();
    await page.locator('[data-action="appointment"]').waitFor();
    await typeLikeAScanner(page, qrText);
    const result = page.locator('[data-testid="appointment-result"]');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('data-outcome')).toBe('checked-in');
    const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
    expect(await paperWithQr(printer, `http://center.test/t/${number}/`)).toBeDefined();
  });

  it('requests a home visit for an elderly person: the slip carries the status page as its QR', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await openBooking(page);
    await page.locator('[data-action="home-visit"]').click();
    await page.locator('[data-category="elderly"]').click();
    const type = async (field: string, text: string) => {
      await page.locator(`[data-testid="address-${field}"]`).click();
      for (const k of text) await page.locator(`.keyboard [data-key="${k === ' ' ? 'space' : k}"]`).click();
    };
    await type('ward', 'BEN NGHE');
    await type('street', 'LE LOI');
    await type('houseNumber', '12QX');
    expect(await captureScreen(page, 'home-visit-address-vi')).toEqual([]);
    await page.locator('[data-step="address"] [data-action="next"]').click();
    await typePhone(page, PHONE);
    await page.locator('[data-step="phone"] [data-action="next"]').click();
    await page.locator('[data-step="name"] [data-action="skip"]').click();
    await page.locator('[data-step="days"] [data-day="2026-12-01"]').click();
    await page.locator('[data-step="days"] [data-day="2026-12-03"]').click();
    await page.locator('[data-step="days"] [data-action="next"]').click();
    const summary = (await page.locator('[data-testid="booking-summary"]').textContent())!;
    expect(summary).not.toContain('12QX');
    await page.locator('[data-action="agree"]').click();
    await page.locator('[data-testid="visit-result"]').waitFor();
    expect(await page.locator('[data-testid="visit-result"]').getAttribute('data-status')).toBe('requested');
    expect(await captureScreen(page, 'home-visit-done-vi')).toEqual([]);
    expect(await paperWithQr(printer, 'http://127.0.0.1:')).toBeDefined();
  });

  it('the robot\'s log holds no phone number, name or address', () => {
    const log = robot.output();
    expect(log).toContain('appointment booked at the center');
    for (const secret of [PHONE, 'QUYNH', 'LE LOI', '12QX']) expect({ secret, found: log.toLowerCase().includes(secret.toLowerCase()) }).toEqual({ secret, found: false });
  });

  it('without a center the screen says booking needs it and gives a queue ticket in one tap', async () => {
    const alone = await startRobot(['--config', writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-e2e-alone', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port },
      ticketStatusUrl: 'http://center.test/t/{display}/{id}', center: { mode: 'none' }, queue: { simulatedClockStart: '2026-11-30T08:20:00+07:00' },
    })]);
    try {
      const page = await openKiosk(browser, alone.url, alone.token);
      await page.locator('.attract').click();
      await page.locator('[data-action="book"]').click();
      for (const k of 'KHAI') await page.locator(`.keyboard [data-key="${k}"]`).click();
      await page.locator('[data-result="birth-registration"]').click();
      const offline = page.locator('[data-testid="booking-offline"]');
      await offline.waitFor();
      expect(await offline.getAttribute('data-code')).toBe('BOOKING_NEEDS_CENTER');
      expect(await captureScreen(page, 'booking-needs-center-vi')).toEqual([]);
      await page.locator('[data-action="take-ticket"]').click();
      const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
      expect(await paperWithQr(printer, `http://center.test/t/${number}/`)).toBeDefined();
    } finally {
      await alone.stop();
    }
  });

  it('a slot taken meanwhile brings the visitor back to the times, refreshed, with the reason', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await openBooking(page);
    await page.locator('[data-day="2026-11-30"]').click();
    await page.locator('[data-time="09:00"]').click();
    await typePhone(page, PHONE);
    await page.locator('[data-step="phone"] [data-action="next"]').click();
    await page.locator('[data-step="name"] [data-action="skip"]').click();
    await page.locator('[data-step="consent"]').waitFor();
    // meanwhile every place of 09:00 goes elsewhere (another robot of the center books them)
    const center = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"embedded center/.exec(robot.output())![1]!;
    const { token } = JSON.parse(readFileSync(join(robot.dataDir, 'center-credentials.json'), 'utf8')) as { token: string };
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${center}/v1/booking/appointments`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: randomUUID(), serviceId: 'birth-registration', day: '2026-11-30', time: '09:00', phone: '0987000111', language: 'vi', consent: true }),
      });
      expect(res.status).toBe(201);
    }
    await page.locator('[data-action="agree"]').click();
    await page.locator('[data-step="time"] [data-code="BOOKING_SLOT_FULL"]').waitFor();
    expect(await page.locator('[data-time="09:00"]').count()).toBe(0);
    expect(await page.locator('[data-time="09:30"]').count()).toBe(1);
  });
});
