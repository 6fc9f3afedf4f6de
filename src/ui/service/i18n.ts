import type { i18n, TFunction } from 'i18next';
import type { Language } from '../../contract';
import vi from '../../../locales/vi/service.json';
import en from '../../../locales/en/service.json';
import zh from '../../../locales/zh/service.json';
import ko from '../../../locales/ko/service.json';
import ja from '../../../locales/ja/service.json';

const BUNDLES: Record<Language, object> = { vi, en, zh, ko, ja };

/**
 * The technician UI's strings live in their own namespace (locales/<lang>/service.json), added to
 * the app's i18next instance on first use so the citizen screens load nothing extra.
 */
export function serviceT(instance: i18n, language: Language): TFunction {
  for (const [lang, bundle] of Object.entries(BUNDLES)) {
    if (!instance.hasResourceBundle(lang, 'service')) instance.addResourceBundle(lang, 'service', bundle);
  }
  return instance.getFixedT(language, 'service');
}
