/**
 * Builds the voice part from its config: microphone, wake-word engine, speech out and the runtime
 * that joins them. A part that cannot start (no microphone, a missing Porcupine AccessKey, no
 * loudspeaker) is reported in `status()` with its code and left out; the robot keeps running and
 * touch keeps working.
 */
import { CodedError, type Language, type PartStatus, type ServiceAudioSample } from '../../../contract';
import type { VoiceCue, VoiceSessionState } from '../../../core/voice-session';
import type { VoiceConfig, WakeWordConfig } from '../../config/voice-schema';
import type { Logger } from '../../log';
import { AlsaCapture } from './alsa-capture';
import type { AudioInPort } from './audio-in-port';
import { AlsaPlayback, WavFileSink } from './audio-sinks';
import { EspeakSynth } from './espeak';
import { EspeakSpeech } from './espeak-speech';
import { FileAudioSource } from './file-audio-source';
import { OpenWakeWord } from './openwakeword';
import { PorcupineWakeWord, type PorcupineFactory } from './porcupine';
import { loadPromptBook } from './prompts';
import type { AudioSink, SpeechOutcome, SpeechOutPort } from './speech-port';
import { VoiceRuntime } from './voice-runtime';
import type { WakeWordDetection, WakeWordPort } from './wake-word-port';

export const PICOVOICE_KEY_ENV = 'LOBBY_ROBOT_PICOVOICE_ACCESS_KEY';

export interface VoiceDeps {
  env: NodeJS.ProcessEnv;
  log: Logger;
  language: Language;
  now?: () => number;
  onCue?: (cue: VoiceCue) => void;
  onShowOptions?: () => void;
  onState?: (state: VoiceSessionState) => void;
  onSay?: (text: string, language: Language) => void;
  onDetection?: (d: WakeWordDetection, accepted: boolean) => void;
  /** Microphone level and wake-word score about ten times a second, for the service audio panel. */
  onAudioSample?: (sample: ServiceAudioSample) => void;
  /** Tests: paces a real-time file source (a fake clock advances here instead of waiting). */
  fileSourceSleep?: (ms: number) => Promise<void>;
  /** A part failed while running (microphone, engine, loudspeaker): status() has changed. */
  onFault?: () => void;
  /** Tests replace the Porcupine library. */
  porcupineFactory?: PorcupineFactory;
  /** Replaces the configured sink (tests that control when speech ends). */
  sink?: AudioSink;
  /** How often start() makes the runtime look at the clock (silence timeout); 0 = never (tests tick by hand). */
  tickIntervalMs?: number;
}

export interface VoiceParts {
  microphone: PartStatus;
  wakeWord: PartStatus;
  speech: PartStatus;
}

export interface Voice {
  readonly runtime: VoiceRuntime;
  readonly speech: SpeechOutPort;
  readonly wakeWord: WakeWordPort | null;
  readonly audioIn: AudioInPort | null;
  status(): VoiceParts;
  /** Starts the session clock and opens the microphone; a failure is reported in status(), never thrown. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The engine named in the config, or a CodedError saying why it cannot run. */
export async function createWakeWord(config: WakeWordConfig, env: NodeJS.ProcessEnv, factory?: PorcupineFactory): Promise<WakeWordPort | null> {
  switch (config.engine) {
    case 'openwakeword':
      return OpenWakeWord.create(config);
    case 'porcupine':
      return PorcupineWakeWord.create({ ...config, accessKey: env[PICOVOICE_KEY_ENV] || config.accessKey, factory });
    case 'none':
      return null;
  }
}

/** Speech that says nothing and says so: no loudspeaker configured, or espeak-ng cannot speak. */
class NoSpeech implements SpeechOutPort {
  constructor(private readonly reason: PartStatus = { state: 'disabled', adapter: 'none' }) {}
  async say(): Promise<SpeechOutcome> {
    return 'done';
  }
  stop(): void {}
  isSpeaking(): boolean {
    return false;
  }
  status(): PartStatus {
    return this.reason;
  }
}

function fault(adapter: string, e: unknown): PartStatus {
  return { state: 'fault', adapter, code: e instanceof CodedError ? e.code : 'INTERNAL_ERROR' };
}

const OFF: PartStatus = { state: 'disabled', adapter: 'none' };

/** The voice config with `enabled: 'auto'` left unresolved read as off. */
type ResolvedVoiceConfig = VoiceConfig & { enabled: boolean };

/** The wake-word engine, or null with the reason in its status (off, or the code it failed with). */
async function startWakeWord(config: ResolvedVoiceConfig, deps: VoiceDeps): Promise<{ wakeWord: WakeWordPort | null; wakeStatus: PartStatus }> {
  if (!config.enabled || config.wakeWord.engine === 'none') return { wakeWord: null, wakeStatus: OFF };
  try {
    const wakeWord = await createWakeWord(config.wakeWord, deps.env, deps.porcupineFactory);
    return { wakeWord, wakeStatus: { state: 'ok', adapter: `${config.wakeWord.engine} ${wakeWord?.keyword ?? ''}`.trim() } };
  } catch (e) {
    const wakeStatus = fault(config.wakeWord.engine, e);
    // the detail may come from a native library; codes are what technicians look up
    deps.log.error({ code: wakeStatus.code, detail: (e as Error).message }, 'wake word engine did not start; voice wake-up is off');
    return { wakeWord: null, wakeStatus };
  }
}

/** Where speech sounds: the sink a test gives, else the configured loudspeaker or WAV folder, else none. */
function speechSink(config: ResolvedVoiceConfig, deps: VoiceDeps): AudioSink | null {
  const sinkConfig = config.speech.sink;
  if (deps.sink) return deps.sink;
  if (sinkConfig.adapter === 'alsa' || sinkConfig.adapter === 'auto') return new AlsaPlayback({ device: sinkConfig.device });
  return sinkConfig.adapter === 'file' ? new WavFileSink(sinkConfig.dir) : null;
}

/** espeak-ng on the sink, or speech that says nothing (and why) when it cannot speak. */
async function startSpeech(config: ResolvedVoiceConfig, deps: VoiceDeps): Promise<SpeechOutPort> {
  const sink = speechSink(config, deps);
  if (!config.enabled || !sink) return new NoSpeech();
  const synth = new EspeakSynth({ rate: config.speech.rate, volume: config.speech.volume, voices: config.speech.voices });
  try {
    await synth.checkVoices();
    return new EspeakSpeech(synth, sink);
  } catch (e) {
    const speech = new NoSpeech(fault('espeak-ng', e));
    deps.log.error({ code: speech.status().code, detail: (e as Error).message }, 'speech out did not start; the robot stays silent');
    return speech;
  }
}

/** The microphone; none without a wake-word engine to listen for, since nothing else hears it. */
function pickAudioIn(config: ResolvedVoiceConfig, wakeWord: WakeWordPort | null, deps: VoiceDeps): AudioInPort | null {
  const inConfig = config.audioIn;
  if (!config.enabled || inConfig.adapter === 'none' || !wakeWord) return null;
  if (inConfig.adapter === 'file') return new FileAudioSource({ path: inConfig.path, realtime: inConfig.realtime, sleep: deps.fileSourceSleep });
  if (inConfig.adapter === 'auto' && inConfig.path) return new FileAudioSource({ path: inConfig.path, realtime: true, sleep: deps.fileSourceSleep });
  return new AlsaCapture({ device: inConfig.device });
}

function createRuntime(config: ResolvedVoiceConfig, deps: VoiceDeps, wakeWord: WakeWordPort | null, speech: SpeechOutPort): VoiceRuntime {
  const { log } = deps;
  return new VoiceRuntime({
    wakeWord,
    speech,
    prompts: loadPromptBook(),
    language: deps.language,
    silenceTimeoutMs: config.silenceTimeoutMs,
    echoTailMs: config.echoTailMs,
    now: deps.now ?? Date.now,
    onCue: deps.onCue,
    onShowOptions: deps.onShowOptions,
    onState: deps.onState,
    onSay: deps.onSay,
    onAudioSample: deps.onAudioSample,
    onDetection: (d, accepted) => {
      log.info({ keyword: d.keyword, score: Number(d.score.toFixed(3)), accepted }, 'wake word');
      deps.onDetection?.(d, accepted);
    },
    onError: (e) => {
      log.error({ code: e.code, detail: e.message }, 'voice error');
      deps.onFault?.();
    },
  });
}

/**
 * `auto` parts are resolved by voice-host.ts before this is called (start-up, doctor); one left here
 * is taken as the plain device it names, and `enabled: 'auto'` unresolved stays off.
 */
export async function createVoice(given: VoiceConfig, deps: VoiceDeps): Promise<Voice> {
  const { log } = deps;
  const config: ResolvedVoiceConfig = { ...given, enabled: given.enabled === true };
  const { wakeWord, wakeStatus } = await startWakeWord(config, deps);
  const speech = await startSpeech(config, deps);
  const audioIn = pickAudioIn(config, wakeWord, deps);
  let micStatus: PartStatus = audioIn ? audioIn.status() : OFF;
  const runtime = createRuntime(config, deps, wakeWord, speech);

  let ticker: NodeJS.Timeout | undefined;
  return {
    runtime,
    speech,
    wakeWord,
    audioIn,
    status: () => ({ microphone: audioIn ? audioIn.status() : micStatus, wakeWord: wakeStatus, speech: speech.status() }),
    async start() {
      const every = deps.tickIntervalMs ?? 250;
      if (every > 0 && !ticker) {
        ticker = setInterval(() => runtime.tick(), every);
        ticker.unref();
      }
      if (!audioIn) return;
      try {
        await audioIn.start(runtime);
      } catch (e) {
        micStatus = fault(audioIn.status().adapter, e);
        log.error({ code: micStatus.code }, 'microphone did not start; voice wake-up is off');
        deps.onFault?.();
      }
    },
    async close() {
      clearInterval(ticker);
      speech.stop();
      await audioIn?.stop();
      await runtime.settled();
      await wakeWord?.close();
    },
  };
}
