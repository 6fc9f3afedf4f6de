/**
 * Dates and clock times as a person in the center reads them: the center's zone, a 24-hour dial.
 * `hour12: false` is not enough: with it Korean (and some other locales) pick the h24 cycle and
 * print 00:33 as "24:33"; `hourCycle: 'h23'` is the dial that starts at 00.
 */
import type { Language } from '../contract';
import { CENTER_TIME_ZONE } from './business-day';

/** The Intl locale each language's dates and times are written in. */
export const DATE_LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB', zh: 'zh-CN', ko: 'ko-KR', ja: 'ja-JP' };

export type ClockFormatOptions = Omit<Intl.DateTimeFormatOptions, 'timeZone' | 'hour12' | 'hourCycle'>;

/** A formatter in the center's time zone; any hour it shows is on the 00–23 dial. */
export function centerClockFormat(language: Language, options: ClockFormatOptions): Intl.DateTimeFormat {
  const withHour = options.hour !== undefined || options.timeStyle !== undefined;
  return new Intl.DateTimeFormat(DATE_LOCALE[language], { ...options, timeZone: CENTER_TIME_ZONE, ...(withHour ? { hourCycle: 'h23' } : {}) });
}
