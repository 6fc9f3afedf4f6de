/**
 * Speech synthesis with espeak-ng (offline, GPL-3.0, apt package espeak-ng): text in, WAV out.
 * Voices were chosen by listening to the phonemes espeak-ng produces (`espeak-ng -x`): the plain
 * `cmn` voice reads Chinese as pinyin spelled out in English, `cmn-latn-pinyin` reads it as Mandarin.
 */
import { CodedError, LANGUAGES, type Language } from '../../../contract';
import { runTool } from './run-tool';
import { bytesToInt16, encodeWav, parseWav } from './wav';

export const DEFAULT_ESPEAK_VOICES: Record<Language, string> = {
  vi: 'vi',
  en: 'en-us',
  zh: 'cmn-latn-pinyin',
  ko: 'ko',
  ja: 'ja',
};

export interface EspeakOptions {
  rate: number;
  volume: number;
  voices?: Partial<Record<Language, string>>;
  /** espeak-ng binary; tests point it elsewhere to simulate a machine without it. */
  command?: string;
}

/**
 * Whether espeak-ng can read `text` in `language` rather than spell it out in English. Its Japanese
 * voice reads kana only: every kanji becomes "Chinese letter" in English (see `espeak-ng -v ja -x`),
 * so Japanese text with kanji is refused (VOICE_TEXT_UNREADABLE) instead of spoken as nonsense.
 */
export function espeakCanRead(text: string, language: Language): boolean {
  return !(language === 'ja' && /\p{Script=Han}/u.test(text));
}

/** Longest text spoken at once (a procedure's explanation fits easily). */
export const MAX_SPOKEN_CHARS = 4000;

export class EspeakSynth {
  constructor(private readonly options: EspeakOptions) {}

  voiceFor(language: Language): string {
    if (!(LANGUAGES as readonly string[]).includes(language)) throw new CodedError('VOICE_LANGUAGE_UNSUPPORTED', `language ${String(language)}`);
    return this.options.voices?.[language] ?? DEFAULT_ESPEAK_VOICES[language];
  }

  private args(language: Language, extra: string[]): string[] {
    // -b 1: the text is UTF-8 whatever the machine's locale; text goes through stdin so no text is ever taken for an option
    return ['-v', this.voiceFor(language), '-s', String(this.options.rate), '-a', String(this.options.volume), '-b', '1', ...extra];
  }

  /** The utterance as a WAV file image (espeak-ng's 22.05 kHz mono 16-bit) with correct sizes. */
  async synthesize(text: string, language: Language, signal?: AbortSignal): Promise<Buffer> {
    const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim().slice(0, MAX_SPOKEN_CHARS);
    if (clean === '') throw new CodedError('VOICE_TTS_FAILED', 'nothing to say');
    const { stdout } = await runTool({
      command: this.options.command ?? 'espeak-ng',
      args: this.args(language, ['--stdout']),
      stdin: clean,
      missing: 'VOICE_TTS_MISSING',
      failed: 'VOICE_TTS_FAILED',
      signal,
    });
    // --stdout cannot seek back to fill in the sizes: rewrite the header so every player reads the length
    const wav = parseWav(stdout);
    if (wav.format !== 1 || wav.channels !== 1 || wav.bitsPerSample !== 16) throw new CodedError('VOICE_TTS_FAILED', 'unexpected espeak-ng output format');
    return encodeWav(bytesToInt16(wav.data), wav.sampleRate);
  }

  /**
   * Checks that every language's voice is installed. espeak-ng itself silently falls back to its
   * default (English) voice for an unknown name, which would greet Vietnamese citizens in English.
   */
  async checkVoices(): Promise<void> {
    const { stdout } = await runTool({ command: this.options.command ?? 'espeak-ng', args: ['--voices'], missing: 'VOICE_TTS_MISSING', failed: 'VOICE_TTS_FAILED' });
    const known = new Set<string>();
    for (const line of stdout.toString('utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // Pty Language Age/Gender VoiceName File [Other languages]
      for (const name of [cols[1], cols[3], cols[4], cols[4]?.split('/').pop()]) if (name) known.add(name.toLowerCase());
    }
    for (const language of LANGUAGES) {
      const voice = this.voiceFor(language);
      // "en-us+f3" is voice en-us with variant f3
      if (!known.has(voice.split('+')[0]!.toLowerCase())) throw new CodedError('VOICE_LANGUAGE_UNSUPPORTED', `espeak-ng has no voice "${voice}" for ${language}`);
    }
  }

  /** espeak-ng's phoneme transcription; a "(en)" in it means the voice fell back to English for a word. */
  async phonemes(text: string, language: Language): Promise<string> {
    const { stdout } = await runTool({
      command: this.options.command ?? 'espeak-ng',
      args: this.args(language, ['-q', '-x']),
      stdin: text,
      missing: 'VOICE_TTS_MISSING',
      failed: 'VOICE_TTS_FAILED',
    });
    return stdout.toString('utf8');
  }
}
