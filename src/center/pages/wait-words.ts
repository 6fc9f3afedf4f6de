/**
 * How the phone page says a wait: core's `sayWait` over locales/<lang>/wait.json, the very words
 * the touchscreen and the paper use, bundled for all five languages.
 */
import type { WaitStrings } from '../../contract/wait';
import type { Language } from '../../contract/version';
import type { TicketStatus } from '../../contract/sync';
import { sayWait, statusWait, type WaitLines } from '../../core/queue/wait-text';
import viWait from '../../../locales/vi/wait.json';
import enWait from '../../../locales/en/wait.json';
import zhWait from '../../../locales/zh/wait.json';
import koWait from '../../../locales/ko/wait.json';
import jaWait from '../../../locales/ja/wait.json';

const WAIT_WORDS: Record<Language, WaitStrings> = { vi: viWait, en: enWait, zh: zhWait, ko: koWait, ja: jaWait };

/** The wait lines for a ticket's status, in the reader's language; null once it no longer waits. */
export function waitLines(status: Pick<TicketStatus, 'peopleAhead' | 'waitMinutes'>, language: Language): WaitLines | null {
  const figures = statusWait(status);
  return figures && sayWait(figures, WAIT_WORDS[language]);
}
