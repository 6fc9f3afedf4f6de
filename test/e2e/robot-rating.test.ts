/**
 * Rating at the robot (issue 18) in Chromium, on a built simulator robot with its embedded center:
 * the ticket's QR, scanned by a keyboard-wedge scanner on the home screen, opens its rating; before
 * the counter completes the ticket the screen says so; after, the visitor rates it once (the center
 * stores it from the robot) and a second scan says it is rated already. The rating screen passes
 * the kiosk's layout checks: five languages, portrait and landscape, normal and large text.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES } from '../../src/contract';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { launchChromium } from '../support/browser';
import { captureScreen, LANDSCAPE, openKiosk, PORTRAIT } from '../support/kiosk';
import { layoutProblems, rawCodes } from '../support/layout';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { typeLikeAScanner } from '../support/scanner-keys';
import { openApi, request } from '../support/ws-client';

const IDS = [...DEMO_CATALOG.services.map((s) => s.id), ...DEMO_CATALOG.fields.map((f) => f.id), ...DEMO_CATALOG.counters.map((c) => c.id)];

describe('rating a ticket at the robot by scanning its QR (Chromium, built robot, embedded center)', () => {
  let robot: RobotProcess;
  let browser: Browser;
  let centerUrl: string;
  let staffKey: string;

  beforeAll(async () => {
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-e2e-rating', printer: { adapter: 'simulator', statusPollMs: 0 },
      queue: { simulatedClockStart: '2026-11-30T09:00:00+07:00' },
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
  });

  const staff = (path: string) => fetch(`${centerUrl}${path}`, { method: 'POST', headers: { authorization: `Staff ${staffKey}`, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json() as Promise<{ current?: { ticketId: string } | null }>);

  /** A ticket issued at the robot, once its center has it (the sync client sends it within seconds). */
  async function issue(): Promise<{ id: string; display: string }> {
    const { ws } = await openApi(robot.url, { token: robot.token });
    await request(ws!, { v: 1, id: 'h', type: 'hello', payload: { client: 'test' } }, 'h');
    const issued = await request(ws!, { v: 1, id: 't', type: 'ticket.issue', payload: { serviceId: 'birth-registration', language: 'vi' } }, 't');
    ws!.close();
    const ticket = (issued.result as { ticket: { id: string; display: string } }).ticket;
    for (let i = 0; i < 300; i++) {
      const res = await fetch(`${centerUrl}/v1/tickets/${ticket.id}/status`);
      if (res.ok && ((await res.json()) as { status: string }).status === 'waiting') return ticket;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the center never received the ticket');
  }

  /** Serves every waiting ticket of the civil-status counters, the given one included. */
  async function serve(ticketId: string): Promise<void> {
    for (;;) {
      const called = await staff('/v1/counters/counter-1/call-next');
      await staff('/v1/counters/counter-1/complete');
      if (!called.current || called.current.ticketId === ticketId) return;
    }
  }

  async function scanOnHome(page: Page, lang: string, text: string, large = false) {
    await page.locator('.attract').waitFor();
    await page.locator(`[data-language="${lang}"]`).click();
    if (large) await page.locator('[data-nav="large-text"]').click();
    await page.locator('[data-field]').first().waitFor();
    await typeLikeAScanner(page, text);
  }
  const qr = (id: string) => `${centerUrl}/t/${id}`;
  const endSession = async (page: Page) => {
    await page.locator('[data-nav="end"]').click();
    await page.locator('.attract').waitFor();
  };

  it('not completed yet: says so; completed: takes one rating, stored as from the robot; scanned again: rated already', async () => {
    const ticket = await issue();
    const page = await openKiosk(browser, robot.url, robot.token);
    await scanOnHome(page, 'en', qr(ticket.id));
    const refused = page.locator('[data-testid="rating-result"]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('RATING_TICKET_NOT_COMPLETED');
    expect(await refused.textContent()).toContain('has not been served yet');
    await page.locator('.rating-result .done').click();

    await serve(ticket.id);
    await scanOnHome(page, 'en', qr(ticket.id));
    await page.locator('[data-testid="rating-ticket"]').waitFor();
    expect(await page.textContent('[data-testid="rating-ticket"]')).toBe(`Number ${ticket.display}`);
    await page.locator('[data-score="very-satisfied"]').click();
    await page.locator('[data-reason="fast-service"]').click();
    expect(await captureScreen(page, 'robot-rating-en')).toEqual([]);
    await page.locator('[data-action="send-rating"]').click();
    const done = page.locator('[data-testid="rating-result"][data-code=""]');
    await done.waitFor();
    expect(await done.textContent()).toContain('Thank you for your rating!');
    const db = new Database(join(robot.dataDir, 'center', 'center.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT score, reasons, source, counter_id FROM ratings WHERE ticket_id = ?').get(ticket.id)).toEqual({ score: 'very-satisfied', reasons: '["fast-service"]', source: 'robot', counter_id: 'counter-1' });
    } finally {
      db.close();
    }
    await page.locator('.rating-result .done').click();

    await scanOnHome(page, 'vi', qr(ticket.id));
    await page.locator('[data-testid="rating-result"]').waitFor();
    expect(await page.getAttribute('[data-testid="rating-result"]', 'data-code')).toBe('RATING_ALREADY_GIVEN');
    await page.close();
  }, 120_000);

  it('the rating screen fits, is tappable and shows no code: five languages, portrait and landscape, normal and large text', async () => {
    const ticket = await issue();
    await serve(ticket.id);
    const page = await openKiosk(browser, robot.url, robot.token);
    const problems: string[] = [];
    for (const lang of LANGUAGES) {
      for (const large of [false, true]) {
        await scanOnHome(page, lang, qr(ticket.id), large);
        await page.locator('[data-score="not-satisfied"]').click(); // the reasons appear
        await page.locator('[data-reason]').first().waitFor();
        for (const viewport of [PORTRAIT, LANDSCAPE]) {
          await page.setViewportSize(viewport);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const at = `${lang}/${large ? 'large' : 'normal'} ${viewport === PORTRAIT ? 'portrait' : 'landscape'}`;
          problems.push(...(await layoutProblems(page)).map((p) => `${at}: ${p.kind} ${p.what}`));
          problems.push(...(await rawCodes(page, IDS)).map((c) => `${at}: raw code "${c}"`));
          if (!large && (lang === 'vi' || lang === 'ja')) await captureScreen(page, `robot-rating-${lang}`);
        }
        await page.setViewportSize(PORTRAIT);
        await endSession(page);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
