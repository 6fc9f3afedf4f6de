import type { TFunction } from 'i18next';
import { useMemo, useState } from 'preact/hooks';
import { isRomaji, toKana } from 'wanakana';
import type { Language, Readings } from '../../contract';
import { buildSearchIndex, search, type SearchHit } from '../../core/search';
import { OnScreenKeyboard, searchLayouts } from '../components/keyboard';
import { Screen } from '../components/screen';
import { SearchInput } from '../components/search-box';

export interface Searchable {
  id: string;
  name: Record<Language, string>;
  keywords?: string[];
  readings?: Readings;
}

interface Props<T extends Searchable> {
  t: TFunction;
  language: Language;
  title: string;
  items: readonly T[];
  onPick: (item: T) => void;
  nav: preact.ComponentChildren;
}

const MAX_QUERY = 100;
const LIMIT = 6;

/**
 * What a query finds: names in the visitor's language, Vietnamese and English, the catalog's
 * keywords, and the readings of the visitor's language (pinyin, kana). Japanese typed in romaji
 * ("shussei") is also read as kana (wanakana), so it meets the kana readings.
 */
function useFinder<T extends Searchable>(items: readonly T[], language: Language) {
  const index = useMemo(
    () => buildSearchIndex(items.map((item) => ({ item, names: [item.name[language], item.name.vi, item.name.en, ...(item.readings?.[language] ?? [])], keywords: item.keywords ?? [] }))),
    [items, language],
  );
  return (query: string): SearchHit<T>[] => {
    const hits = search(index, query, { limit: LIMIT });
    if (language !== 'ja' || !isRomaji(query.replace(/\s/g, ''))) return hits;
    // a trailing half-typed syllable stays Latin ("shus" -> "しゅs"): search the kana before it
    const kana = toKana(query, { IMEMode: true }).replace(/[a-z]+$/i, '');
    const seen = new Set(hits.map((h) => h.item.id));
    const more = kana ? search(index, kana, { limit: LIMIT }).filter((h) => !seen.has(h.item.id)) : [];
    return [...hits, ...more].sort((a, b) => b.score - a.score).slice(0, LIMIT);
  };
}

/**
 * Type a few letters (without diacritics if you like) on the keyboard of your own script, and tap
 * what you meant. The results sit between the field and the keyboard, which never moves.
 */
export function SearchScreen<T extends Searchable>({ t, language, title, items, onPick, nav }: Props<T>) {
  const [query, setQuery] = useState('');
  const find = useFinder(items, language);
  const hits = query.trim() ? find(query) : [];
  return (
    <Screen title={title} info={<p class="lead">{t('search.hint')}</p>} nav={nav} scroll={false}>
      <div class="search-layout">
        <div class="search-side">
          <SearchInput value={query} label={t('search.label')} max={MAX_QUERY} testId="search-input" onChange={setQuery} />
          <section class="results" aria-live="polite" data-scrolls>
            {query && hits.length === 0 && <p class="notice">{t('search.none')}</p>}
            {hits.map(({ item }) => (
              <button type="button" class="tile primary result" data-result={item.id} onClick={() => onPick(item)}>
                {item.name[language]}
              </button>
            ))}
          </section>
        </div>
        <OnScreenKeyboard t={t} layouts={searchLayouts(language)} value={query} max={MAX_QUERY} onChange={setQuery} />
      </div>
    </Screen>
  );
}
