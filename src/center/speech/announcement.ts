/**
 * What the lobby display says when a number is called: "Mời số A 0 0 1 đến quầy 1" always, then
 * the same in the ticket's language when the citizen chose another one at the robot.
 */
import type { LocalizedText } from '../../contract/catalog';
import { DEFAULT_LANGUAGE, type Language } from '../../contract/version';
import vi from '../../../locales/vi/center.json';
import en from '../../../locales/en/center.json';
import zh from '../../../locales/zh/center.json';
import ko from '../../../locales/ko/center.json';
import ja from '../../../locales/ja/center.json';
import type { Sentence } from './espeak';

const TEMPLATES: Record<Language, { call: string; callNamed: string }> = { vi: vi.announce, en: en.announce, zh: zh.announce, ko: ko.announce, ja: ja.announce };

/** "A001" is read "A 0 0 1": one sign at a time is understood better than "A one". */
export const spelled = (display: string) => display.split('').join(' ');

function sentence(language: Language, display: string, counter: LocalizedText): Sentence {
  // the digits of the sign ("Quầy 3" → 3) fit every language's sentence; a sign without digits is read whole
  const digits = counter[language].replace(/\D/g, '');
  const template = digits ? TEMPLATES[language].call : TEMPLATES[language].callNamed;
  const text = template.replace('{{number}}', spelled(display)).replace('{{counter}}', digits || counter[language]);
  return { text, language };
}

export function announcement(display: string, counter: LocalizedText, ticketLanguage: Language | undefined): Sentence[] {
  const out = [sentence(DEFAULT_LANGUAGE, display, counter)];
  if (ticketLanguage && ticketLanguage !== DEFAULT_LANGUAGE) out.push(sentence(ticketLanguage, display, counter));
  return out;
}
