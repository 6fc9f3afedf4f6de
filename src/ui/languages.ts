import type { Language } from '../contract';

/** Each language is named in itself, so a visitor finds theirs without reading Vietnamese. */
export const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文', ko: '한국어', ja: '日本語' };
