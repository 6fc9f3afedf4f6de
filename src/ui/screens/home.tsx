import type { TFunction } from 'i18next';
import { LANGUAGES, type Catalog, type Language } from '../../contract';

/** Each language is named in itself, so a visitor finds theirs without reading Vietnamese. */
export const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文', ko: '한국어', ja: '日本語' };

interface Props {
  t: TFunction;
  catalog: Catalog | undefined;
  language: Language;
  busy: boolean;
  onLanguage: (l: Language) => void;
  onService: (serviceId: string) => void;
}

export function HomeScreen({ t, catalog, language, busy, onLanguage, onService }: Props) {
  return (
    <>
      <nav class="languages" aria-label={t('home.language')}>
        {LANGUAGES.map((l) => (
          <button type="button" lang={l} aria-pressed={l === language} onClick={() => onLanguage(l)} data-language={l}>
            {LANGUAGE_NAMES[l]}
          </button>
        ))}
      </nav>
      <section class="services" aria-busy={busy}>
        <h2>{busy ? t('ticket.issuing') : t('home.chooseService')}</h2>
        {catalog?.services.map((s) => (
          <button type="button" class="service" disabled={busy} data-service={s.id} onClick={() => onService(s.id)}>
            {s.name[language]}
          </button>
        ))}
      </section>
    </>
  );
}
