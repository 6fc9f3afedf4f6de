/**
 * @jest-environment ./test/support/onnx-environment.js
 */
/**
 * The robot that listens, end to end with the real wake-word engine: a WAV file is the microphone,
 * a fake clock is the time, and a test sink stands for the loudspeaker so the test decides when
 * each utterance has finished playing. wake → cue + options + greeting → attentive → silence →
 * goodbye → idle; its own voice never wakes it; a touch stops it mid-sentence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VoiceCue } from '../../../src/core/voice-session';
import { VoiceConfig } from '../../../src/controller/config/voice-schema';
import { createVoice, type Voice } from '../../../src/controller/devices/voice/create-voice';
import type { FileAudioSource } from '../../../src/controller/devices/voice/file-audio-source';
import { loadPromptBook } from '../../../src/controller/devices/voice/prompts';
import type { AudioSink } from '../../../src/controller/devices/voice/speech-port';
import { createLogger } from '../../../src/controller/log';
import { samplesOf, speak } from '../../support/voice-audio';

/** A loudspeaker whose utterances end when the test says so (or when stopped). */
class HeldSink implements AudioSink {
  readonly name = 'held';
  readonly played: Array<{ bytes: number; stopped: boolean }> = [];
  private finishers: Array<() => void> = [];

  play(wav: Buffer, signal: AbortSignal): Promise<void> {
    const entry = { bytes: wav.length, stopped: false };
    this.played.push(entry);
    return new Promise((resolve) => {
      this.finishers.push(resolve);
      signal.addEventListener('abort', () => {
        entry.stopped = true;
        resolve();
      });
    });
  }

  finishAll(): void {
    for (const f of this.finishers.splice(0)) f();
  }
}

describe('voice session with the file source, openWakeWord and a fake clock', () => {
  let dir: string;
  let clip: string;
  const prompts = loadPromptBook();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'voice-seq-'));
    clip = await speak(join(dir, 'hey-jarvis.wav'), 'hey jarvis', 'en-gb', 160, 1);
  }, 30000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function build() {
    let now = 1_000_000;
    const cues: VoiceCue[] = [];
    const said: string[] = [];
    let optionsShown = 0;
    const sink = new HeldSink();
    const detections: boolean[] = [];
    const config = VoiceConfig.parse({ enabled: true, audioIn: { adapter: 'file', path: clip, realtime: false }, silenceTimeoutMs: 8000, echoTailMs: 400 });
    const voice: Voice = await createVoice(config, {
      env: {},
      log: createLogger('silent'),
      language: 'vi',
      now: () => now,
      onCue: (c) => cues.push(c),
      onShowOptions: () => optionsShown++,
      onSay: (text, language) => said.push(`${language}: ${text}`),
      onDetection: (_d, accepted) => detections.push(accepted),
      sink,
      tickIntervalMs: 0, // the test is the clock
    });
    return { voice, sink, cues, said, detections, shown: () => optionsShown, advance: (ms: number) => (now += ms) };
  }

  async function hearClip(voice: Voice): Promise<void> {
    voice.runtime.audio(samplesOf(clip));
    await voice.runtime.audioDrained();
  }

  /** Lets the speech task (synthesis by espeak-ng, then the sink) reach the sink. */
  async function untilPlaying(sink: HeldSink, count: number): Promise<void> {
    for (let i = 0; i < 200 && sink.played.length < count; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sink.played.length).toBe(count);
  }

  it('wake → listening cue, options shown, greeting and options read in the session language → silence → goodbye → idle', async () => {
    const t = await build();
    await t.voice.start();
    await (t.voice.audioIn as FileAudioSource).finished();
    await t.voice.runtime.audioDrained();

    expect(t.detections).toEqual([true]);
    expect(t.cues).toEqual(['listening']);
    expect(t.shown()).toBe(1);
    expect(t.voice.runtime.state().phase).toBe('greeting');
    const vi = prompts.vi;
    expect(t.said).toEqual([`vi: ${[vi.greeting, vi.optionsIntro, vi['options.takeTicket'], vi['options.checkIn'], vi['options.lookupDossier'], vi['options.procedures'], vi.touchToChoose].join(' ')}`]);
    await untilPlaying(t.sink, 1);
    expect(t.sink.played[0]!.bytes).toBeGreaterThan(44 + 22050 * 2); // more than a second of audio

    t.sink.finishAll();
    await t.voice.runtime.settled();
    expect(t.voice.runtime.state().phase).toBe('attentive');

    t.advance(7999);
    t.voice.runtime.tick();
    expect(t.voice.runtime.state().phase).toBe('attentive');
    t.advance(1);
    t.voice.runtime.tick();
    expect(t.voice.runtime.state().phase).toBe('farewell');
    expect(t.said[1]).toBe(`vi: ${vi.goodbye}`);
    await untilPlaying(t.sink, 2);
    t.sink.finishAll();
    await t.voice.runtime.settled();
    expect(t.voice.runtime.state().phase).toBe('idle');
    expect(t.cues).toEqual(['listening', 'idle']);
    await t.voice.close();
  }, 60000);

  it('greets in the language chosen on the screen', async () => {
    const t = await build();
    t.voice.runtime.setLanguage('ko');
    await hearClip(t.voice);
    expect(t.said[0]!.startsWith(`ko: ${prompts.ko.greeting}`)).toBe(true);
    t.voice.runtime.touch();
    await t.voice.close();
  }, 60000);

  it('ignores wake words while it speaks and during the echo tail, hears them after', async () => {
    const t = await build();
    await hearClip(t.voice);
    expect(t.detections).toEqual([true]);

    await hearClip(t.voice); // the robot is still greeting
    expect(t.detections).toEqual([true, false]);
    await untilPlaying(t.sink, 1);
    t.sink.finishAll();
    await t.voice.runtime.settled();

    t.advance(399);
    await hearClip(t.voice); // within the tail
    expect(t.detections).toEqual([true, false, false]);
    t.advance(1);
    await hearClip(t.voice);
    expect(t.detections).toEqual([true, false, false, true]);
    expect(t.said[1]).toBe(`vi: ${prompts.vi.listening}`);
    t.voice.runtime.touch();
    await t.voice.close();
  }, 60000);

  it('stops speaking at once when the screen is touched, and drops the listening cue', async () => {
    const t = await build();
    await hearClip(t.voice);
    await untilPlaying(t.sink, 1);
    t.voice.runtime.touch();
    await t.voice.runtime.settled();
    expect(t.sink.played[0]!.stopped).toBe(true);
    expect(t.voice.speech.isSpeaking()).toBe(false);
    expect(t.voice.runtime.state().phase).toBe('idle');
    expect(t.cues).toEqual(['listening', 'idle']);
    await t.voice.close();
  }, 60000);
});
