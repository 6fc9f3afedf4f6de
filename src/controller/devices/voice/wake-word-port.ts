/** A wake word heard in the audio, `seconds` after the first sample fed since the last reset. */
export interface WakeWordDetection {
  seconds: number;
  keyword: string;
  /** 0..1; Porcupine gives no score and reports 1. */
  score: number;
}

/**
 * The wake-word port: both engines take 16 kHz mono s16 audio in chunks of any length and
 * return the detections that end inside it. Construction errors are typed (WAKEWORD_*).
 */
export interface WakeWordPort {
  readonly engine: 'openwakeword' | 'porcupine';
  readonly keyword: string;
  process(samples: Int16Array): Promise<WakeWordDetection[]>;
  /**
   * For the service audio panel: the score at or above which the engine fires (0..1), and the
   * highest score of the audio processed since the last call (the last score when no step ended
   * since). Optional: an engine without scores shows only its detections.
   */
  readonly threshold?: number;
  peakScore?(): number;
  /** Forget buffered audio and restart the time count. */
  reset(): void;
  close(): Promise<void>;
}
