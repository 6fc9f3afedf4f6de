import type { TFunction } from 'i18next';
import { useMemo, useState } from 'preact/hooks';
import type { Language } from '../../contract';
import { buildSearchIndex, search } from '../../core/search';
import { Screen } from '../components/screen';
import { SearchBox } from '../components/search-box';

export interface Searchable {
  id: string;
  name: Record<Language, string>;
  keywords?: string[];
}

interface Props<T extends Searchable> {
  t: TFunction;
  language: Language;
  title: string;
  items: readonly T[];
  onPick: (item: T) => void;
  nav: preact.ComponentChildren;
}

/** Type a few letters, without diacritics if you like, and tap what you meant. */
export function SearchScreen<T extends Searchable>({ t, language, title, items, onPick, nav }: Props<T>) {
  const [query, setQuery] = useState('');
  const index = useMemo(
    () => buildSearchIndex(items.map((item) => ({ item, names: [item.name[language], item.name.vi, item.name.en], keywords: item.keywords ?? [] }))),
    [items, language],
  );
  const hits = search(index, query, { limit: 6 });
  return (
    <Screen title={title} info={<p class="lead">{t('search.hint')}</p>} nav={nav}>
      <section class="results" aria-live="polite">
        {query && hits.length === 0 && <p class="notice">{t('search.none')}</p>}
        {hits.map(({ item }) => (
          <button type="button" class="tile primary result" data-result={item.id} onClick={() => onPick(item)}>
            {item.name[language]}
          </button>
        ))}
      </section>
      <SearchBox t={t} value={query} label={t('search.label')} onChange={setQuery} />
    </Screen>
  );
}
