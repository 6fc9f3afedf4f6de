/** The runtime's own rules, with a fake engine and fake speech: bounded audio queue, gating, failing speech. */
import { CodedError, type PartStatus } from '../../../../src/contract';
import { VoiceConfig } from '../../../../src/controller/config/voice-schema';
import { createVoice } from '../../../../src/controller/devices/voice/create-voice';
import { createLogger } from '../../../../src/controller/log';
import { loadPromptBook } from '../../../../src/controller/devices/voice/prompts';
import type { SpeechOutcome, SpeechOutPort } from '../../../../src/controller/devices/voice/speech-port';
import { MAX_QUEUED_CHUNKS, VoiceRuntime } from '../../../../src/controller/devices/voice/voice-runtime';
import type { WakeWordDetection, WakeWordPort } from '../../../../src/controller/devices/voice/wake-word-port';

/** An engine that detects whenever a chunk starts with the sample 1, and can be held up. */
class FakeEngine implements WakeWordPort {
  readonly engine = 'openwakeword' as const;
  readonly keyword = 'hey_jarvis';
  resets = 0;
  processed = 0;
  gate: Promise<void> = Promise.resolve();
  async process(samples: Int16Array): Promise<WakeWordDetection[]> {
    await this.gate;
    this.processed++;
    return samples[0] === 1 ? [{ seconds: 1, keyword: this.keyword, score: 0.9 }] : [];
  }
  reset(): void {
    this.resets++;
  }
  async close(): Promise<void> {}
}

class FailingSpeech implements SpeechOutPort {
  async say(): Promise<SpeechOutcome> {
    throw new CodedError('VOICE_PLAYBACK_DEVICE_MISSING', 'no card');
  }
  stop(): void {}
  isSpeaking(): boolean {
    return false;
  }
  status(): PartStatus {
    return { state: 'fault', adapter: 'test', code: 'VOICE_PLAYBACK_DEVICE_MISSING' };
  }
}

function runtime(engine: FakeEngine, speech: SpeechOutPort, errors: string[] = []) {
  return new VoiceRuntime({
    wakeWord: engine, speech, prompts: loadPromptBook(), language: 'en', silenceTimeoutMs: 8000, echoTailMs: 400, now: () => 0,
    onError: (e) => errors.push(e.code),
  });
}

describe('voice runtime', () => {
  it('drops audio beyond a bounded queue when the engine falls behind, then restarts the engine buffers', async () => {
    const engine = new FakeEngine();
    let release!: () => void;
    engine.gate = new Promise((r) => (release = r));
    const rt = runtime(engine, new FailingSpeech());
    for (let i = 0; i < MAX_QUEUED_CHUNKS + 10; i++) rt.audio(new Int16Array(1280));
    expect(rt.dropped).toBe(10);
    release();
    await rt.audioDrained();
    expect(engine.processed).toBe(MAX_QUEUED_CHUNKS);
    expect(engine.resets).toBe(1);
  });

  it('a loudspeaker that fails is reported, and the session still moves on (voice never hangs)', async () => {
    const errors: string[] = [];
    const rt = runtime(new FakeEngine(), new FailingSpeech(), errors);
    rt.audio(Int16Array.from([1]));
    await rt.settled();
    expect(errors).toEqual(['VOICE_PLAYBACK_DEVICE_MISSING']);
    expect(rt.state().phase).toBe('attentive');
  });
});

describe('createVoice session clock', () => {
  it('start() ticks the runtime on its own, so silence ends the session without anyone calling tick()', async () => {
    let now = 0;
    const cues: string[] = [];
    const config = VoiceConfig.parse({
      enabled: true, audioIn: { adapter: 'none' }, speech: { sink: { adapter: 'none' } }, silenceTimeoutMs: 1000,
      wakeWord: { engine: 'porcupine', accessKey: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY' },
    });
    // an engine that hears its keyword in every frame
    const porcupineFactory = () => ({ frameLength: 512, sampleRate: 16000, process: () => 0, release: () => undefined });
    const voice = await createVoice(config, { env: {}, log: createLogger('silent'), language: 'vi', now: () => now, onCue: (c) => cues.push(c), porcupineFactory, tickIntervalMs: 5 });
    await voice.start();
    voice.runtime.audio(new Int16Array(512));
    await voice.runtime.settled();
    expect(voice.runtime.state().phase).toBe('attentive');
    now = 1000;
    for (let i = 0; i < 200 && voice.runtime.state().phase !== 'idle'; i++) await new Promise((r) => setTimeout(r, 5));
    await voice.runtime.settled();
    expect(voice.runtime.state().phase).toBe('idle');
    expect(cues).toEqual(['listening', 'idle']);
    await voice.close();
  });
});
