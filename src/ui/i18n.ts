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

/** All five languages are bundled: the kiosk never waits on the network to show text. */
export const resources: Record<Language, { ui: object; errors: object }> = {
  vi: { ui: viUi, errors: viErrors },
  en: { ui: enUi, errors: enErrors },
  zh: { ui: zhUi, errors: zhErrors },
  ko: { ui: koUi, errors: koErrors },
  ja: { ui: jaUi, errors: jaErrors },
};

export async function createI18n(language: Language = DEFAULT_LANGUAGE): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
