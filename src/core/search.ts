/**
 * Search over procedures and services, as people type on a kiosk: without Vietnamese diacritics
 * ("khai sinh" finds "Đăng ký khai sinh"), without spaces ("khaisinh"), in any case, with the
 * common i/y spelling variation ("đăng kí"), by initials ("dkks"), and in every language of the
 * robot (Chinese, Korean and Japanese by substring, since they do not separate words by spaces).
 * Pure: no I/O, deterministic order.
 */
import type { Catalog, Language, Procedure, Service } from '../contract';

/** Longer queries are cut: nobody types more on a kiosk, and it bounds the work per keystroke. */
export const MAX_QUERY_LENGTH = 100;
export const DEFAULT_RESULT_LIMIT = 20;
const MAX_RESULT_LIMIT = 500;

/** Combining marks of Latin letters (Vietnamese tone and vowel marks after NFKD). */
const LATIN_MARKS = /[\u0300-\u036f]/g;
const WORD_SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * Lower case, Vietnamese marks removed, đ → d, y → i (ký/kí, quy/qui are both in use), compatibility
 * forms unified (full-width letters, Hangul compatibility jamo). Hangul syllables decompose into
 * jamo on both sides, so a half-typed syllable still matches.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/y/g, 'i');
}

interface FoldedText {
  words: string[];
  compact: string;
  initials: string;
}

function fold(text: string): FoldedText {
  const words = foldText(text).split(WORD_SEPARATORS).filter(Boolean);
  return { words, compact: words.join(''), initials: words.map((w) => w[0]).join('') };
}

export interface SearchEntry<T> {
  item: T;
  /** The names, the preferred language first (a match there wins ties). */
  names: readonly string[];
  /** Other words people use for it ("sổ đỏ", "cưới"); weighted a little below names. */
  keywords?: readonly string[];
  /** Longer texts (summaries): only whole-word matches count, weighted lowest. */
  details?: readonly string[];
}

interface IndexedEntry<T> {
  item: T;
  order: number;
  names: FoldedText[];
  keywords: FoldedText[];
  details: FoldedText[];
}

export interface SearchIndex<T> {
  readonly entries: readonly IndexedEntry<T>[];
}

export interface SearchHit<T> {
  item: T;
  /** Higher is better; only the order is meaningful. */
  score: number;
}

export function buildSearchIndex<T>(entries: readonly SearchEntry<T>[]): SearchIndex<T> {
  return {
    entries: entries.map((e, order) => ({
      item: e.item,
      order,
      names: e.names.map(fold),
      keywords: (e.keywords ?? []).map(fold),
      details: (e.details ?? []).map(fold),
    })),
  };
}

interface Query {
  words: string[];
  compact: string;
  /** One Latin letter or digit matches too much as a substring: only word starts then. */
  tooShortForSubstring: boolean;
}

function parseQuery(raw: string): Query | undefined {
  const cut = raw.slice(0, MAX_QUERY_LENGTH);
  const { words, compact } = fold(cut);
  if (!compact) return undefined;
  return { words, compact, tooShortForSubstring: compact.length < 2 && ASCII_ONLY.test(compact) };
}

/** The query's words, the last one possibly half-typed, appear one after another in the text. */
function wordSequenceAt(text: FoldedText, q: Query): number {
  const n = q.words.length;
  for (let start = 0; start + n <= text.words.length; start++) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const word = text.words[start + i]!;
      const wanted = q.words[i]!;
      ok = i === n - 1 ? word.startsWith(wanted) : word === wanted;
    }
    if (ok) return start;
  }
  return -1;
}

function everyWordStartsAWord(text: FoldedText, q: Query): boolean {
  return q.words.every((w) => text.words.some((t) => t.startsWith(w)));
}

/** Tiers: exact, starts with, word sequence, all words, substring, initials. 0 = no match. */
function scoreText(text: FoldedText, q: Query, wholeWordsOnly: boolean): number {
  if (!text.compact) return 0;
  if (text.compact === q.compact) return 100;
  if (text.compact.startsWith(q.compact) && !wholeWordsOnly) return 90;
  const at = wordSequenceAt(text, q);
  if (at >= 0) return 80 - Math.min(at, 5);
  if (q.words.length > 1 && everyWordStartsAWord(text, q)) return 70;
  if (wholeWordsOnly || q.tooShortForSubstring) return 0;
  if (text.compact.includes(q.compact)) return 60;
  if (q.compact.length >= 2 && ASCII_ONLY.test(q.compact) && text.initials.startsWith(q.compact)) return 50;
  return 0;
}

function best(texts: FoldedText[], q: Query, wholeWordsOnly: boolean, preferFirst: boolean): number {
  let top = 0;
  texts.forEach((t, i) => {
    // a hit in the visitor's own language beats the same hit in another one
    const raw = scoreText(t, q, wholeWordsOnly);
    const s = raw > 0 && preferFirst && i === 0 ? raw + 1 : raw;
    if (s > top) top = s;
  });
  return top;
}

function scoreEntry<T>(e: IndexedEntry<T>, q: Query): number {
  const name = best(e.names, q, false, true);
  const keyword = best(e.keywords, q, false, false) * 0.8;
  const detail = best(e.details, q, true, false) * 0.4;
  return Math.max(name, keyword, detail);
}

/**
 * Entries matching `query`, best first; ties keep the shorter name (the more general procedure)
 * and then the index order. An empty or blank query matches nothing: the caller shows its full list.
 */
export function search<T>(index: SearchIndex<T>, query: string, options: { limit?: number } = {}): SearchHit<T>[] {
  const q = parseQuery(query);
  if (!q) return [];
  const limit = Math.max(0, Math.min(options.limit ?? DEFAULT_RESULT_LIMIT, MAX_RESULT_LIMIT));
  const scored: { e: IndexedEntry<T>; score: number }[] = [];
  for (const e of index.entries) {
    const score = scoreEntry(e, q);
    if (score > 0) scored.push({ e, score });
  }
  scored.sort((a, b) => b.score - a.score || nameLength(a.e) - nameLength(b.e) || a.e.order - b.e.order);
  return scored.slice(0, limit).map(({ e, score }) => ({ item: e.item, score }));
}

const nameLength = (e: IndexedEntry<unknown>): number => e.names[0]?.compact.length ?? 0;

/** Names in `language` first, then Vietnamese (what the signs in the center say), then the rest. */
function namesFor(name: Record<Language, string>, language: Language): string[] {
  const order: Language[] = [language, 'vi', 'en', 'zh', 'ko', 'ja'];
  return [...new Set(order)].map((l) => name[l]);
}

export function procedureSearchIndex(procedures: readonly Procedure[], language: Language): SearchIndex<Procedure> {
  return buildSearchIndex(
    procedures.map((p) => ({
      item: p,
      names: namesFor(p.name, language),
      keywords: p.keywords,
      details: [p.summary[language]],
    })),
  );
}

export function serviceSearchIndex(catalog: Catalog, language: Language): SearchIndex<Service> {
  return buildSearchIndex(catalog.services.map((s) => ({ item: s, names: namesFor(s.name, language) })));
}
