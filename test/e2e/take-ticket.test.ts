import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
import { qrOnPaper } from '../support/paper-qr';
import { launchChromium } from '../support/browser';
import { ROOT, startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'screens');

describe('a citizen takes a number on the touchscreen (Chromium, built robot, virtual printer on TCP)', () => {
  let printer: VirtualPrinter;
  let robot: RobotProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    printer = await startVirtualPrinter();
    const config = writeConfig(tempDir(), { profile: 'simulator', robotId: 'robot-e2e', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port }, ticketStatusUrl: 'http://center.test/t/{display}/{id}' });
    robot = await startRobot(['--config', config]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
    await printer?.close();
  });

  it('taps a service, sees the number, and the printer received it', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${robot.url}#token=${robot.token}`);
    const service = page.locator('[data-service="birth-registration"]');
    await expect(service.textContent()).resolves.toBe('Đăng ký khai sinh');
    // the token left the address bar once read
    expect(page.url()).not.toContain('token');
    await page.screenshot({ path: join(ARTIFACTS, 'home-vi-portrait.png') });

    await service.click();
    const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
    expect(number).toMatch(/^A\d{3}$/);
    await expect(page.locator('.notice').textContent()).resolves.toContain('Vé đã được in');
    await page.screenshot({ path: join(ARTIFACTS, 'ticket-vi-portrait.png') });

    // the ticket is printed as a raster image; the QR read off the decoded paper carries the number
    const job = printer.jobs.find((j) => qrOnPaper(j.png)?.startsWith(`http://center.test/t/${number}/`));
    expect(job).toBeDefined();
    // the robot asked the printer's status (DLE EOT 1-4) before the job, which starts with ESC @
    expect(job!.bytes.subarray(0, 14)).toEqual(Buffer.from([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4, 0x1b, 0x40]));
  });

  it('switches to English and issues in English', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${robot.url}#token=${robot.token}`);
    await page.locator('[data-language="en"]').click();
    await page.locator('[data-service="copy-certification"]', { hasText: 'Certified copy' }).click();
    await expect(page.locator('[data-testid="ticket-number"]').textContent()).resolves.toMatch(/^B\d{3}$/);
    await expect(page.locator('.notice').textContent()).resolves.toContain('Your ticket has been printed');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: join(ARTIFACTS, 'ticket-en-landscape.png') });
  });

  it('a page without the token cannot reach the API and says it is disconnected', async () => {
    const page = await browser.newPage();
    await page.goto(robot.url);
    await expect(page.locator('.connection').textContent()).resolves.toMatch(/Mất kết nối|Đang kết nối/);
    expect(await page.locator('[data-service]').count()).toBe(0);
  });
});
