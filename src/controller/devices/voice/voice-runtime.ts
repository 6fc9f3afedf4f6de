/**
 * Runs the voice session (src/core/voice-session) against the real ports: microphone audio goes
 * to the wake-word engine, detections become session events, and the session's effects drive
 * speech, the light/head cue and the screen. Time comes from `now` (a fake clock in tests).
 *
 * The microphone ignores the robot's own voice: while the robot speaks, and for `echoTailMs`
 * after, detections are dropped. The engine still hears that audio, so its buffers stay continuous
 * and a citizen can wake the robot right after the tail.
 */
import { CodedError, type Language, type ServiceAudioSample } from '../../../contract';
import { AudioMeter } from '../../../core/audio-meter';
import {
  initialVoiceSession,
  stepVoiceSession,
  type VoiceCue,
  type VoiceEffect,
  type VoiceEvent,
  type VoiceSessionState,
} from '../../../core/voice-session';
import type { AudioListener } from './audio-in-port';
import { utteranceText, type PromptBook } from './prompts';
import type { SpeechOutPort } from './speech-port';
import type { WakeWordDetection, WakeWordPort } from './wake-word-port';

export interface VoiceRuntimeOptions {
  wakeWord: WakeWordPort | null;
  speech: SpeechOutPort;
  prompts: PromptBook;
  language: Language;
  silenceTimeoutMs: number;
  echoTailMs: number;
  /** Milliseconds; Date.now in production, a fake clock in tests. */
  now: () => number;
  /** Light and head: "listening" when woken, "idle" when the session ends. */
  onCue?: (cue: VoiceCue) => void;
  /** The screen should show the options being read aloud. */
  onShowOptions?: () => void;
  onState?: (state: VoiceSessionState) => void;
  /** Each text as it starts being spoken (captions on the screen; tests). */
  onSay?: (text: string, language: Language) => void;
  /** Detections, also the ones dropped by the echo gate (for logs and tests). */
  onDetection?: (d: WakeWordDetection, accepted: boolean) => void;
  onError?: (error: CodedError) => void;
  /**
   * The service audio panel's meter: microphone level and wake-word score of each 100 ms of audio
   * the engine has heard, about ten times a second (throttled on `now`). Never called without audio.
   */
  onAudioSample?: (sample: ServiceAudioSample) => void;
}

/** 100 ms of 16 kHz audio per meter reading, ten readings a second. */
const METER_WINDOW_SAMPLES = 1600;
const METER_READINGS_PER_SECOND = 10;

/** Audio chunks allowed to wait for the engine (~5 s of 80 ms chunks); beyond, audio is dropped. */
export const MAX_QUEUED_CHUNKS = 64;

export class VoiceRuntime implements AudioListener {
  private session: VoiceSessionState;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private droppedSinceReset = false;
  /** Chunks dropped because the engine fell behind (a busy CPU); for status and tests. */
  dropped = 0;
  private quietSince = Number.NEGATIVE_INFINITY;
  private speechTasks = new Set<Promise<void>>();
  private readonly meter: AudioMeter | null;

  constructor(private readonly o: VoiceRuntimeOptions) {
    this.session = initialVoiceSession(o.language);
    this.meter = o.onAudioSample ? new AudioMeter({ windowSamples: METER_WINDOW_SAMPLES, maxPerSecond: METER_READINGS_PER_SECOND }) : null;
  }

  state(): VoiceSessionState {
    return this.session;
  }

  /** False while the robot speaks and during the echo tail after. */
  microphoneOpen(): boolean {
    return this.session.speaking === null && !this.o.speech.isSpeaking() && this.o.now() >= this.quietSince + this.o.echoTailMs;
  }

  // AudioListener: chunks are processed one after another, never concurrently
  audio(samples: Int16Array): void {
    const engine = this.o.wakeWord;
    if (!engine) return;
    if (this.queued >= MAX_QUEUED_CHUNKS) {
      // the engine is behind: drop rather than let memory and latency grow without bound
      this.dropped++;
      this.droppedSinceReset = true;
      return;
    }
    this.queued++;
    const copy = samples.slice();
    this.queue = this.queue.then(async () => {
      this.queued--;
      if (this.droppedSinceReset) {
        // the audio has a hole: start the engine's buffers afresh instead of stitching across it
        engine.reset();
        this.droppedSinceReset = false;
      }
      try {
        for (const d of await engine.process(copy)) {
          const open = this.microphoneOpen();
          this.o.onDetection?.(d, open);
          if (open) this.dispatch({ type: 'wake', at: this.o.now(), keyword: d.keyword });
        }
      } catch (e) {
        this.o.onError?.(e instanceof CodedError ? e : new CodedError('WAKEWORD_ENGINE_FAILED', (e as Error).message));
      }
      this.meterAudio(engine, copy);
    });
  }

  /** Level and score of audio the engine has just heard, so the two line up on the panel. */
  private meterAudio(engine: WakeWordPort, samples: Int16Array): void {
    if (!this.meter) return;
    this.meter.push(samples, engine.peakScore?.() ?? 0);
    const reading = this.meter.take(this.o.now());
    if (!reading) return;
    // an engine without a threshold (none ships one today) draws its line at the top
    this.o.onAudioSample?.({ ...reading, threshold: Math.min(1, Math.max(0, engine.threshold ?? 1)) });
  }

  end(error?: CodedError): void {
    if (error) this.o.onError?.(error);
  }

  touch(): void {
    this.dispatch({ type: 'touch', at: this.o.now() });
  }

  readAloud(text: string): void {
    this.dispatch({ type: 'readAloud', at: this.o.now(), text });
  }

  setLanguage(language: Language): void {
    this.dispatch({ type: 'languageChanged', at: this.o.now(), language });
  }

  /** Called on a timer (a few times a second) so that silence can end the session. */
  tick(): void {
    this.dispatch({ type: 'tick', at: this.o.now() });
  }

  /** Resolves when all audio fed so far has been through the wake-word engine. */
  async audioDrained(): Promise<void> {
    for (let queue = this.queue; ; queue = this.queue) {
      await queue;
      if (queue === this.queue) return;
    }
  }

  /** Resolves when all audio fed so far is processed and all speech started so far is over. */
  async settled(): Promise<void> {
    for (;;) {
      const queue = this.queue;
      await queue;
      await Promise.all([...this.speechTasks]);
      if (queue === this.queue && this.speechTasks.size === 0) return;
    }
  }

  private dispatch(event: VoiceEvent): void {
    const step = stepVoiceSession(this.session, event, { silenceTimeoutMs: this.o.silenceTimeoutMs });
    const changed = step.state !== this.session;
    this.session = step.state;
    for (const effect of step.effects) this.apply(effect);
    if (changed) this.o.onState?.(this.session);
  }

  private apply(effect: VoiceEffect): void {
    switch (effect.type) {
      case 'cue':
        this.o.onCue?.(effect.cue);
        return;
      case 'showOptions':
        this.o.onShowOptions?.();
        return;
      case 'stopSpeaking':
        this.o.speech.stop();
        this.quietSince = this.o.now();
        return;
      case 'say': {
        const text = utteranceText(this.o.prompts, effect.language, effect.parts);
        this.o.onSay?.(text, effect.language);
        const task = this.o.speech
          .say(text, effect.language)
          .catch((e: unknown) => {
            // a broken loudspeaker must not freeze the session: report it and carry on as if spoken
            this.o.onError?.(e instanceof CodedError ? e : new CodedError('VOICE_PLAYBACK_FAILED', (e as Error).message));
          })
          .then(() => {
            this.quietSince = this.o.now();
            this.dispatch({ type: 'speechEnded', at: this.o.now(), utteranceId: effect.utteranceId });
          })
          .finally(() => this.speechTasks.delete(task));
        this.speechTasks.add(task);
        return;
      }
    }
  }
}
