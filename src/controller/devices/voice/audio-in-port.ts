import type { CodedError, PartStatus } from '../../../contract';

/** Receives the microphone's audio: 16 kHz mono s16 samples, in chunks of any length. */
export interface AudioListener {
  audio(samples: Int16Array): void;
  /** The source ended (end of file) or failed (a CodedError VOICE_CAPTURE_*). */
  end(error?: CodedError): void;
}

/**
 * The audio-in port. `start` resolves once audio flows (or rejects with a typed error when the
 * device or tool is missing); `stop` ends it and resolves when the device is released.
 */
export interface AudioInPort {
  readonly sampleRate: 16000;
  start(listener: AudioListener): Promise<void>;
  stop(): Promise<void>;
  status(): PartStatus;
}
