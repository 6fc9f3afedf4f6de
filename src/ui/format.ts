import type { ErrorCode, Language } from '../contract';
import type { WaitStrings } from '../contract';
import { centerClockFormat } from '../core/clock-format';
import { sayWait, type WaitFigures, type WaitLines } from '../core/queue/wait-text';
import viWait from '../../locales/vi/wait.json';
import enWait from '../../locales/en/wait.json';
import zhWait from '../../locales/zh/wait.json';
import koWait from '../../locales/ko/wait.json';
import jaWait from '../../locales/ja/wait.json';

const WAIT_STRINGS: Record<Language, WaitStrings> = { vi: viWait, en: enWait, zh: zhWait, ko: koWait, ja: jaWait };

/** People ahead and the wait, worded as on the paper and the phone page. */
export function waitLines(wait: WaitFigures, language: Language): WaitLines {
  return sayWait(wait, WAIT_STRINGS[language]);
}

/** Messages say "come back at {{nextOpening}}": Vietnamese and English read the time first. */
const TIME_FIRST: Record<Language, boolean> = { vi: true, en: true, zh: false, ko: false, ja: false };

/** "07:30, Thứ Hai, 30 tháng 11, 2026", "07:30, Monday 30 November 2026", "2026年11月30日星期一 07:30" (24-hour clock). */
export function formatNextOpening(iso: string, language: Language): string | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  const date = centerClockFormat(language, { dateStyle: 'full' }).format(at);
  return TIME_FIRST[language] ? `${centerTime(iso, language)}, ${date}` : `${date} ${centerTime(iso, language)}`;
}

/** Hours and minutes in the center's time zone, whatever the kiosk's own zone is (00:33, never 24:33). */
export function centerTime(iso: string, language: Language): string {
  return centerClockFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function centerDate(iso: string, language: Language): string {
  return centerClockFormat(language, { day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(iso));
}

/** Queue refusals get their own screen (with the time to come back); other errors a banner. */
export function isQueueRefusal(code: ErrorCode): boolean {
  return code.startsWith('QUEUE_') && code !== 'QUEUE_PRIORITY_UNKNOWN';
}
