/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * The service audio panel's data from the real voice module: a WAV of espeak-ng "hey jarvis"
 * between two seconds of silence is the microphone (the file source, paced in real time by a fake
 * clock), openWakeWord scores it, and `onAudioSample` gets one reading per 100 ms of audio: the
 * level is high while the voice speaks and 0 in the silence, and the score crosses the threshold
 * at the wake word and nowhere else. Voice off: no readings at all.
 */
import type { ServiceAudioSample } from '../../../src/contract';
import { VoiceConfig } from '../../../src/controller/config/voice-schema';
import type { MotionPort } from '../../../src/controller/devices/motion/port';
import type { FileAudioSource } from '../../../src/controller/devices/voice/file-audio-source';
import { createLogger } from '../../../src/controller/log';
import { startVoice, type VoiceWiring } from '../../../src/controller/voice';
import { cachedAudio, samplesOf, speak } from '../../support/voice-audio';

const noBoard = { adapter: 'none', runBehaviour: () => Promise.resolve() } as unknown as MotionPort;

let clip: string;
beforeAll(async () => {
  // the same recipe as controller-voice.test.ts: the cached file serves both
  clip = await cachedAudio({ text: 'hey jarvis', voice: 'en-gb', wpm: 160, pad: 2 }, (out) => speak(out, 'hey jarvis', 'en-gb', 160, 2));
}, 30000);

/** First and last sample of the spoken part, in seconds (espeak-ng's padding is digital silence). */
function speechSpan(file: string): { start: number; end: number; total: number } {
  const s = samplesOf(file);
  let first = 0;
  while (first < s.length && Math.abs(s[first]!) < 33) first++;
  let last = s.length - 1;
  while (last > first && Math.abs(s[last]!) < 33) last--;
  return { start: first / 16000, end: (last + 1) / 16000, total: s.length / 16000 };
}

interface Heard extends ServiceAudioSample {
  /** Fake-clock seconds since the microphone opened, when the reading was handed out. */
  at: number;
}

async function listen(enabled: boolean): Promise<{ heard: Heard[]; wakes: number; wiring: VoiceWiring }> {
  const start = 7_000_000;
  let now = start;
  const heard: Heard[] = [];
  let wakes = 0;
  // the file source starts pacing inside startVoice, before it returns
  const started: { wiring?: VoiceWiring } = {};
  const wiring = await startVoice(
    { defaultLanguage: 'en', voice: VoiceConfig.parse({ enabled, audioIn: { adapter: 'file', path: clip, realtime: true }, speech: { sink: { adapter: 'none' } } }) },
    {
      log: createLogger('silent'),
      motion: noBoard,
      onState: () => undefined,
      onWake: () => wakes++,
      onAudioSample: (s) => heard.push({ ...s, at: (now - start) / 1000 }),
      overrides: {
        now: () => now,
        tickIntervalMs: 0,
        // the microphone's 80 ms pass on the fake clock once the engine has heard the previous chunk
        fileSourceSleep: async (ms) => {
          await started.wiring?.voice.runtime.audioDrained();
          now += ms;
        },
      },
      env: {},
    },
  );
  started.wiring = wiring;
  if (wiring.voice.audioIn) {
    await (wiring.voice.audioIn as FileAudioSource).finished();
    await wiring.voice.runtime.audioDrained();
  }
  return { heard, wakes, wiring };
}

describe('microphone level and wake-word score for the service audio panel', () => {
  it('one reading per 100 ms: level up in speech and 0 in silence, score over the threshold at "hey jarvis"', async () => {
    const { heard, wakes, wiring } = await listen(true);
    try {
      const span = speechSpan(clip);
      expect(span.start).toBeGreaterThan(1.9);
      expect(span.end - span.start).toBeGreaterThan(0.4);

      // ten a second of audio (the last partial 100 ms waits for more), none lost to the throttle
      expect(heard.length).toBeGreaterThanOrEqual(Math.floor(span.total * 10) - 2);
      expect(heard.length).toBeLessThanOrEqual(Math.ceil(span.total * 10));
      for (const h of heard) expect(h.threshold).toBe(0.5);

      // a reading handed out at `at` covers the 100 ms before it (give or take one 80 ms chunk)
      const silentBefore = heard.filter((h) => h.at < span.start - 0.1);
      const silentAfter = heard.filter((h) => h.at > span.end + 0.2);
      const speaking = heard.filter((h) => h.at > span.start + 0.1 && h.at < span.end);
      expect(silentBefore.length).toBeGreaterThanOrEqual(15);
      expect(silentAfter.length).toBeGreaterThanOrEqual(15);
      expect(speaking.length).toBeGreaterThanOrEqual(3);
      for (const h of [...silentBefore, ...silentAfter]) expect(h.micLevel).toBeLessThan(0.05);
      // espeak-ng speaks at about −15 dBFS: the meter stands well above the threshold line
      expect(Math.max(...speaking.map((h) => h.micLevel))).toBeGreaterThan(0.6);
      expect(speaking.filter((h) => h.micLevel > 0.5).length / speaking.length).toBeGreaterThanOrEqual(0.6);

      // the score stays low in the leading silence and peaks over the threshold once the wake word is said
      for (const h of silentBefore) expect(h.wakeScore).toBeLessThan(0.1);
      const firstOver = heard.find((h) => h.wakeScore >= h.threshold);
      expect(firstOver).toBeDefined();
      expect(firstOver!.at).toBeGreaterThan(span.start + 0.2);
      expect(firstOver!.at).toBeLessThan(span.end + 1);
      // and falls back near 0 once the word is over
      for (const h of heard.filter((x) => x.at > span.end + 1.2)) expect(h.wakeScore).toBeLessThan(0.1);
      expect(wakes).toBe(1);
    } finally {
      await wiring.close();
    }
  }, 60000);

  it('voice off: no microphone, no readings', async () => {
    const { heard, wiring } = await listen(false);
    try {
      expect(wiring.voice.audioIn).toBeNull();
      expect(heard).toEqual([]);
    } finally {
      await wiring.close();
    }
  }, 30000);
});
