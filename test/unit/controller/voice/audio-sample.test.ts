/**
 * What the voice runtime hands to the service audio panel, with fake engines and a fake clock:
 * one reading per 100 ms of audio the engine has heard, carrying the engine's score peak and
 * threshold; nothing without a listener; Porcupine (no scores) shows 1 on the frame that detects.
 */
import type { PartStatus, ServiceAudioSample } from '../../../../src/contract';
import { PorcupineWakeWord, type PorcupineHandle } from '../../../../src/controller/devices/voice/porcupine';
import { loadPromptBook } from '../../../../src/controller/devices/voice/prompts';
import type { SpeechOutcome, SpeechOutPort } from '../../../../src/controller/devices/voice/speech-port';
import { VoiceRuntime } from '../../../../src/controller/devices/voice/voice-runtime';
import type { WakeWordDetection, WakeWordPort } from '../../../../src/controller/devices/voice/wake-word-port';

/** Scores each chunk by its first sample (‰), like an engine with one step per chunk. */
class ScoringEngine implements WakeWordPort {
  readonly engine = 'openwakeword' as const;
  readonly keyword = 'hey_jarvis';
  readonly threshold = 0.6;
  private peak = 0;
  async process(samples: Int16Array): Promise<WakeWordDetection[]> {
    this.peak = Math.max(this.peak, (samples[0] ?? 0) / 1000);
    return [];
  }
  peakScore(): number {
    const p = this.peak;
    this.peak = 0;
    return p;
  }
  reset(): void {}
  async close(): Promise<void> {}
}

const silentSpeech: SpeechOutPort = {
  say: async (): Promise<SpeechOutcome> => 'done',
  stop: () => undefined,
  isSpeaking: () => false,
  status: (): PartStatus => ({ state: 'disabled', adapter: 'none' }),
};

function runtime(engine: WakeWordPort, clock: { ms: number }, onAudioSample?: (s: ServiceAudioSample) => void) {
  return new VoiceRuntime({ wakeWord: engine, speech: silentSpeech, prompts: loadPromptBook(), language: 'en', silenceTimeoutMs: 8000, echoTailMs: 400, now: () => clock.ms, onAudioSample });
}

/** An 80 ms chunk whose first sample carries the score and the rest a square wave of `amplitude`. */
function chunk(scorePermille: number, amplitude: number): Int16Array {
  const c = Int16Array.from({ length: 1280 }, (_, i) => (i % 2 ? amplitude : -amplitude));
  c[0] = scorePermille;
  return c;
}

describe('voice runtime → service audio samples', () => {
  it('one reading per 100 ms of audio at real-time pace, with the loudness, the score peak and the threshold', async () => {
    const clock = { ms: 0 };
    const got: ServiceAudioSample[] = [];
    const rt = runtime(new ScoringEngine(), clock, (s) => got.push(s));
    // 2 s: the first second quiet (−60 dBFS square wave), then loud (−6 dBFS) with one high score
    for (let k = 0; k < 25; k++) {
      clock.ms += 80;
      rt.audio(k < 12 ? chunk(0, 33) : chunk(k === 18 ? 950 : 100, 16384));
      await rt.audioDrained();
    }
    expect(got).toHaveLength(20);
    for (const s of got) expect(s.threshold).toBe(0.6);
    for (const s of got.slice(0, 9)) expect(s.micLevel).toBeLessThan(0.05);
    for (const s of got.slice(11)) expect(s.micLevel).toBeGreaterThan(0.85);
    expect(got.filter((s) => s.wakeScore === 0.95)).toHaveLength(1);
    expect(Math.max(...got.slice(0, 9).map((s) => s.wakeScore))).toBe(0);
  });

  it('no listener, no meter: audio still reaches the engine', async () => {
    const engine = new ScoringEngine();
    const rt = runtime(engine, { ms: 0 });
    rt.audio(chunk(500, 100));
    await rt.audioDrained();
    expect(engine.peakScore()).toBe(0.5); // nobody took the peak
  });
});

describe('Porcupine scores for the panel', () => {
  it('has no score: 1 for audio in which it detected, 0 otherwise; the line at 0.5', async () => {
    // a fake library: detects on a frame whose first sample is 7
    const handle: PorcupineHandle = { frameLength: 512, sampleRate: 16000, process: (f) => (f[0] === 7 ? 0 : -1), release: () => undefined };
    const engine = await PorcupineWakeWord.create({ accessKey: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY', keyword: 'jarvis', sensitivity: 0.5, refractoryMs: 0, factory: () => handle });
    expect(engine.threshold).toBe(0.5);
    await engine.process(new Int16Array(1024));
    expect(engine.peakScore()).toBe(0);
    const hit = new Int16Array(1024);
    hit[512] = 7;
    expect(await engine.process(hit)).toHaveLength(1);
    expect(engine.peakScore()).toBe(1);
    expect(engine.peakScore()).toBe(0);
    await engine.close();
  });
});
