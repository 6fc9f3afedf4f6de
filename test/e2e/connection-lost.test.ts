/**
 * Issue 16 point 11: when the controller is gone, the touchscreen says so in all five languages
 * (a visitor cannot choose a language while the robot is unreachable), not only in Vietnamese.
 */
import type { Browser } from 'playwright-core';
import { LANGUAGES } from '../../src/contract';
import { createI18n } from '../../src/ui/i18n';
import { launchChromium } from '../support/browser';
import { openKiosk } from '../support/kiosk';
import { startRobot, type RobotProcess } from '../support/robot-process';

describe('the touchscreen when the controller is gone', () => {
  let robot: RobotProcess;
  let browser: Browser;
  beforeAll(async () => {
    robot = await startRobot([]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
  });

  it('shows the reconnect notice in Vietnamese, English, Chinese, Korean and Japanese', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await page.locator('.attract-line').first().waitFor();
    await robot.stop('SIGKILL');
    const notice = page.locator('.connection[role="status"]');
    const i18n = await createI18n();
    await notice.locator('[lang="vi"]', { hasText: i18n.getFixedT('vi')('status.disconnected') }).waitFor();
    for (const lang of LANGUAGES) {
      await expect(notice.locator(`[lang="${lang}"]`).textContent()).resolves.toBe(i18n.getFixedT(lang)('status.disconnected'));
    }
  });
});
