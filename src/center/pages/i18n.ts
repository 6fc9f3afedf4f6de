/**
 * The center pages' words: locales/<lang>/center.json, and errors.json for every error code, all
 * five languages bundled (a lobby TV or a phone never waits on a second download for text).
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../contract/version';
import viCenter from '../../../locales/vi/center.json';
import enCenter from '../../../locales/en/center.json';
import zhCenter from '../../../locales/zh/center.json';
import koCenter from '../../../locales/ko/center.json';
import jaCenter from '../../../locales/ja/center.json';
import viErrors from '../../../locales/vi/errors.json';
import enErrors from '../../../locales/en/errors.json';
import zhErrors from '../../../locales/zh/errors.json';
import koErrors from '../../../locales/ko/errors.json';
import jaErrors from '../../../locales/ja/errors.json';

const resources = {
  vi: { center: viCenter, errors: viErrors },
  en: { center: enCenter, errors: enErrors },
  zh: { center: zhCenter, errors: zhErrors },
  ko: { center: koCenter, errors: koErrors },
  ja: { center: jaCenter, errors: jaErrors },
};

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources, initAsync: false, lng: DEFAULT_LANGUAGE, fallbackLng: false, supportedLngs: [...LANGUAGES],
    ns: ['center', 'errors'], defaultNS: 'center', interpolation: { escapeValue: false }, returnNull: false,
  });
  return instance;
}

export const isLanguage = (s: unknown): s is Language => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);

const STORED = 'lobby.center.language';

/** The reader's explicit choice: ?lang=, then their last choice on this device. */
export function chosenLanguage(): Language | undefined {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = localStorage.getItem(STORED);
  return isLanguage(stored) ? stored : undefined;
}

/** The browser's language when it is one of ours, else Vietnamese. */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORED, language);
}

export type T = TFunction;
