/**
 * What the service screens show for ids, states and instants: a label in the technician's language
 * (locales/<lang>/service.json `labels`), never the raw id; every date and time in the center's
 * time zone and the reader's locale, whatever zone the kiosk's browser runs in.
 */
import type { TFunction } from 'i18next';
import type { Language, ServiceSettingKey } from '../../contract';
import { CENTER_TIME_ZONE } from '../../core/business-day';
import { DATE_LOCALE } from '../../core/clock-format';

const format = (language: Language, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(DATE_LOCALE[language], { timeZone: CENTER_TIME_ZONE, hourCycle: 'h23', ...options });

/** "05/12/2026, 09:11:51" for en, "09:11:51 5/12/2026" for vi, … — center time. */
export function centerDateTime(at: string | number | Date, language: Language): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? '–' : format(language, { dateStyle: 'short', timeStyle: 'medium' }).format(d);
}

export function centerTime(at: string | number | Date, language: Language): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? '–' : format(language, { timeStyle: 'medium' }).format(d);
}

/** A business day (YYYY-MM-DD, already in center time) as the reader writes a date. */
export function centerDay(day: string, language: Language): string {
  const d = new Date(`${day}T12:00:00+07:00`);
  return Number.isNaN(d.getTime()) ? day : format(language, { dateStyle: 'long' }).format(d);
}

/** A health part ("printer", "scanner:front", …) by name. */
export function partLabel(t: TFunction, name: string): string {
  if (name.startsWith('scanner:')) return t('labels.parts.scanner', { id: name.slice('scanner:'.length) });
  return t(`labels.parts.${name}`);
}

const SETTING_LABEL: Record<ServiceSettingKey, string> = {
  'printer.density': 'printer.density',
  'printer.cut': 'printer.cut',
  'service.inactivitySeconds': 'settings.inactivity',
  'screen.idleSeconds': 'settings.idleSeconds',
  defaultLanguage: 'settings.defaultLanguage',
};

export function settingLabel(t: TFunction, key: ServiceSettingKey): string {
  return t(SETTING_LABEL[key]);
}
