/**
 * Times as the center's staff and visitors read them: on the center's clock (Asia/Ho_Chi_Minh,
 * whatever zone the reader's phone or the display's PC is set to), in the reader's language.
 */
import type { Language } from '../contract/version';
import { CENTER_TIME_ZONE } from './business-day';

export const LANGUAGE_LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN', ko: 'ko-KR', ja: 'ja-JP' };

/** "09:11" (24-hour clock in every language). */
export function centerTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALE[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: CENTER_TIME_ZONE }).format(ms);
}

/** "09:11, 30/11/2026", "30/11/2026, 09:11", "2026/11/30 09:11", ... as each locale writes a short date and time. */
export function centerDateTime(ms: number, language: Language): string {
  return new Intl.DateTimeFormat(LANGUAGE_LOCALE[language], { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23', timeZone: CENTER_TIME_ZONE }).format(ms);
}
