import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Language } from '../../src/contract';
import { launchChromium } from '../support/browser';
import { captureBoth, localeText, openCountingKiosk } from '../support/journeys';
import { ROOT, startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

/** A robot whose clock starts at `at` (Ha Noi time), optionally with another catalog. */
function robotAt(at: string, catalog?: unknown): Promise<RobotProcess> {
  const config = writeConfig(tempDir(), {
    profile: 'simulator', robotId: 'robot-refusals', queue: { simulatedClockStart: at },
    printer: { adapter: 'simulator', statusPollMs: 0 }, ...(catalog ? { catalog } : {}),
  });
  return startRobot(['--config', config]);
}

describe('a number refused: why, and when to come back, in the visitor\'s language (Chromium, built robots)', () => {
  let browser: Browser;
  let closed: RobotProcess, holiday: RobotProcess, lateAfternoon: RobotProcess;

  beforeAll(async () => {
    const demo = JSON.parse(readFileSync(join(ROOT, 'assets', 'catalog', 'demo-catalog.json'), 'utf8')) as Record<string, unknown>;
    // normal tickets stop 30 minutes before closing; priority tickets keep their own rule (until closing)
    const cutoff = { ...demo, cutoff: { normal: { rule: 'until-closing', marginMinutes: 30 } } };
    [browser, closed, holiday, lateAfternoon] = await Promise.all([
      launchChromium(),
      robotAt('2026-11-29T10:00:00+07:00'), // a Sunday
      robotAt('2026-09-02T09:00:00+07:00'), // National Day, a Wednesday
      robotAt('2026-11-30T16:45:00+07:00', cutoff), // a Monday, 15 minutes before closing
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([closed?.stop(), holiday?.stop(), lateAfternoon?.stop()]);
  });

  async function refusalFor(robot: RobotProcess, lang: Language, field: string, service: string) {
    const page = await openCountingKiosk(browser, robot.url, robot.token);
    await page.locator(`[data-language="${lang}"]`).click();
    await page.locator(`[data-field="${field}"]`).click();
    await page.locator(`[data-service="${service}"]`).click();
    const refusal = page.locator('[data-testid="refusal"]');
    await refusal.waitFor();
    return { page, code: await refusal.getAttribute('data-code'), text: await refusal.textContent() };
  }

  it('closed on Sunday: in English, with Monday\'s opening time', async () => {
    const { page, code, text } = await refusalFor(closed, 'en', 'civil-status', 'birth-registration');
    expect(code).toBe('QUEUE_CENTER_CLOSED');
    expect(text).toBe(localeText('en', 'QUEUE_CENTER_CLOSED', 'errors').replace('{{nextOpening}}', '07:30, Monday, 30 November 2026'));
    await expect(page.locator('h1').textContent()).resolves.toBe(localeText('en', 'journey.refusal.title'));
    expect(await captureBoth(page, 'refusal-closed', ['.refusal [data-action="done"]'])).toEqual([]);
    // the visitor can still call someone from here
    await page.locator('.refusal [data-action="staff"]').click();
    await page.locator('[data-action="call-staff"]').waitFor();
    await page.close();
  });

  it('a public holiday: in Japanese, with the next working day', async () => {
    const { page, code, text } = await refusalFor(holiday, 'ja', 'certification', 'copy-certification');
    expect(code).toBe('QUEUE_HOLIDAY');
    expect(text).toBe(localeText('ja', 'QUEUE_HOLIDAY', 'errors').replace('{{nextOpening}}', '2026年9月3日木曜日 07:30'));
    await page.close();
  });

  it('after the cut-off: in Vietnamese, with tomorrow\'s opening; a priority visitor still gets a number', async () => {
    const { page, code, text } = await refusalFor(lateAfternoon, 'vi', 'land', 'land-registration');
    expect(code).toBe('QUEUE_CUTOFF_REACHED');
    expect(text).toBe(localeText('vi', 'QUEUE_CUTOFF_REACHED', 'errors').replace('{{nextOpening}}', '07:30, Thứ Ba, 1 tháng 12, 2026'));
    await page.locator('[data-nav="back"]').click();
    await page.locator('[data-priority="elderly"]').click();
    await page.locator('[data-service="land-registration"]').click();
    await expect(page.locator('[data-testid="ticket-number"]').textContent()).resolves.toMatch(/^C\d{3}$/);
    await page.close();
  });
});
