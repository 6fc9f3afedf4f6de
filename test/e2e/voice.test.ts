/**
 * Voice on the touchscreen (Chromium, built robot): the robot hears "hey jarvis" from a WAV file
 * standing for the microphone and the screen opens on the options it reads out; a procedure
 * screen's "read aloud" makes it speak; a touch anywhere stops it at once. The loudspeaker is a
 * stand-in `aplay` first on PATH that keeps "playing" for 30 s, so a stop is visible as that
 * process being killed.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { captureScreen, openKiosk } from '../support/kiosk';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';
import { cachedAudio, speak } from '../support/voice-audio';

/** Each run writes <pid>.wav (whole, then renamed) with what it was asked to play, then holds the line like a long utterance. */
const FAKE_APLAY = `#!/bin/sh
cat > "$APLAY_OUT/$$.part"
mv "$APLAY_OUT/$$.part" "$APLAY_OUT/$$.wav"
exec sleep 30
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(probe: () => T | undefined | false, what: string, ms = 20000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('voice on the touchscreen', () => {
  let robot: RobotProcess;
  let browser: Browser;
  let played: string;

  beforeAll(async () => {
    // 8 s of silence before the wake word: time for Chromium to open the kiosk page
    const clip = await cachedAudio({ text: 'hey jarvis', voice: 'en-us', wpm: 130, pad: 8 }, (out) => speak(out, 'hey jarvis', 'en-us', 130, 8));
    const bin = tempDir('fake-aplay-');
    played = tempDir('played-');
    writeFileSync(join(bin, 'aplay'), FAKE_APLAY);
    chmodSync(join(bin, 'aplay'), 0o755);
    const config = writeConfig(tempDir(), {
      profile: 'simulator', robotId: 'robot-voice', printer: { adapter: 'none' },
      voice: { enabled: true, audioIn: { adapter: 'file', path: clip, realtime: true }, speech: { sink: { adapter: 'alsa', device: 'default' } }, silenceTimeoutMs: 60000 },
    });
    [robot, browser] = await Promise.all([startRobot(['--config', config], { PATH: `${bin}:${process.env.PATH}`, APLAY_OUT: played }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await robot?.stop();
  });

  const running = () => readdirSync(played).filter((f) => f.endsWith('.wav')).map((f) => Number.parseInt(f, 10)).filter(alive);

  it('wakes on its word, opens the options, reads a procedure aloud and stops on a touch', async () => {
    const page = await openKiosk(browser, robot.url, robot.token);
    await page.locator('.attract-line').first().waitFor();
    // no tap: the wake word starts the session and the greeting plays
    // the limit only ends a hung wait: a loaded 2-core machine took over 20 s to hear the word
    await page.locator('[data-field="civil-status"]').waitFor({ timeout: 90_000 });
    const greeting = await waitFor(() => running()[0], 'the greeting to play');
    expect(readFileSync(join(played, `${greeting}.wav`)).length).toBeGreaterThan(44 + 22050 * 2 * 3);

    // a finger on "guide" while the robot speaks: the touch stops the greeting at once, and nothing
    // moves under the finger before it lifts (the banner above the screen stays, saying it stopped),
    // so the tap opens what was under it
    const guide = page.locator('[data-action="guide"]');
    const pressedAt = (await guide.boundingBox())!;
    await page.mouse.move(pressedAt.x + pressedAt.width / 2, pressedAt.y + pressedAt.height / 2);
    await page.mouse.down();
    await waitFor(() => !alive(greeting), 'the touch to stop the greeting', 5000);
    await page.locator('[data-testid="speaking"][data-state="stopped"]').waitFor(); // the controller's "stopped" has reached the screen
    expect(await guide.boundingBox()).toEqual(pressedAt);
    await page.mouse.up();
    await page.locator('[data-testid="speaking"]').waitFor({ state: 'detached' });
    await page.locator('[data-procedure="birth-registration"]').click();
    await page.locator('[data-action="read-aloud"]').waitFor();
    expect(await captureScreen(page, 'procedure-read-aloud')).toEqual([]);
    await page.locator('[data-action="read-aloud"]').click();
    const reading = await waitFor(() => running()[0], 'the procedure to be read');
    const wav = readFileSync(join(played, `${reading}.wav`));
    expect(wav.length).toBeGreaterThan(44 + 22050 * 2 * 5); // name, summary, papers, time: several seconds

    await page.locator('h1').click(); // a touch on the screen, not on a control
    await waitFor(() => !alive(reading), 'the touch to stop the reading', 5000);
    expect(running()).toEqual([]);
    expect(existsSync(join(played, `${reading}.wav`))).toBe(true);
  });
});
