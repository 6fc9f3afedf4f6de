/**
 * Issue 6 end to end in Debian's Chromium against the built robot (`lobby-robot start`, whose
 * embedded center signs the demo appointment QRs and whose robot trusts that key): the fake
 * camera shows an appointment QR, a keyboard-wedge scanner types one at scanner speed, a person
 * types the same characters slowly into the search box, and a dossier is looked up. Every ticket
 * is read back off the virtual printer's paper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
import { launchChromium } from '../support/browser';
import { fakeCameraFlags, writeQrY4m } from '../support/fake-camera';
import { captureScreen, LANDSCAPE, openKiosk } from '../support/kiosk';
import { typeLikeAScanner } from '../support/scanner-keys';
import { paperWithQr } from '../support/paper-qr';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

describe('appointment check-in and dossier look-up on the touchscreen (Chromium, built robot, embedded center)', () => {
  let printer: VirtualPrinter;
  let robot: RobotProcess;
  let browser: Browser;
  let centerUrl: string;
  let staffKey: string;

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-e2e-scan', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port },
      ticketStatusUrl: 'http://center.test/t/{display}/{id}',
      // Monday 08:20 in Ha Noi: the demo appointments at 08:30 and 08:45 are open for check-in
      queue: { simulatedClockStart: '2026-11-30T08:20:00+07:00' },
    });
    robot = await startRobot(['--config', config]);
    const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"embedded center/.exec(robot.output());
    if (!m) throw new Error(`no embedded center in the robot's log:\n${robot.output()}`);
    centerUrl = m[1]!;
    staffKey = readFileSync(join(robot.dataDir, 'center', 'staff-key'), 'utf8').trim();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
    await printer?.close();
  });

  /** The signed QR text a booking system sends the citizen (the center's staff route). */
  async function appointmentQr(code: string): Promise<string> {
    const res = await fetch(`${centerUrl}/v1/admin/appointments/${code}/qr`, { headers: { authorization: `Staff ${staffKey}` } });
    return ((await res.json()) as { text: string }).text;
  }
  const printedSoon = async (display: string) => (await paperWithQr(printer, `http://center.test/t/${display}/`)) !== undefined;

  async function home(page: Page): Promise<void> {
    await page.locator('.attract').click();
    await page.locator('[data-action="appointment"]').waitFor();
  }

  async function expectCheckedIn(page: Page, timeout = 20_000): Promise<string> {
    const result = page.locator('[data-testid="appointment-result"]');
    await result.waitFor({ timeout }).catch(async (e: Error) => {
      throw new Error(`${e.message}\nthe screen shows: ${(await page.locator('body').innerText()).slice(0, 400)}`);
    });
    expect(await result.getAttribute('data-outcome')).toBe('checked-in');
    const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
    expect(number).toMatch(/^[A-F]\d{3}$/);
    await expect(page.locator('.check-in .notice').first().textContent()).resolves.toContain('Vé đã được in');
    // the appointment ticket came out of the printer: its QR, read off the paper, carries the number
    expect(await printedSoon(number)).toBe(true);
    return number;
  }

  it('(a) the camera shows an appointment QR: checked in, the appointment ticket is printed', async () => {
    const y4m = writeQrY4m(tempDir(), await appointmentQr('LH-000123'));
    const cameraBrowser = await launchChromium(fakeCameraFlags(y4m));
    try {
      const page = await openKiosk(cameraBrowser, robot.url, robot.token);
      const logs: string[] = [];
      page.on('console', (m) => logs.push(m.text()));
      page.on('pageerror', (e) => logs.push(`PAGEERROR ${e.message}`));
      await home(page);
      // html5-qrcode reads the fake camera's frame within a second or so of the screen opening
      await page.locator('[data-action="appointment"]').click();
      // decoding runs on the page's main thread: on a loaded 2-core CI machine it takes longer
      await expectCheckedIn(page, 45_000).catch((e: Error) => {
        throw new Error(`${e.message}\npage console:\n${logs.join('\n').slice(0, 2000)}`);
      });
      // the camera runs only while a code is expected: the preview is gone with the answer
      expect(await page.locator('[data-testid="camera-preview"]').count()).toBe(0);
      expect(await captureScreen(page, 'appointment-checked-in-vi')).toEqual([]);
      await page.locator('.check-in .done').click();
      await page.locator('.attract').waitFor();
    } finally {
      await cameraBrowser.close();
    }
  });

  it('(b) a keyboard-wedge scan at scanner speed on the home screen does the same; the same code again is refused', async () => {
    const text = await appointmentQr('LH-000126');
    const page = await openKiosk(browser, robot.url, robot.token);
    await home(page);
    await typeLikeAScanner(page, text);
    await expectCheckedIn(page);

    await page.locator('.check-in .done').click();
    await home(page);
    await page.locator('[data-action="appointment"]').click();
    await page.locator('[data-testid="camera-preview"]').waitFor();
    expect(await captureScreen(page, 'appointment-scan-vi')).toEqual([]);
    await typeLikeAScanner(page, text);
    const refused = page.locator('[data-testid="appointment-result"][data-outcome="refused"]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('APPOINTMENT_ALREADY_CHECKED_IN');
    await expect(page.locator('[data-testid="next-step"]').textContent()).resolves.toContain('cán bộ');
    expect(await captureScreen(page, 'appointment-refused-vi')).toEqual([]);
  });

  it('(c) a person typing the same characters slowly into the search box is not taken as a scan', async () => {
    const text = (await appointmentQr('LH-000124')).slice(0, 24);
    const page = await openKiosk(browser, robot.url, robot.token);
    await home(page);
    await page.locator('[data-action="search"]').click();
    const input = page.locator('[data-testid="search-input"]');
    await input.click();
    const jobs = printer.jobs.length;
    await page.keyboard.type(text, { delay: 150 });
    await page.keyboard.press('Enter');
    // the wedge decides inside the Enter's keydown (press resolves once the page has handled it) and a
    // scan replaces the screen at once: two frames later the page shows whatever the Enter led to
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.locator('[data-testid="search-input"]').count()).toBe(1);
    await expect(input.inputValue()).resolves.toBe(text);
    expect(await page.locator('[data-testid="appointment-result"]').count()).toBe(0);
    expect(await page.locator('[data-action="appointment"]').count()).toBe(0);
    expect(printer.jobs.length).toBe(jobs);
  });

  it('dossier: a scanned ready dossier offers the result-pickup ticket; a typed one explains its status', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await home(page);
    await typeLikeAScanner(page, '000.00.51.H29-261120-0001');
    const result = page.locator('[data-testid="dossier-result"]');
    await result.waitFor();
    // a failure names its code (data-code): say which, rather than only "no status"
    expect({ code: await result.getAttribute('data-code'), status: await result.getAttribute('data-status') }).toEqual({ code: null, status: 'ready-for-pickup' });
    expect(await captureScreen(page, 'dossier-ready-vi')).toEqual([]);
    await page.locator('[data-action="pickup-ticket"]').click();
    const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
    expect(number).toMatch(/^R\d{3}$/);
    expect(await printedSoon(number)).toBe(true);

    await page.locator('.ticket .done').click();
    await page.locator('[data-language="en"]').click();
    await page.locator('[data-action="dossier"]').click();
    for (const k of '000.00.51.H29-261125-0007'.toUpperCase()) await page.locator(`.keyboard [data-key="${k}"]`).click();
    await expect(page.locator('[data-testid="dossier-input"]').inputValue()).resolves.toBe('000.00.51.h29-261125-0007');
    await page.locator('[data-action="look-up"]').click();
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('processing');
    await expect(result.textContent()).resolves.toContain('Your dossier is being processed');
    expect(await page.locator('[data-action="pickup-ticket"]').count()).toBe(0);
  });

  it('in landscape too, the check-in and dossier screens are readable and reachable', async () => {
    const page = await openKiosk(browser, robot.url, robot.token, LANDSCAPE);
    await home(page);
    await page.locator('[data-action="appointment"]').click();
    await page.locator('[data-testid="camera-preview"]').waitFor();
    expect(await captureScreen(page, 'appointment-scan-vi-landscape')).toEqual([]);
    await page.locator('[data-nav="back"]').click();
    await page.locator('[data-action="dossier"]').click();
    await typeLikeAScanner(page, '000.00.51.H29-261120-0001');
    await page.locator('[data-testid="dossier-result"]').waitFor();
    expect(await captureScreen(page, 'dossier-ready-vi-landscape')).toEqual([]);
  });
});
