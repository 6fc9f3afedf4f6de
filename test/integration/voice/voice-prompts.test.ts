/**
 * Every prompt of locales/<lang>/voice.json is spoken by espeak-ng in its language: a WAV that is
 * not silent, of a length that fits the text, and (checked on espeak-ng's phonemes) without the
 * voice falling back to English letter names, which is what happens to kanji in Japanese or to the
 * plain `cmn` voice's Chinese.
 */
import { LANGUAGES, type Language } from '../../../src/contract';
import { VOICE_PROMPT_KEYS } from '../../../src/core/voice-session';
import { espeakCanRead, EspeakSynth } from '../../../src/controller/devices/voice/espeak';
import { loadPromptBook } from '../../../src/controller/devices/voice/prompts';
import { bytesToInt16, parseWav } from '../../../src/controller/devices/voice/wav';
import { inBatches } from '../../support/voice-audio';

interface Measured {
  lang: Language;
  key: string;
  seconds: number;
  rms: number;
  /** Share of 20 ms windows louder than -40 dBFS. */
  voiced: number;
  englishFallback: boolean;
  chars: number;
}

function measure(wav: Buffer): Pick<Measured, 'seconds' | 'rms' | 'voiced'> {
  const info = parseWav(wav);
  const x = bytesToInt16(info.data);
  const win = Math.round(info.sampleRate * 0.02);
  let sum = 0;
  let loud = 0;
  let windows = 0;
  for (let i = 0; i + win <= x.length; i += win, windows++) {
    let e = 0;
    for (let j = i; j < i + win; j++) e += (x[j]! / 32768) ** 2;
    sum += e;
    if (Math.sqrt(e / win) > 0.01) loud++;
  }
  return { seconds: x.length / info.sampleRate, rms: Math.sqrt(sum / Math.max(1, x.length)), voiced: loud / Math.max(1, windows) };
}

describe('voice prompts in every language', () => {
  it('each synthesizes to a non-silent WAV of plausible length, spoken in its own language', async () => {
    const book = loadPromptBook();
    const synth = new EspeakSynth({ rate: 150, volume: 100 });
    const jobs = LANGUAGES.flatMap((lang) => VOICE_PROMPT_KEYS.map((key) => ({ lang, key, text: book[lang][key] })));
    const results = await inBatches(jobs, 2, async ({ lang, key, text }): Promise<Measured> => {
      const [wav, phonemes] = await Promise.all([synth.synthesize(text, lang), synth.phonemes(text, lang)]);
      return { lang, key, ...measure(wav), englishFallback: lang !== 'en' && phonemes.includes('(en)'), chars: [...text].length };
    });
    const problems = results.flatMap((r) => {
      const p: string[] = [];
      if (r.rms < 0.02) p.push(`too quiet (RMS ${r.rms.toFixed(4)})`);
      if (r.voiced < 0.3) p.push(`mostly silent (${(r.voiced * 100).toFixed(0)} % voiced)`);
      // a syllable takes 60-400 ms: far outside that, espeak-ng skipped or spelled the text
      if (r.seconds < 0.4 || r.seconds < r.chars * 0.03 || r.seconds > 1 + r.chars * 0.35) p.push(`implausible length ${r.seconds.toFixed(2)} s for ${r.chars} characters`);
      if (r.englishFallback) p.push('the voice fell back to English');
      return p.map((m) => `${r.lang} ${r.key}: ${m}`);
    });
    expect(results).toHaveLength(LANGUAGES.length * VOICE_PROMPT_KEYS.length);
    expect(problems).toEqual([]);
  }, 60000);

  it('the plain Mandarin voice would fail the same check (the check can fail)', async () => {
    const synth = new EspeakSynth({ rate: 150, volume: 100, voices: { zh: 'cmn' } });
    expect(await synth.phonemes(loadPromptBook().zh.greeting, 'zh')).toContain('(en)');
  });

  it('the Japanese voice spells kanji out in English and reads kana, as espeakCanRead assumes', async () => {
    const synth = new EspeakSynth({ rate: 150, volume: 100 });
    expect([espeakCanRead('出生届', 'ja'), await synth.phonemes('出生届', 'ja')]).toEqual([false, expect.stringContaining('(en)')]);
    expect([espeakCanRead('しゅっしょうとどけ', 'ja'), await synth.phonemes('しゅっしょうとどけ', 'ja')]).toEqual([true, expect.not.stringContaining('(en)')]);
    // the same characters are Chinese in Chinese: only Japanese is refused
    expect([espeakCanRead('出生', 'zh'), await synth.phonemes('出生', 'zh')]).toEqual([true, expect.not.stringContaining('(en)')]);
  });
});
