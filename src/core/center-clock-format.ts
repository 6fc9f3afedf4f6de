/**
 * Times as the center's staff and visitors read them: on the center's clock (Asia/Ho_Chi_Minh,
 * whatever zone the reader's phone or the display's PC is set to), in the reader's language.
 */
import type { Language } from '../contract/version';
import { centerClockFormat, DATE_LOCALE } from './clock-format';

/** The one language → Intl locale map (clock-format.ts), under the name the center's pages use. */
export const LANGUAGE_LOCALE = DATE_LOCALE;

/** "09:11" (24-hour clock in every language). */
export function centerTime(ms: number, language: Language): string {
  return centerClockFormat(language, { hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** "09:11, 30/11/2026", "30/11/2026, 09:11", "2026/11/30 09:11", ... as each locale writes a short date and time. */
export function centerDateTime(ms: number, language: Language): string {
  return centerClockFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}
