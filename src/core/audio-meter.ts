/**
 * The microphone meter of the service audio panel: the level of each ~100 ms of audio and the
 * wake-word score heard in it, handed out about ten times a second. Pure: samples and time come in.
 *
 * Level: RMS of the window in dBFS, mapped linearly from −60..0 dB to 0..1 (a meter in dB reads
 * like a technician expects: quiet room ≈ 0.1–0.3, speech at arm's length ≈ 0.6–0.8, clipping 1).
 * Readings are limited to `maxPerSecond` on average (a token bucket holding two, so the uneven
 * arrival of real-time audio — windows 80 or 160 ms apart when chunks are 80 ms — passes untouched).
 * Windows that arrive faster (a file source, or the engine catching up after a busy CPU) are
 * merged, keeping the loudest level and the highest score, so a wake-word peak is never lost.
 */
export interface AudioMeterOptions {
  /** Samples per level window: 1600 = 100 ms at 16 kHz. */
  windowSamples: number;
  /** Readings per second of the clock passed to `take`, on average. */
  maxPerSecond: number;
  /** dBFS shown as 0; 0 dBFS is shown as 1. */
  floorDb?: number;
}

export interface MeterReading {
  /** 0..1, see above. */
  micLevel: number;
  /** 0..1, the highest wake-word score offered since the last reading. */
  wakeScore: number;
}

const DEFAULT_FLOOR_DB = -60;
/** Readings that may follow each other without waiting. */
const BURST = 2;

/** RMS (0..1 of full scale) → 0..1 on a dB scale from `floorDb` to 0 dBFS. */
export function levelFromRms(rms: number, floorDb = DEFAULT_FLOOR_DB): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - floorDb) / -floorDb));
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export class AudioMeter {
  private sumSquares = 0;
  private filled = 0;
  private windowScore = 0;
  /** Completed windows not yet handed out, merged. */
  private pending: MeterReading | null = null;
  private tokens = BURST;
  private refilledAt: number | null = null;

  constructor(private readonly o: AudioMeterOptions) {
    if (!(o.windowSamples > 0)) throw new RangeError('windowSamples must be > 0');
    if (!(o.maxPerSecond > 0)) throw new RangeError('maxPerSecond must be > 0');
  }

  /**
   * Audio as it was heard, with the highest wake-word score of that audio (0 when none). A score
   * counts for the window that is open when the chunk ends.
   */
  push(samples: Int16Array, score: number): void {
    let scored = false;
    for (let i = 0; i < samples.length; ) {
      const n = Math.min(samples.length - i, this.o.windowSamples - this.filled);
      for (let k = i; k < i + n; k++) {
        const x = samples[k]! / 32768;
        this.sumSquares += x * x;
      }
      this.filled += n;
      i += n;
      if (this.filled === this.o.windowSamples) {
        if (i === samples.length) scored = this.offerScore(score);
        this.closeWindow();
      }
    }
    if (!scored) this.offerScore(score);
  }

  /** A reading when a window has completed and the rate allows one now; else null (kept for later). */
  take(nowMs: number): MeterReading | null {
    const elapsed = this.refilledAt === null ? 0 : Math.max(0, nowMs - this.refilledAt);
    this.tokens = Math.min(BURST, this.tokens + (elapsed * this.o.maxPerSecond) / 1000);
    this.refilledAt = nowMs;
    if (!this.pending || this.tokens < 1) return null;
    this.tokens -= 1;
    const reading = this.pending;
    this.pending = null;
    return reading;
  }

  private offerScore(score: number): true {
    this.windowScore = Math.max(this.windowScore, clamp01(score));
    return true;
  }

  private closeWindow(): void {
    const level = levelFromRms(Math.sqrt(this.sumSquares / this.o.windowSamples), this.o.floorDb);
    this.pending = this.pending
      ? { micLevel: Math.max(this.pending.micLevel, level), wakeScore: Math.max(this.pending.wakeScore, this.windowScore) }
      : { micLevel: level, wakeScore: this.windowScore };
    this.sumSquares = 0;
    this.filled = 0;
    this.windowScore = 0;
  }
}
