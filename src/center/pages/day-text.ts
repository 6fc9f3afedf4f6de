/** A calendar day (YYYY-MM-DD) as a reader says it: "Wednesday 2 December" in their language. */
import { LANGUAGE_LOCALE } from '../../core/center-clock-format';
import type { Language } from '../../contract/version';

export function dayText(day: string, language: Language): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) return day;
  // the day is a calendar date, not an instant: formatted in UTC so no zone moves it
  return new Intl.DateTimeFormat(LANGUAGE_LOCALE[language], { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(ms);
}
