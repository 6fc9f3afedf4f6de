/**
 * What every center page shares: the reader's language (switchable, remembered), the words for
 * ids (GET /v1/labels), the page header, and error sentences instead of error codes.
 */
import { createContext, render, type ComponentChildren, type FunctionComponent } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LocalizedText } from '../../contract/catalog';
import type { PageLabels } from '../../contract/sync';
import { LANGUAGES, type Language } from '../../contract/version';
import { api, type PageErrorCode } from './api';
import { browserLanguage, chosenLanguage, createI18n, rememberLanguage, type T } from './i18n';

export interface PageContext {
  t: T;
  language: Language;
  setLanguage(language: Language): void;
  /** The language the content suggests (a ticket's): taken only when the reader chose none. */
  suggestLanguage(language: Language): void;
  labels: PageLabels | undefined;
  /** An id's words in the reader's language. */
  local(text: LocalizedText): string;
}

const Ctx = createContext<PageContext | undefined>(undefined);

export function usePage(): PageContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('usePage outside a center page');
  return ctx;
}

const i18n = createI18n();

function Frame({ Page, fallback }: { Page: FunctionComponent; fallback: () => Language }) {
  const explicit = useRef(chosenLanguage() !== undefined);
  const [language, setLanguageState] = useState<Language>(() => chosenLanguage() ?? fallback());
  const [labels, setLabels] = useState<PageLabels>();
  useEffect(() => void api<PageLabels>('/v1/labels').then(setLabels, () => undefined), []);
  useEffect(() => void (document.documentElement.lang = language), [language]);
  const ctx = useMemo<PageContext>(() => ({
    t: i18n.getFixedT(language, 'center'),
    language,
    setLanguage: (l) => {
      explicit.current = true;
      rememberLanguage(l);
      setLanguageState(l);
    },
    suggestLanguage: (l) => {
      if (!explicit.current) setLanguageState(l);
    },
    labels,
    local: (text) => text[language],
  }), [language, labels]);
  return <Ctx.Provider value={ctx}><Page /></Ctx.Provider>;
}

/** Renders a page into the shell's <main id="app">; `fallback` picks the language when the reader chose none. */
export function mount(Page: FunctionComponent, fallback: () => Language = browserLanguage): void {
  render(<Frame Page={Page} fallback={fallback} />, document.getElementById('app')!);
}

export function LanguagePicker() {
  const { t, language, setLanguage } = usePage();
  return (
    <label class="language">
      <span>{t('common.language')}</span>
      <select value={language} onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
        {LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{t(`languages.${l}`)}</option>)}
      </select>
    </label>
  );
}

export function Header({ title, children }: { title: string; children?: ComponentChildren }) {
  const { labels, local } = usePage();
  useEffect(() => void (document.title = title), [title]);
  return (
    <header class="top">
      <div>
        {labels && <div class="center-name">{local(labels.centerName)}</div>}
        <h1>{title}</h1>
      </div>
      <div class="tools">{children}<LanguagePicker /></div>
    </header>
  );
}

/** A failure as a sentence in the reader's language, never as its code. */
export function ErrorLine({ code }: { code: PageErrorCode | undefined }) {
  const { t } = usePage();
  if (!code) return null;
  const text = code === 'OFFLINE' ? t('common.offline') : t(`errors:${code}`, { defaultValue: t('common.failed') });
  return <p class="error" role="alert">{text}</p>;
}
