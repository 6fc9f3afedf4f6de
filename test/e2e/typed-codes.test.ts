import type { Browser, Page } from 'playwright-core';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { counterLabelsFor } from '../../src/core/where-to-go';
import { launchChromium } from '../support/browser';
import { captureBoth, localeText, openCountingKiosk } from '../support/journeys';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

/**
 * Point 3 of issue 17: a booking code typed on the screen checks the visitor in (the embedded
 * center knows LH-000123, booked for 08:30), and the answer says how many are ahead and which
 * counter; a dossier that needs more papers, or was returned, offers a number for the counter.
 */
describe('typed appointment codes and dossier follow-ups (Chromium, built robot, embedded center)', () => {
  let browser: Browser;
  let robot: RobotProcess;
  let page: Page;
  beforeAll(async () => {
    const config = writeConfig(tempDir(), { profile: 'simulator', robotId: 'robot-typed', printer: { adapter: 'simulator', statusPollMs: 0 }, queue: { simulatedClockStart: '2026-11-30T08:20:00+07:00' } });
    [browser, robot] = await Promise.all([launchChromium(), startRobot(['--config', config])]);
    page = await openCountingKiosk(browser, robot.url, robot.token);
  });
  // each visitor starts on the idle screen, whatever the one before left
  afterEach(async () => {
    if (await page.locator('[data-nav="end"]').count()) await page.locator('[data-nav="end"]').click();
    await page.locator('.attract').waitFor();
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await robot?.stop();
  });

  it('types the booking code, is checked in, and reads the people ahead and the counter', async () => {
    await page.locator('[data-language="en"]').click();
    await page.locator('[data-action="appointment"]').click();
    await page.locator('[data-action="type-code"]').click();
    for (const k of 'LH-000123') await page.locator(`.keyboard [data-key="${k}"]`).click();
    expect(await captureBoth(page, 'appointment-typed', ['[data-action="check-in"]', '.keyboard [data-key="backspace"]'])).toEqual([]);
    await page.locator('[data-action="check-in"]').click();
    const result = page.locator('[data-testid="appointment-result"]');
    await result.waitFor();
    expect({ outcome: await result.getAttribute('data-outcome'), code: await result.getAttribute('data-code') }).toEqual({ outcome: 'checked-in', code: null });
    await expect(page.locator('[data-testid="where-to-go"]').textContent()).resolves.toBe(localeText('en', 'journey.ticket.whereToGo').replace('{{place}}', counterLabelsFor(DEMO_CATALOG, 'birth-registration', 'en').join(', ')));
    expect(await page.locator('[data-testid="people-ahead"]').count()).toBe(1);
    await page.locator('[data-testid="appointment-result"] .done').click();
    await page.locator('.attract').waitFor();
  });

  it('an unknown typed code is refused with a way to try again', async () => {
    await page.locator('[data-language="vi"]').click();
    await page.locator('[data-action="appointment"]').click();
    await page.locator('[data-action="type-code"]').click();
    for (const k of 'LH-999999') await page.locator(`.keyboard [data-key="${k}"]`).click();
    await page.locator('[data-action="check-in"]').click();
    await expect(page.locator('[data-testid="appointment-result"]').getAttribute('data-code')).resolves.toBe('APPOINTMENT_NOT_FOUND');
    await page.locator('[data-action="rescan"]').click();
    await page.locator('[data-nav="end"]').click();
  });

  it.each([['000.00.51.H29-261126-0012', 'additional-documents-required', 'birth-registration'], ['000.00.51.H29-261110-0021', 'returned', 'house-building-permit']])(
    'dossier %s (%s) offers a number for the counter of its service',
    async (code, status, serviceId) => {
      await page.locator('[data-language="en"]').click();
      await page.locator('[data-action="dossier"]').click();
      await page.locator('[data-testid="dossier-input"]').focus();
      await page.keyboard.type(`${code}\n`);
      const result = page.locator('[data-testid="dossier-result"]');
      await result.waitFor();
      // a failed look-up names its code (data-code): say which, rather than only "no status"
      expect({ code: await result.getAttribute('data-code'), status: await result.getAttribute('data-status') }).toEqual({ code: null, status });
      await page.locator('[data-action="counter-ticket"]').click();
      // the priority question for the dossier's service, then a number for that service
      const name = DEMO_CATALOG.services.find((s) => s.id === serviceId)!.name.en;
      await expect(page.locator('h1').textContent()).resolves.toBe(name);
      await page.locator('[data-priority="none"]').click();
      await expect(page.locator('.ticket-service').textContent()).resolves.toBe(name);
      expect(await page.locator('[data-testid="ticket-number"]').textContent()).toMatch(/^[A-Z]\d{3}$/);
      await page.locator('.ticket .done').click();
      await page.locator('.attract').waitFor();
    },
  );
});
