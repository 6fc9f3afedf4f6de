/**
 * Service mode on the built robot with the simulated board (StandardFirmata in avr8js behind a
 * pty, started here so the test reads the servo pulses on the chip's pins): a slider moves the
 * servo live, a saved trim survives a controller restart, each action leaves an audit row.
 */
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startSimulatedBoard, type SimulatedBoard } from '../../hardware/sim/board';
import { REFERENCE_PIN_MAP } from '../../src/controller/devices/motion/pinmap';
import { hashPin } from '../../src/controller/service-mode/pin';
import { launchChromium } from '../support/browser';
import { openKiosk } from '../support/kiosk';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { auditAfterLogout, auditDeliveredToCenter, enterService, slide, waitForPart } from './service/helpers';

const PAN = REFERENCE_PIN_MAP.servos.headPan;
const PIN = '2468';

async function eventually(check: () => void, timeoutMs = 8000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      return check();
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('service mode: board panel against the simulated firmware', () => {
  let board: SimulatedBoard;
  let browser: Browser;
  let robot: RobotProcess | undefined;
  let config: string;
  const dataDir = tempDir('service-board-data-');
  const start = async () => {
    robot = await startRobot(['--config', config, '--data', dataDir]);
    await waitForPart(robot.url, 'motion', 'ok');
    return robot;
  };
  const pulseNear = (us: number) => expect(Math.abs(board.pulseWidthUs(PAN) - us)).toBeLessThanOrEqual(20);

  beforeAll(async () => {
    const dir = tempDir('service-board-');
    board = await startSimulatedBoard({ linkPath: join(dir, 'lobby-board'), speed: 1 });
    config = writeConfig(dir, {
      profile: 'simulator', robotId: 'robot-svc-board', printer: { adapter: 'none' },
      motion: { adapter: 'johnny-five', path: board.path, readyTimeoutMs: 15_000, heartbeatMs: 500, heartbeatTimeoutMs: 3000 },
      service: { pinHash: await hashPin(PIN) },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
    await board?.close();
  });

  it('a slider moves the servo live; a saved trim changes the pulse and is audited', async () => {
    const { url, token } = await start();
    const page = await openKiosk(browser, url, token);
    await enterService(page, PIN);
    await page.locator('[data-panel="board"]').click();
    await page.locator('[data-servo="headPan"]').waitFor();

    await slide(page, '[data-servo="headPan"]', 30);
    await eventually(() => pulseNear(1500 + 30 * 10));
    await slide(page, '[data-servo="headPan"]', -20);
    await eventually(() => pulseNear(1500 - 20 * 10));

    await page.locator('[data-trim="headPan"]').fill('40');
    await page.locator('[data-save-servo="headPan"]').click();
    await page.locator('[data-testid="calibration-saved"]').waitFor();
    await eventually(() => pulseNear(1500 + 40 - 200)); // the same angle, the new trim
    const profile = JSON.parse(readFileSync(join(dataDir, 'motion-profile.json'), 'utf8')) as { servos: { headPan: { trimUs: number } } };
    expect(profile.servos.headPan.trimUs).toBe(40);

    await page.locator('[data-colour="green"]').click();
    await page.locator('[data-action="exit"]').click();
    await page.locator('[data-testid="service-mode"]').waitFor({ state: 'detached' });

    const rows = await auditAfterLogout(dataDir);
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['service.login', 'service.board.move', 'service.board.calibrate', 'service.board.light', 'service.logout']));
    const calibrate = rows.find((r) => r.action === 'service.board.calibrate')!;
    expect(calibrate).toMatchObject({ actor: 'pin', detail: { servo: 'headPan', old: { trimUs: 0 }, new: { trimUs: 40 } } });
    // slider steps are one row per gesture: first angle -> last angle
    expect(rows.filter((r) => r.action === 'service.board.move')).toEqual([expect.objectContaining({ detail: expect.objectContaining({ servo: 'headPan', new: -20 }) })]);
    // every row also reaches the center (the embedded one here), exactly once
    expect(await auditDeliveredToCenter(dataDir)).toEqual({ rows: rows.length, atCenter: rows.length, outbox: 0 });
    await page.close();
  });

  it('the saved trim survives a controller restart', async () => {
    await robot!.stop();
    expect(existsSync(join(dataDir, 'motion-profile.json'))).toBe(true);
    const { url, token } = await start();
    const page = await openKiosk(browser, url, token);
    await enterService(page, PIN);
    await page.locator('[data-panel="board"]').click();
    await expect(page.locator('[data-trim="headPan"]').inputValue()).resolves.toBe('40');
    await slide(page, '[data-servo="headPan"]', 0);
    await eventually(() => pulseNear(1540));
    await slide(page, '[data-servo="headPan"]', 10);
    await eventually(() => pulseNear(1640));
    await page.close();
  });
});
