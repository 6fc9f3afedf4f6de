import i18next, { type i18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../contract/version';
import viUi from '../../locales/vi/ui.json';
import enUi from '../../locales/en/ui.json';
import zhUi from '../../locales/zh/ui.json';
import koUi from '../../locales/ko/ui.json';
import jaUi from '../../locales/ja/ui.json';
import viErrors from '../../locales/vi/errors.json';
import enErrors from '../../locales/en/errors.json';
import zhErrors from '../../locales/zh/errors.json';
import koErrors from '../../locales/ko/errors.json';
import jaErrors from '../../locales/ja/errors.json';
import viBooking from '../../locales/vi/booking.json';
import enBooking from '../../locales/en/booking.json';
import zhBooking from '../../locales/zh/booking.json';
import koBooking from '../../locales/ko/booking.json';
import jaBooking from '../../locales/ja/booking.json';

/** All five languages are bundled: the kiosk never waits on the network to show text. */
export const resources: Record<Language, { ui: object; errors: object; booking: object }> = {
  vi: { ui: viUi, errors: viErrors, booking: viBooking },
  en: { ui: enUi, errors: enErrors, booking: enBooking },
  zh: { ui: zhUi, errors: zhErrors, booking: zhBooking },
  ko: { ui: koUi, errors: koErrors, booking: koBooking },
  ja: { ui: jaUi, errors: jaErrors, booking: jaBooking },
};

export async function createI18n(language: Language = DEFAULT_LANGUAGE): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: ['ui', 'errors', 'booking'],
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
