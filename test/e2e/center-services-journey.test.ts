/**
 * Issue 18's first acceptance point as one journey in Debian's Chromium, on the built simulator
 * robot with its embedded center: on Monday a visitor books Wednesday 09:00 on the touchscreen and
 * takes the slip; the robot is restarted on Wednesday 08:50 (same data, the clock injected) and
 * the slip's QR, read off the paper, checks in: the appointment ticket is issued. The counter page
 * calls and completes it, its phone page (/t/<id>) takes a rating, and the director's statistics
 * for Wednesday show the booking kept, the ticket's wait and service times and the rating; the
 * CSV has the ticket's row with its times. Neither the phone number nor the name reaches the log
 * of the robot or of its center. Wednesday holds none of the demo appointments, so every figure
 * is this journey's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { STATS_CSV_COLUMNS, type StatsResponse } from '../../src/contract/sync';
import { startVirtualPrinter, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
import { launchChromium } from '../support/browser';
import { signIn } from '../support/center-pages';
import { openKiosk } from '../support/kiosk';
import { paperWithQr, qrOnPaper } from '../support/paper-qr';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { typeLikeAScanner } from '../support/scanner-keys';

const PHONE = '0912345678';
const NAME = 'QUYNH';
const DAY = '2026-12-02';

describe('book at the robot, check in on the day, served, rated, counted (Chromium, built robot, embedded center)', () => {
  let printer: VirtualPrinter;
  let browser: Browser;
  const robots: RobotProcess[] = [];
  let dataDir = '';

  const start = async (clock: string): Promise<{ robot: RobotProcess; centerUrl: string }> => {
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-e2e-journey', printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port },
      queue: { simulatedClockStart: clock },
    });
    // the same data directory each time (the last --data wins): the robot's enrolment and its center's database
    const robot = await startRobot(dataDir ? ['--config', config, '--data', dataDir] : ['--config', config]);
    robots.push(robot);
    dataDir ||= robot.dataDir;
    const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"embedded center/.exec(robot.output());
    if (!m) throw new Error(`no embedded center in the robot's log:\n${robot.output()}`);
    return { robot, centerUrl: m[1]! };
  };

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const r of robots) await r.stop();
    await printer?.close();
  });

  async function typePhone(page: Page, phone: string): Promise<void> {
    for (const d of phone) await page.locator(`.keyboard.numeric [data-key="${d}"]`).click();
  }

  it('books, checks in on the day, is served and rated, and the statistics and the CSV count it', async () => {
    // Monday 08:20: book Wednesday 09:00 on the touchscreen
    const monday = await start('2026-11-30T08:20:00+07:00');
    let page = await openKiosk(browser, monday.robot.url, monday.robot.token);
    await page.locator('.attract').click();
    await page.locator('[data-action="guide"]').click();
    await page.locator('[data-procedure="birth-registration"]').click();
    await page.locator('[data-action="book"]').click();
    await page.locator(`[data-day="${DAY}"]`).click();
    await page.locator('[data-time="09:00"]').click();
    await typePhone(page, PHONE);
    await page.locator('[data-step="phone"] [data-action="next"]').click();
    for (const k of NAME) await page.locator(`.keyboard [data-key="${k}"]`).click();
    await page.locator('[data-step="name"] [data-action="next"]').click();
    await page.locator('[data-action="agree"]').click();
    await page.locator('[data-testid="booking-result"]').waitFor();
    const slip = await paperWithQr(printer, 'LR1A.');
    expect(slip).toBeDefined();
    const appointmentQr = qrOnPaper(slip!.png)!;
    await page.close();
    expect(await monday.robot.stop()).toBe(0);

    // Wednesday 08:50, ten minutes early: the slip's QR checks in and issues the ticket
    const { robot, centerUrl } = await start(`${DAY}T08:50:00+07:00`);
    // the counter page, signed in, watches its group's waiting count live
    const staffKey = readFileSync(join(dataDir, 'center', 'staff-key'), 'utf8').trim();
    const counter = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await counter.goto(`${centerUrl}/counter`);
    await signIn(counter, staffKey);
    await counter.locator('#current').waitFor();
    const nobodyWaiting = (await counter.textContent('#waiting'))!;
    page = await openKiosk(browser, robot.url, robot.token);
    await page.locator('.attract').click();
    await page.locator('[data-action="appointment"]').waitFor();
    await typeLikeAScanner(page, appointmentQr);
    const result = page.locator('[data-testid="appointment-result"]');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('data-outcome')).toBe('checked-in');
    const display = (await page.locator('[data-testid="ticket-number"]').textContent())!;
    const ticketPaper = await paperWithQr(printer, `${centerUrl}/t/`);
    expect(ticketPaper).toBeDefined();
    const ticketId = new URL(qrOnPaper(ticketPaper!.png)!).pathname.split('/').pop()!;

    // the sync client hands the ticket to the center: the counter page's waiting count moves
    await counter.waitForFunction((before) => {
      const now = document.getElementById('waiting')?.textContent;
      return now != null && now !== before;
    }, nobodyWaiting, { timeout: 30_000 });
    // the phone page is open while the counter calls and completes the ticket
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(`${centerUrl}/t/${ticketId}`);
    await phone.locator('#status').waitFor();
    await counter.click('#call-next');
    await counter.waitForFunction((d) => document.getElementById('current')?.textContent === d, display);
    await counter.click('#complete');

    await phone.locator('#rating').waitFor();
    await phone.click('[data-score="satisfied"]');
    await phone.fill('#rating-comment', 'Nhanh gon');
    await phone.click('#rating-send');
    await phone.locator('#rating-thanks').waitFor();

    // the director's figures for Wednesday
    const auth = { authorization: `Staff ${staffKey}` };
    const statsRes = await fetch(`${centerUrl}/v1/stats?from=${DAY}&to=${DAY}`, { headers: auth });
    const stats = (await statsRes.json()) as StatsResponse;
    expect(statsRes.status).toBe(200);
    expect(stats.appointments).toEqual({ booked: 1, kept: 1, missed: 0, cancelled: 0 });
    expect(stats.tickets).toMatchObject({ total: 1, served: 1, skipped: 0, open: 0, appointment: 1, robot: 1, called: 1 });
    expect(stats.ratings).toMatchObject({ count: 1, verySatisfied: 0, satisfied: 1, notSatisfied: 0, shareSatisfied: 1 });
    expect(stats.ratings.recentComments).toEqual([{ day: DAY, score: 'satisfied', comment: 'Nhanh gon', serviceId: 'birth-registration', counterId: 'counter-1' }]);
    expect(stats.perCounter).toEqual([expect.objectContaining({ counterId: 'counter-1', called: 1, served: 1 })]);

    // the CSV's row: the ticket, its times on Wednesday, and the same wait and service as the figures
    const csv = await (await fetch(`${centerUrl}/v1/stats.csv?from=${DAY}&to=${DAY}`, { headers: auth })).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(STATS_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(2);
    const row = Object.fromEntries(STATS_CSV_COLUMNS.map((c, i) => [c, lines[1]!.split(',')[i]!]));
    expect(row).toMatchObject({ ticket_id: ticketId, day: DAY, display, service_id: 'birth-registration', counter_id: 'counter-1', robot_id: 'robot-e2e-journey', status: 'served' });
    const at = (iso: string) => Date.parse(iso);
    for (const c of ['issued_at', 'called_at', 'completed_at'] as const) expect(row[c]).toMatch(new RegExp(`^${DAY}T08:5\\d:\\d\\d(\\.\\d+)?\\+07:00$`));
    expect(at(row.issued_at!)).toBeGreaterThanOrEqual(Date.parse(`${DAY}T08:50:00+07:00`));
    expect(at(row.issued_at!)).toBeLessThanOrEqual(at(row.called_at!));
    expect(at(row.called_at!)).toBeLessThanOrEqual(at(row.completed_at!));
    expect(at(row.completed_at!)).toBeLessThanOrEqual(stats.serverTime);
    const waitMs = Math.round(Number(row.wait_seconds) * 1000);
    const serviceMs = Math.round(Number(row.service_seconds) * 1000);
    expect(waitMs).toBe(at(row.called_at!) - at(row.issued_at!));
    expect(serviceMs).toBe(at(row.completed_at!) - at(row.called_at!));
    expect(stats.wait).toEqual({ count: 1, medianMs: waitMs, p90Ms: waitMs });
    expect(stats.service).toEqual({ count: 1, medianMs: serviceMs, p90Ms: serviceMs });

    // the log of both runs, the embedded center's lines included, holds neither the phone nor the name
    for (const r of robots) {
      const log = r.output();
      expect(log).toContain('"part":"center"');
      expect(log.includes(PHONE)).toBe(false);
      expect(log.toLowerCase().includes(NAME.toLowerCase())).toBe(false);
    }
    expect(monday.robot.output()).toContain('appointment booked at the center');
  }, 180_000);
});
