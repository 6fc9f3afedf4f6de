/**
 * Types like a keyboard-wedge scanner: one key every `gapMs` by the keyboard's own clock, then
 * Enter. The keys go through Chromium's input pipeline (CDP Input.dispatchKeyEvent), with the
 * device's timestamps: a hardware scanner's key events carry the time the USB report arrived,
 * so a busy machine delays their handling, never the gaps the page measures between them.
 * (Playwright's keyboard.type stamps each key when it is sent, and a loaded CI machine can then
 * stretch a 5 ms gap past the wedge's 120 ms pause limit.)
 */
import type { Page } from 'playwright-core';

export async function typeLikeAScanner(page: Page, text: string, gapMs = 5): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const t0 = Date.now() / 1000;
    let i = 0;
    for (const ch of text) {
      const timestamp = t0 + (i++ * gapMs) / 1000;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch, timestamp });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp });
    }
    const timestamp = t0 + (i * gapMs) / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp });
  } finally {
    await cdp.detach();
  }
}
