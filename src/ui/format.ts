import type { ErrorCode, Language } from '../contract';

/** The center's clock: a visitor's phone may be on another zone, the center's door is not. */
export const CENTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN', ko: 'ko-KR', ja: 'ja-JP' };

/** Messages say "come back at {{nextOpening}}": Vietnamese and English read the time first. */
const TIME_FIRST: Record<Language, boolean> = { vi: true, en: true, zh: false, ko: false, ja: false };

/** "07:30, Thứ Hai, 30 tháng 11, 2026", "07:30, Monday 30 November 2026", "2026年11月30日星期一 07:30" (24-hour clock). */
export function formatNextOpening(iso: string, language: Language): string | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  const date = new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'full', timeZone: CENTER_TIME_ZONE }).format(at);
  const time = new Intl.DateTimeFormat(LOCALE[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: CENTER_TIME_ZONE }).format(at);
  return TIME_FIRST[language] ? `${time}, ${date}` : `${date} ${time}`;
}

/** Queue refusals get their own screen (with the time to come back); other errors a banner. */
export function isQueueRefusal(code: ErrorCode): boolean {
  return code.startsWith('QUEUE_') && code !== 'QUEUE_PRIORITY_UNKNOWN';
}
