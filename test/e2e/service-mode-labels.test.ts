/**
 * The service screens as a technician reads them, on the built robot in Chromium running in
 * another time zone than the center: labels instead of ids and codes (board, overview, statistics),
 * dates in center time, saved settings shown, a specific message for a short PIN, and an old error
 * cleared by a later success. The config file has no `printer` block, as a fresh install's may not.
 */
import type { Browser, Page } from 'playwright-core';
import { API_PROTOCOL_VERSION } from '../../src/contract';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { hashPin } from '../../src/controller/service-mode/pin';
import { launchChromium } from '../support/browser';
import { PORTRAIT } from '../support/kiosk';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { openApi, request } from '../support/ws-client';
import { enterService } from './service/helpers';

const PIN = '864200';
/** What no technician should read: error codes and the ids of services, servos and behaviours. */
const RAW = [/\b[A-Z][A-Z_]{5,}\b/, /\bservice\.[a-z]/, /\bheadPan\b|\bheadTilt\b|\bleftArm\b|\brightArm\b/, /\bgreet\b|\bserviceMode\b/, /\bdisabled\b|\bdisconnected\b/, ...DEMO_CATALOG.services.map((s) => new RegExp(`\\b${s.id}\\b`))];

describe('service screens: labels, center time, settings feedback', () => {
  let browser: Browser;
  let robot: RobotProcess | undefined;
  let page: Page;

  beforeAll(async () => {
    const config = writeConfig(tempDir('service-labels-'), {
      profile: 'simulator', robotId: 'robot-svc-labels', motion: { adapter: 'none' }, service: { pinHash: await hashPin(PIN) },
      // a Monday morning at the center, whatever the time of the run
      queue: { simulatedClockStart: '2026-11-30T09:00:00+07:00' },
    });
    robot = await startRobot(['--config', config, '--data', tempDir('service-labels-data-')]);
    const { ws } = await openApi(robot.url, { token: robot.token });
    const issued = await request(ws!, { v: API_PROTOCOL_VERSION, id: 'i', type: 'ticket.issue', payload: { serviceId: DEMO_CATALOG.services[0]!.id, language: 'vi' } }, 'i');
    expect(issued).toMatchObject({ ok: true });
    ws!.close();
    browser = await launchChromium();
    // the kiosk's browser in New York: what the screens show must still be Hà Nội time
    page = await browser.newPage({ viewport: PORTRAIT, timezoneId: 'America/New_York', locale: 'en-US' });
    await page.goto(`${robot.url}#token=${robot.token}`);
    await enterService(page, PIN);
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
  });

  const panelText = async (name: string, ready: string) => {
    await page.locator(`[data-panel="${name}"]`).click();
    await page.locator(ready).first().waitFor();
    return (await page.locator('[data-current-panel]').innerText()).trim();
  };
  const expectNoRaw = (text: string) => {
    for (const pattern of RAW) expect({ text, match: text.match(pattern)?.[0] }).toEqual({ text, match: undefined });
  };

  it('overview, board and statistics show labels, never ids or codes', async () => {
    const overview = await panelText('overview', '[data-part="motion"]');
    expect(overview).toContain('Bo mạch chuyển động');
    expectNoRaw(overview);
    const board = await panelText('board', '[data-servo-row="headPan"]');
    expect(board).toContain('Đầu (quay ngang)');
    expect(await page.locator('[data-behaviour="greet"]').innerText()).toBe('Chào');
    expectNoRaw(board);
    // a row shows '–' until the catalog has come: wait for the service's name, not only the row
    const stats = await panelText('stats', `[data-service-stats] th:text-is("${DEMO_CATALOG.services[0]!.name.vi}")`);
    expect(stats).toContain(DEMO_CATALOG.services[0]!.name.vi);
    expectNoRaw(stats);
  });

  it('times are the center time in the reader\'s locale, whatever zone the browser is in', async () => {
    await page.locator('[data-panel="logs"]').click();
    const cell = page.locator('[data-testid="audit-rows"] [data-action="service.login"] td').first();
    await cell.waitFor();
    const shown = await cell.innerText();
    // 09:00 at the center (the robot's clock starts there), not New York's 21:00 the day before
    expect(shown).toMatch(/^09:0\d:\d\d 30\/11\/26$/);
    expect(shown).not.toMatch(/AM|PM/);
    // each action a sentence, never its code
    const action = await page.locator('[data-testid="audit-rows"] [data-action="service.login"] td').nth(2).innerText();
    expect(action).toBe('Đăng nhập chế độ kỹ thuật');
    expectNoRaw(await page.locator('[data-testid="audit-rows"]').innerText());
  });

  it('settings show their saved values; a short PIN says what is wrong; a later success clears the error', async () => {
    await page.locator('[data-panel="settings"]').click();
    await expect(page.locator('[data-current="screen.idleSeconds"]').innerText()).resolves.toContain('60');
    await expect(page.locator('[data-setting="screen.idleSeconds"]').inputValue()).resolves.toBe('60');
    await page.locator('[data-setting="pin"]').fill('12');
    await page.locator('[data-action="change-pin"]').click();
    await expect(page.locator('[role="alert"]').innerText()).resolves.toBe('Mã PIN mới phải gồm 4 đến 12 chữ số.');
    await page.locator('[data-setting="screen.idleSeconds"]').fill('90');
    await page.locator('[data-save="screen.idleSeconds"]').click();
    await page.locator('[data-testid="setting-result"]').waitFor();
    await page.locator('[role="alert"]').waitFor({ state: 'detached' });
    await expect(page.locator('[data-current="screen.idleSeconds"]').innerText()).resolves.toContain('90');

    // the printer: density saved into a config without a printer block, shown as the current value
    await page.locator('[data-panel="printer"]').click();
    await page.locator('[data-setting="printer.density"]').selectOption('2');
    await expect(page.locator('[data-testid="setting-result"]').getAttribute('data-applied')).resolves.toBe('live');
    await expect(page.locator('[data-setting="printer.density"]').inputValue()).resolves.toBe('2');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
  });
});
