import type { Language, PartStatus } from '../../../contract';

export type SpeechOutcome = 'done' | 'stopped';

/**
 * The speech-out port. `say` resolves when the utterance has been played to the end ('done') or
 * was cut short by `stop` or by a newer `say` ('stopped'); it rejects with VOICE_* errors.
 * One utterance at a time: the robot never talks over itself.
 */
export interface SpeechOutPort {
  say(text: string, language: Language): Promise<SpeechOutcome>;
  stop(): void;
  isSpeaking(): boolean;
  status(): PartStatus;
}

/** Where synthesized audio goes: the loudspeaker (ALSA) or a WAV file. */
export interface AudioSink {
  readonly name: string;
  /** Plays a WAV file image; resolves when played or when `signal` aborts. */
  play(wav: Buffer, signal: AbortSignal): Promise<void>;
}
