/**
 * The service audio panel on the built robot (Chromium): a WAV file is the microphone (20 s of
 * silence, espeak-ng "hey jarvis", 20 s of silence, in real time). After the PIN, the panel shows
 * the level meter rising with the voice and falling back in the silence, and the score graph with
 * the threshold line, where the readings of the wake word stand above the line.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SIMULATOR_DEFAULT_PIN } from '../../src/controller/service-mode/service-login';
import { launchChromium } from '../support/browser';
import { ARTIFACTS, openKiosk } from '../support/kiosk';
import { SCREENS } from '../support/screens';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { cachedAudio, speak } from '../support/voice-audio';
import { enterService, waitForPart } from './service/helpers';

/** Polls the meter's level until `check` holds for it; returns the level seen. */
async function levelUntil(page: Page, check: (level: number) => boolean, what: string, ms = 25_000): Promise<number> {
  const until = Date.now() + ms;
  for (;;) {
    const level = Number(await page.locator('[data-testid="mic-level"]').getAttribute('data-level'));
    if (check(level)) return level;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (level ${level})`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('service mode: audio panel', () => {
  let robot: RobotProcess;
  let browser: Browser;

  beforeAll(async () => {
    // the silence before the word covers start-up, the 5 s corner press and the PIN
    const clip = await cachedAudio({ text: 'hey jarvis', voice: 'en-gb', wpm: 160, pad: 20 }, (out) => speak(out, 'hey jarvis', 'en-gb', 160, 20));
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-svc-audio', printer: { adapter: 'none' },
      voice: { enabled: true, audioIn: { adapter: 'file', path: clip, realtime: true }, speech: { sink: { adapter: 'none' } } },
    });
    [robot, browser] = await Promise.all([startRobot(['--config', config]), launchChromium()]);
    await waitForPart(robot.url, 'microphone', 'ok');
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
  });

  it('shows the live level and the wake-word score against the threshold', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await enterService(page, SIMULATOR_DEFAULT_PIN);
    await page.locator('[data-panel="audio"]').click();
    await page.locator('[data-testid="mic-level"]').waitFor();
    expect(await page.locator('[data-testid="wake-threshold"]').getAttribute('data-threshold')).toBe('0.5');
    expect(await page.locator('[data-testid="wake-threshold-value"]').textContent()).toBe('0.50');
    // still the leading silence: the meter at the bottom, nothing over the line
    expect(await levelUntil(page, (l) => l < 0.05, 'silence', 2000)).toBeLessThan(0.05);
    expect(await page.locator('[data-testid="wake-over"]').count()).toBe(0);

    expect(await levelUntil(page, (l) => l > 0.5, 'the voice')).toBeGreaterThan(0.5);
    await page.locator('[data-testid="wake-over"]').first().waitFor({ timeout: 10_000 });
    const score = Number(await page.locator('[data-testid="wake-score"]').textContent());
    expect(score).toBeGreaterThanOrEqual(0); // a number, shown with the threshold beside it
    expect(await levelUntil(page, (l) => l < 0.05, 'the silence after')).toBeLessThan(0.05);
    const points = (await page.locator('[data-testid="wake-line"]').getAttribute('points'))!.trim().split(' ');
    expect(points.length).toBeGreaterThan(20);
    // a picture for the README/review; the citizen-screen checker (captureScreen) is not applied:
    // the technician shell's tabs are smaller and higher than citizen targets by design
    if (SCREENS) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'service-audio-portrait.png') });
    }
  });
});
