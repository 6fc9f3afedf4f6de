/**
 * The spoken prompts of locales/<lang>/voice.json, read at start-up (only the UI bundles locales)
 * and validated. Japanese prompts are written in kana: espeak-ng's Japanese voice cannot read kanji.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../../contract';
import { VOICE_PROMPT_KEYS, type UtterancePart, type VoicePromptKey } from '../../../core/voice-session';
import { projectRoot } from '../../project-files';

const Text = z.string().trim().min(1).max(400);
const VoiceFile = z.object({
  greeting: Text,
  listening: Text,
  optionsIntro: Text,
  options: z.object({ takeTicket: Text, checkIn: Text, lookupDossier: Text, procedures: Text }).strict(),
  touchToChoose: Text,
  goodbye: Text,
}).strict();

export type PromptBook = Record<Language, Record<VoicePromptKey, string>>;

function flatten(file: z.infer<typeof VoiceFile>): Record<VoicePromptKey, string> {
  const out = {} as Record<VoicePromptKey, string>;
  for (const key of VOICE_PROMPT_KEYS) {
    const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], file);
    out[key] = value as string;
  }
  return out;
}

export function loadPromptBook(localesDir = join(projectRoot(), 'locales')): PromptBook {
  const read = (l: Language) => {
    const file = join(localesDir, l, 'voice.json');
    const parsed = VoiceFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return flatten(parsed.data);
  };
  return Object.fromEntries(LANGUAGES.map((l) => [l, read(l)])) as PromptBook;
}

/** One utterance's text: prompts looked up in the language, free texts (procedure read-aloud) as given. */
export function utteranceText(book: PromptBook, language: Language, parts: UtterancePart[]): string {
  return parts.map((p) => ('prompt' in p ? book[language][p.prompt] : p.text)).join(' ');
}
