/** Speech out: one utterance at a time, stopped at once on demand; typed errors when espeak-ng is missing. */
import { EspeakSynth } from '../../../../src/controller/devices/voice/espeak';
import { EspeakSpeech } from '../../../../src/controller/devices/voice/espeak-speech';
import type { AudioSink } from '../../../../src/controller/devices/voice/speech-port';
import { encodeWav } from '../../../../src/controller/devices/voice/wav';

/** A synthesizer that needs no espeak-ng: one second of silence per call. */
class FakeSynth extends EspeakSynth {
  readonly texts: string[] = [];
  constructor() {
    super({ rate: 150, volume: 100 });
  }
  override async synthesize(text: string): Promise<Buffer> {
    this.texts.push(text);
    return encodeWav(new Int16Array(16000));
  }
}

/** Plays until aborted. */
class EndlessSink implements AudioSink {
  readonly name = 'endless';
  aborted = 0;
  play(_wav: Buffer, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => signal.addEventListener('abort', () => (this.aborted++, resolve())));
  }
}

describe('espeak-ng speech out', () => {
  it('stop() cuts the current utterance short: say resolves "stopped" and the port is silent', async () => {
    const sink = new EndlessSink();
    const speech = new EspeakSpeech(new FakeSynth(), sink);
    const said = speech.say('Xin chào', 'vi');
    await new Promise((r) => setImmediate(r));
    expect(speech.isSpeaking()).toBe(true);
    speech.stop();
    await expect(said).resolves.toBe('stopped');
    expect(sink.aborted).toBe(1);
    expect(speech.isSpeaking()).toBe(false);
  });

  it('a new utterance interrupts the one playing: the robot never talks over itself', async () => {
    const sink = new EndlessSink();
    const speech = new EspeakSpeech(new FakeSynth(), sink);
    const first = speech.say('one', 'en');
    await new Promise((r) => setImmediate(r));
    const second = speech.say('two', 'en');
    await expect(first).resolves.toBe('stopped');
    speech.stop();
    await expect(second).resolves.toBe('stopped');
  });

  it('without espeak-ng installed: VOICE_TTS_MISSING, and the port reports the fault', async () => {
    const synth = new EspeakSynth({ rate: 150, volume: 100, command: '/nonexistent/espeak-ng' });
    const speech = new EspeakSpeech(synth, new EndlessSink());
    await expect(speech.say('hello', 'en')).rejects.toMatchObject({ code: 'VOICE_TTS_MISSING' });
    expect(speech.status()).toMatchObject({ state: 'fault', code: 'VOICE_TTS_MISSING' });
  });

  it('finds every default voice installed, and refuses a configured voice espeak-ng lacks (it would silently speak English)', async () => {
    await expect(new EspeakSynth({ rate: 150, volume: 100, voices: { en: 'en-gb+f3' } }).checkVoices()).resolves.toBeUndefined();
    const synth = new EspeakSynth({ rate: 150, volume: 100, voices: { vi: 'no-such-voice' } });
    await expect(synth.checkVoices()).rejects.toMatchObject({ code: 'VOICE_LANGUAGE_UNSUPPORTED' });
  });

  it('refuses a language the robot does not speak', () => {
    expect(() => new EspeakSynth({ rate: 150, volume: 100 }).voiceFor('fr' as never)).toThrow(expect.objectContaining({ code: 'VOICE_LANGUAGE_UNSUPPORTED' }));
  });
});
