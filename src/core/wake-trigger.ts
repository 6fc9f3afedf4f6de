/**
 * Turns a stream of wake-word scores into detections. A score at or above the threshold fires
 * once; then nothing fires for the refractory period, so one spoken "hey jarvis" (whose score stays
 * high for several 80 ms frames) wakes the robot once. Time is passed in (seconds of audio).
 */
export interface WakeTriggerOptions {
  /** 0..1; openWakeWord's reference default is 0.5. */
  threshold: number;
  /** Seconds after a detection during which further high scores are ignored. */
  refractorySeconds: number;
}

export class WakeTrigger {
  private lastFiredAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: WakeTriggerOptions) {
    if (!(options.threshold > 0 && options.threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
    if (!(options.refractorySeconds >= 0)) throw new RangeError('refractorySeconds must be >= 0');
  }

  /** True when this score at this instant is a new detection. */
  offer(atSeconds: number, score: number): boolean {
    if (score < this.options.threshold) return false;
    if (atSeconds - this.lastFiredAt < this.options.refractorySeconds) return false;
    this.lastFiredAt = atSeconds;
    return true;
  }

  reset(): void {
    this.lastFiredAt = Number.NEGATIVE_INFINITY;
  }
}
