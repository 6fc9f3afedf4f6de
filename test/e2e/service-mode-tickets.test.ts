/**
 * Issue 16 in service mode, on the built robot in Chromium: a ticket the robot was printing when
 * it died shows in the tickets panel; a tap settles it (the sheet exists), the store records it as
 * printed, and the action is in the audit trail.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { QueueStore } from '../../src/controller/store/queue-store';
import { launchChromium } from '../support/browser';
import { openKiosk } from '../support/kiosk';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { enterService, readAudit } from './service/helpers';

describe('service mode: tickets with an unknown print outcome', () => {
  let browser: Browser | undefined;
  let robot: RobotProcess | undefined;
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
  });

  it('lists the ticket a crash left printing and settles it as printed, audited', async () => {
    const dataDir = tempDir('service-tickets-data-');
    const file = join(dataDir, 'robot.sqlite');
    // what a SIGKILL during printing leaves: the ticket committed as printing, nothing after
    const store = QueueStore.open({ file, robotId: 'robot-svc-t', robotSlot: 1, catalog: DEMO_CATALOG, clock: { wallMs: () => Date.parse('2026-11-30T08:00:00+07:00') } });
    const out = store.issue({ serviceId: 'birth-registration', language: 'vi', categoryId: 'elderly' });
    if (!out.ok) throw new Error(out.code);
    store.markPrinting(out.ticket.id);
    store.close();

    const config = writeConfig(tempDir('service-tickets-'), { profile: 'simulator', robotId: 'robot-svc-t', printer: { adapter: 'simulator' }, motion: { adapter: 'none' } });
    robot = await startRobot(['--config', config, '--data', dataDir]);
    browser = await launchChromium();
    const page = await openKiosk(browser, robot.url, robot.token);
    await enterService(page, '000000');
    await page.locator('[data-panel="tickets"]').click();
    const row = page.locator(`[data-uncertain="${out.ticket.id}"]`);
    await row.waitFor();
    expect(await row.locator('th').textContent()).toBe(out.ticket.display);
    await row.locator('button').first().click();
    await page.locator('[data-testid="uncertain-none"]').waitFor();

    const db = new Database(file, { readonly: true });
    const state = (db.prepare('SELECT state, attention FROM tickets WHERE id = ?').get(out.ticket.id) as { state: string; attention: string | null });
    db.close();
    expect(state).toEqual({ state: 'printed', attention: null });
    expect(readAudit(dataDir).rows.map((r) => r.action)).toContain('service.tickets.settle');
  }, 90_000);
});
