import type { Browser, Page } from 'playwright-core';
import type { Language } from '../../src/contract';
import { launchChromium } from '../support/browser';
import { captureBoth, openCountingKiosk, taps } from '../support/journeys';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../support/robot-process';

/**
 * Search in the visitor's own script (issue 17): a Korean visitor types 출생 on the Hangul
 * keyboard (jamo compose into syllables), a Chinese one types the pinyin "chusheng", a Japanese
 * one "しゅっせい" on the kana keyboard or "shussei" in romaji, an English one "birth". Each sees
 * birth registration among the results within 8 taps of the search screen, and the whole word
 * puts it first; tapping it asks the priority question for that service.
 */
const VISITORS: { who: string; language: Language; keys: string[]; typed: string }[] = [
  { who: 'Korean, Hangul keyboard', language: 'ko', keys: ['ㅊ', 'ㅜ', 'ㄹ', 'ㅅ', 'ㅐ', 'ㅇ'], typed: '출생' },
  { who: 'Chinese, pinyin', language: 'zh', keys: [...'CHUSHENG'], typed: 'chusheng' },
  { who: 'Japanese, kana keyboard', language: 'ja', keys: ['し', 'ゅ', 'っ', 'せ', 'い'], typed: 'しゅっせい' },
  { who: 'Japanese, romaji', language: 'ja', keys: ['layout', ...'SHUSSEI'], typed: 'shussei' },
  { who: 'English', language: 'en', keys: [...'BIRTH'], typed: 'birth' },
];

describe('searching for birth registration in each language\'s own script (Chromium, built robot)', () => {
  let browser: Browser;
  let robot: RobotProcess;
  let page: Page;
  beforeAll(async () => {
    const config = writeConfig(tempDir(), { profile: 'simulator', robotId: 'robot-search', printer: { adapter: 'simulator', statusPollMs: 0 }, queue: { simulatedClockStart: '2026-11-30T08:20:00+07:00' } });
    [browser, robot] = await Promise.all([launchChromium(), startRobot(['--config', config])]);
    page = await openCountingKiosk(browser, robot.url, robot.token);
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await robot?.stop();
  });

  it.each(VISITORS.map((v) => [v.who, v]))('%s', async (_who, { language, keys, typed }) => {
    await page.locator(`[data-language="${language}"]`).click();
    await page.locator('[data-action="search"]').click();
    await page.evaluate(() => (window.__taps = 0));
    const result = page.locator('[data-result="birth-registration"]');
    let seenAfter: number | undefined;
    for (const key of keys) {
      await page.locator(`.keyboard [data-key="${key}"]`).click();
      if (seenAfter === undefined && (await result.isVisible())) seenAfter = await taps(page);
    }
    expect(await page.locator('[data-testid="search-input"]').inputValue()).toBe(typed);
    expect(seenAfter).toBeLessThanOrEqual(7); // and one more tap opens it
    await expect(page.locator('[data-result]').first().getAttribute('data-result')).resolves.toBe('birth-registration');
    expect(await captureBoth(page, `search-${language}-${typed}`, ['[data-result="birth-registration"]', '.keyboard [data-key="backspace"]'])).toEqual([]);
    await result.click();
    await page.locator('[data-priority="none"]').waitFor();
    await page.locator('[data-nav="end"]').click();
    await page.locator('.attract').waitFor();
  });

  it('deletes one jamo at a time on the Hangul keyboard, and voices kana with the dakuten key', async () => {
    await page.locator('[data-language="ko"]').click();
    await page.locator('[data-action="search"]').click();
    for (const key of ['ㅊ', 'ㅜ', 'ㄹ', 'backspace', 'ㄴ']) await page.locator(`.keyboard [data-key="${key}"]`).click();
    await expect(page.locator('[data-testid="search-input"]').inputValue()).resolves.toBe('춘');
    await page.locator('[data-nav="language"]').selectOption('ja');
    await page.locator('.keyboard [data-key="clear"]').click();
    for (const key of ['か', 'dakuten', 'い', 'こ', 'く']) await page.locator(`.keyboard [data-key="${key}"]`).click();
    await expect(page.locator('[data-testid="search-input"]').inputValue()).resolves.toBe('がいこく');
    await page.locator('[data-nav="end"]').click();
  });
});
