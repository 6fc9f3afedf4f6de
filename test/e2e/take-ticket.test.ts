import type { Browser } from 'playwright-core';
import { startVirtualPrinter, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
import { paperWithQr } from '../support/paper-qr';
import { launchChromium } from '../support/browser';
import { captureScreen, LANDSCAPE, openKiosk, PORTRAIT } from '../support/kiosk';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

describe('a citizen takes a number on the touchscreen (Chromium, built robot, virtual printer on TCP)', () => {
  let printer: VirtualPrinter;
  let robot: RobotProcess;
  let browser: Browser;

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-e2e', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port },
      screen: { dpi: 102, idleSeconds: 60, moreTimeSeconds: 30 },
      ticketStatusUrl: 'http://center.test/t/{display}/{id}',
      // Monday 08:00 in Ha Noi: the center is open whenever the test runs
      queue: { simulatedClockStart: '2026-11-30T08:00:00+07:00' },
    });
    robot = await startRobot(['--config', config]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
    await printer?.close();
  });

  it.each([
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ])('in %s: 3 taps from idle to a printed ticket, every screen readable and reachable', async (_name, viewport) => {
    const page = await openKiosk(browser, robot.url, robot.token, viewport);
    await page.locator('.attract-line').first().waitFor();
    expect(page.url()).not.toContain('token');
    const problems = [await captureScreen(page, 'attract')];

    await page.locator('.attract').click(); // tap 1: anywhere
    await page.locator('[data-field="civil-status"]').waitFor();
    problems.push(await captureScreen(page, 'home-vi'));

    await page.locator('[data-field="civil-status"]').click(); // tap 2: the field
    const service = page.locator('[data-service="birth-registration"]');
    await expect(service.textContent()).resolves.toBe('Đăng ký khai sinh');
    problems.push(await captureScreen(page, 'services-vi'));

    await service.click(); // tap 3: the service
    const number = (await page.locator('[data-testid="ticket-number"]').textContent())!;
    expect(number).toMatch(/^A\d{3}$/);
    await expect(page.locator('.ticket .notice').textContent()).resolves.toContain('Vé đã được in');
    problems.push(await captureScreen(page, 'ticket-vi'));

    expect(problems.flat()).toEqual([]);
    // the ticket is printed as a raster image; the QR read off the decoded paper carries the number
    const job = await paperWithQr(printer, `http://center.test/t/${number}/`);
    expect(job).toBeDefined();
    // the robot asked the printer's status (DLE EOT 1-4) before the job, which starts with ESC @
    expect(job!.bytes.subarray(0, 14)).toEqual(Buffer.from([0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4, 0x1b, 0x40]));

    await page.locator('.ticket .done').click();
    await page.locator('.attract').waitFor();
  });

  it('a language chosen on the idle screen drives the screens; finishing clears it back to Vietnamese', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await page.locator('[data-language="en"]').click();
    await page.locator('[data-field="certification"]').click();
    await page.locator('[data-service="copy-certification"]', { hasText: 'Certified copy' }).click();
    await expect(page.locator('[data-testid="ticket-number"]').textContent()).resolves.toMatch(/^B\d{3}$/);
    await expect(page.locator('.ticket .notice').textContent()).resolves.toContain('Your ticket has been printed');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.locator('.ticket .done').click();
    await page.locator('.attract').click();
    await expect(page.locator('[data-field="certification"]').textContent()).resolves.toBe('Chứng thực');
  });

  it('asks "need more time?" after the idle time, keeps the session on a touch, clears it when unanswered', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    // the page's clock is fake: timers and animation frames run only when the test advances time
    await page.clock.install();
    await page.goto(`${robot.url}#token=${robot.token}`);
    const settle = () => page.clock.runFor(300);
    const tap = async (selector: string) => {
      await settle();
      await page.locator(selector).click();
      await settle();
    };
    // connected and the catalog loaded: no connection notice any more
    for (let i = 0; i < 50 && (await page.locator('.connection').count()) > 0; i++) await settle();
    await settle();
    await tap('[data-language="ko"]');
    await tap('[data-field="land"]');
    await tap('[data-nav="large-text"]');

    await page.clock.runFor(58_000);
    expect(await page.locator('[data-testid="more-time"]').count()).toBe(0);
    await page.clock.runFor(1_200);
    await expect(page.locator('#more-time-q').textContent()).resolves.toContain('30');
    expect(await captureScreen(page, 'more-time-ko')).toEqual([]);
    await tap('[data-testid="more-time"]');
    await expect(page.locator('[data-service="land-registration"]').textContent()).resolves.toBe('최초 토지 등록 및 증명서 발급');

    await page.clock.runFor(60_000 + 29_000);
    expect(await page.locator('[data-testid="more-time"]').count()).toBe(1);
    await page.clock.runFor(1_500);
    await page.locator('.attract').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(false);
  });

  it('a tap while the robot is still loading is not lost: home opens as soon as the catalog arrives', async () => {
    const page = await browser.newPage({ viewport: PORTRAIT });
    // pass the real socket through, holding the controller's answer to catalog.get back
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.routeWebSocket(/\/api\?/, (ws) => {
      const server = ws.connectToServer();
      let catalogCall: string | undefined;
      ws.onMessage((m) => {
        const msg = JSON.parse(String(m)) as { id?: string; type?: string };
        if (msg.type === 'catalog.get') catalogCall = msg.id;
        server.send(m);
      });
      server.onMessage((m) => {
        const reply = JSON.parse(String(m)) as { id?: string };
        if (catalogCall !== undefined && reply.id === catalogCall) void held.then(() => ws.send(m));
        else ws.send(m);
      });
    });
    await page.goto(`${robot.url}#token=${robot.token}`);
    await page.locator('.connection').waitFor({ state: 'detached' }); // connected
    await page.locator('.attract').click();
    expect(await page.locator('[data-field]').count()).toBe(0); // no catalog yet: no home screen to show
    release();
    await page.locator('[data-field="civil-status"]').waitFor();
    await page.close();
  });

  it('a page without the token cannot reach the API and says it is disconnected', async () => {
    const page = await browser.newPage();
    await page.goto(robot.url);
    await expect(page.locator('.connection').textContent()).resolves.toMatch(/Mất kết nối|Đang kết nối/);
    await page.locator('.attract').click();
    expect(await page.locator('[data-field]').count()).toBe(0);
  });
});
