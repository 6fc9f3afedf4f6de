/**
 * The robot's link to its center as a citizen sees it: nothing while it is up, a calm "working
 * offline, your number is still valid" while the network is cut, gone again after healing, and
 * "not enrolled" once the center revokes the robot — tickets keep coming throughout.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { captureScreen, openKiosk } from '../support/kiosk';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTestCenter, type TestCenter } from '../integration/center/harness';

describe('center link on the touchscreen (Chromium, built robot, reference center behind a cuttable proxy)', () => {
  let center: TestCenter;
  let proxy: TcpProxy;
  let robot: RobotProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    center = await startTestCenter();
    proxy = await startTcpProxy(center.center.port);
    const code = (await center.staff('POST', '/v1/admin/enrolment-codes', { robotId: 'robot-link' })).body.code as string;
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-link', printer: { adapter: 'none' }, motion: { adapter: 'none' },
      center: { mode: 'remote', url: proxy.url, enrolmentCode: code },
      queue: { simulatedClockStart: '2026-11-30T08:00:00+07:00' },
    });
    robot = await startRobot(['--config', config]);
    browser = await launchChromium();
    page = await openKiosk(browser, robot.url, robot.token);
    await page.locator('.attract-line').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
    await proxy?.close();
    await center?.close();
  });

  const health = async () => (await (await fetch(new URL('healthz', robot.url))).json()) as { sync: { state: string; code?: string }; center?: { enrolment: string; online: boolean } };

  it('says nothing while online, "working offline" while cut off, and clears after healing', async () => {
    expect(await health()).toMatchObject({ sync: { state: 'ok' }, center: { enrolment: 'enrolled', online: true } });
    await expect(page.locator('.center-link').count()).resolves.toBe(0);

    proxy.cut();
    await page.locator('[data-center-link="offline"]').waitFor({ timeout: 15_000 });
    await expect(page.locator('[data-center-link="offline"]').textContent()).resolves.toContain('ngoại tuyến');
    expect(await captureScreen(page, 'attract-center-offline')).toEqual([]);
    expect(await health()).toMatchObject({ sync: { state: 'degraded', code: 'SYNC_CENTER_UNREACHABLE' } });

    proxy.heal();
    await page.locator('.center-link').waitFor({ state: 'detached', timeout: 20_000 });
    expect((await health()).sync.state).toBe('ok');
  });

  it('shows "not enrolled" once the center revokes the robot', async () => {
    await center.staff('POST', '/v1/admin/devices/robot-link/revoke');
    await page.locator('[data-center-link="revoked"]').waitFor({ timeout: 20_000 });
    expect(await health()).toMatchObject({ sync: { code: 'SYNC_DEVICE_REVOKED' }, center: { enrolment: 'revoked' } });
  });
});
