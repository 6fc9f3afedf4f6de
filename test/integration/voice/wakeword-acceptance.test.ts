/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * Acceptance of the offline wake word (openWakeWord "hey jarvis" on onnxruntime-node): espeak-ng
 * says "hey jarvis" in several voices and speeds, alone and with sox noise at +10 dB SNR, and every
 * clip wakes the robot exactly once; at least ten minutes of other speech (everything the robot
 * itself says, in five languages) and noise wake it never. The audio is made by espeak-ng and sox
 * on first run and cached under the OS temp dir (test/support/voice-audio cachedAudio), so later
 * runs only pay for the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenWakeWord } from '../../../src/controller/devices/voice/openwakeword';
import type { WakeWordDetection } from '../../../src/controller/devices/voice/wake-word-port';
import { cachedAudio, inBatches, mixAtSnr, noise, rmsOf, samplesOf, speak, type NoiseColour } from '../../support/voice-audio';

const LOCALES = join(__dirname, '..', '..', '..', 'locales');
const PAD = 1;
const BLOCK = 16000 * 10;
/** Each stretch of other speech is cut to this length: the total stays just over ten minutes however the locales grow. */
const NEGATIVE_SECONDS = 70;

/** Voices and speeds (words per minute) of the spoken wake word. */
const POSITIVE_VOICES: Array<[string, number]> = [
  ['en-us', 130],
  ['en-gb', 130], ['en-gb', 160], ['en-gb', 190],
  ['en-us+f3', 130], ['en-us+f3', 160],
  ['en-gb-scotland', 130],
  ['en-us+f2', 160],
  ['en-us+f4', 160], ['en-us+f4', 190],
  ['en-us+m1', 130],
  ['en-us+m2', 130], ['en-us+m2', 160], ['en-us+m2', 190],
];

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(strings);
}

/** What the robot says and shows in a language (`all` adds every error message), plus queue announcements. */
function lobbyText(lang: string, all: boolean): string {
  const files = all ? ['errors.json', 'ui.json', 'voice.json'] : ['ui.json', 'voice.json'];
  const own = files.flatMap((f) => strings(JSON.parse(readFileSync(join(LOCALES, lang, f), 'utf8'))));
  const calls: Record<string, (n: number) => string> = {
    en: (n) => `Ticket number A ${n + 10}, please come to counter ${(n % 6) + 1}.`,
    vi: (n) => `Mời công dân có số thứ tự A ${n + 10} đến quầy số ${(n % 6) + 1}.`,
  };
  const call = calls[lang];
  return [...own, ...(call ? Array.from({ length: 8 }, (_, n) => call(n)) : [])].join('\n');
}

describe('openWakeWord hey_jarvis on synthesized speech', () => {
  let engine: OpenWakeWord;
  const noiseFiles: Partial<Record<NoiseColour, { file: string; rms: number }>> = {};

  async function detectionsIn(file: string): Promise<WakeWordDetection[]> {
    engine.reset();
    const samples = samplesOf(file);
    const found: WakeWordDetection[] = [];
    for (let i = 0; i < samples.length; i += BLOCK) found.push(...(await engine.process(samples.subarray(i, i + BLOCK))));
    return found;
  }

  beforeAll(async () => {
    engine = await OpenWakeWord.create({ model: 'hey_jarvis', threshold: 0.5, refractoryMs: 2000 });
    for (const colour of ['whitenoise', 'pinknoise', 'brownnoise'] as const) {
      const file = await cachedAudio({ noise: colour, seconds: 40 }, (out) => noise(out, 40, colour));
      noiseFiles[colour] = { file, rms: rmsOf(samplesOf(file)) };
    }
  }, 60000);

  afterAll(async () => {
    await engine?.close();
  });

  it('detects "hey jarvis" in every voice and speed, clean and at +10 dB SNR in white and pink noise', async () => {
    const results = await inBatches(POSITIVE_VOICES, 2, async ([voice, wpm]) => {
      const name = `${voice}-${wpm}`;
      const recipe = { text: 'hey jarvis', voice, wpm, pad: PAD };
      const clean = await cachedAudio(recipe, (out) => speak(out, 'hey jarvis', voice, wpm, PAD));
      const samples = samplesOf(clean);
      const speechRms = rmsOf(samples, PAD * 16000, samples.length - PAD * 16000);
      const noisy = await Promise.all(
        (['whitenoise', 'pinknoise'] as const).map((c) =>
          cachedAudio({ mix: recipe, noise: c, snrDb: 10 }, (out) => mixAtSnr(out, clean, speechRms, noiseFiles[c]!.file, noiseFiles[c]!.rms, 10)),
        ),
      );
      return { name, files: [clean, ...noisy], seconds: samples.length / 16000 };
    });
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const { name, files, seconds } of results) {
      for (const [i, file] of files.entries()) {
        const found = await detectionsIn(file);
        const label = `${name} ${['clean', 'white +10dB', 'pink +10dB'][i]}`;
        // exactly one wake, after the speech began and by the end of the clip's trailing second
        const ok = found.length === 1 && found[0]!.seconds > PAD && found[0]!.seconds <= seconds;
        outcome.push(`${label}: ${ok ? 'detected' : `NOT OK ${JSON.stringify(found)}`}`);
        expected.push(`${label}: detected`);
      }
    }
    process.stdout.write(`wake word clips: ${outcome.length}, detected: ${outcome.filter((o) => o.endsWith('detected')).length}\n`);
    expect(outcome).toEqual(expected);
  }, 120000);

  it('never wakes on more than ten minutes of other speech in five languages and noise', async () => {
    // sized for CI: 8 × 70 s of speech + 3 × 40 s of noise = 11.3 minutes, processed at a real-time factor of ~0.03
    const speech: Array<{ lang: string; voice: string; wpm: number; all?: boolean; noise?: NoiseColour }> = [
      { lang: 'en', voice: 'en-us', wpm: 150, all: true },
      { lang: 'vi', voice: 'vi', wpm: 150 },
      { lang: 'en', voice: 'en-gb', wpm: 190, noise: 'pinknoise' },
      { lang: 'en', voice: 'en-us+f3', wpm: 170, noise: 'whitenoise' },
      { lang: 'vi', voice: 'vi', wpm: 190, noise: 'brownnoise' },
      { lang: 'zh', voice: 'cmn-latn-pinyin', wpm: 150 },
      { lang: 'ko', voice: 'ko', wpm: 150 },
      { lang: 'ja', voice: 'ja', wpm: 150 },
    ];
    const files = await inBatches(speech, 2, async (s) => {
      const text = lobbyText(s.lang, s.all ?? false);
      const recipe = { text, voice: s.voice, wpm: s.wpm, maxSeconds: NEGATIVE_SECONDS };
      const clean = await cachedAudio(recipe, (out) => speak(out, text, s.voice, s.wpm, 0, NEGATIVE_SECONDS));
      if (!s.noise) return clean;
      const n = noiseFiles[s.noise]!;
      return cachedAudio({ mix: recipe, noise: s.noise, snrDb: 10 }, (out) => mixAtSnr(out, clean, rmsOf(samplesOf(clean)), n.file, n.rms, 10));
    });
    files.push(...Object.values(noiseFiles).map((n) => n!.file));
    const perFile: string[] = [];
    let seconds = 0;
    let maxScore = 0;
    const wakes: string[] = [];
    const started = Date.now();
    for (const file of files) {
      engine.reset();
      const samples = samplesOf(file);
      seconds += samples.length / 16000;
      perFile.push(`${(samples.length / 16000).toFixed(0)}s`);
      for (let i = 0; i < samples.length; i += BLOCK) {
        for (const s of await engine.scores(samples.subarray(i, i + BLOCK))) {
          maxScore = Math.max(maxScore, s.score);
          if (s.score >= 0.5) wakes.push(`${file} at ${((i / 16000) + s.seconds).toFixed(2)} s: ${s.score.toFixed(3)}`);
        }
      }
    }
    const busy = (Date.now() - started) / 1000;
    process.stdout.write(
      `negatives: ${(seconds / 60).toFixed(1)} min in ${files.length} files (${perFile.join(' ')}), highest score ${maxScore.toFixed(3)}, ` +
        `wakes ${wakes.length}, processed in ${busy.toFixed(1)} s (real-time factor ${(busy / seconds).toFixed(4)})\n`,
    );
    expect(seconds).toBeGreaterThanOrEqual(600);
    expect(wakes).toEqual([]);
  }, 120000);
});
