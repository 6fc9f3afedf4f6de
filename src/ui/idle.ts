/**
 * Inactivity on a shared kiosk: after `idleMs` without a touch the visitor is asked "need more
 * time?"; only if nobody answers within `promptMs` (never less than 20 s) is the session cleared.
 * Timers are injected so the rule is tested without waiting.
 */
export type IdlePhase = 'active' | 'prompt' | 'expired';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export const MIN_PROMPT_MS = 20_000;

export class IdleWatch {
  private handle: unknown;
  private phase: IdlePhase = 'active';

  constructor(
    private readonly idleMs: number,
    private readonly promptMs: number,
    private readonly timers: Timers,
    private readonly onPhase: (phase: IdlePhase) => void,
  ) {
    if (promptMs < MIN_PROMPT_MS) this.promptMs = MIN_PROMPT_MS;
  }

  /** Starts (or restarts) watching from an active state. */
  start(): void {
    this.go('active');
    this.arm(this.idleMs, () => {
      this.go('prompt');
      this.arm(this.promptMs, () => this.go('expired'));
    });
  }

  /** A touch or key press: back to active, unless the session already expired. */
  activity(): void {
    if (this.phase !== 'expired') this.start();
  }

  stop(): void {
    this.timers.clear(this.handle);
    this.handle = undefined;
  }

  current(): IdlePhase {
    return this.phase;
  }

  private arm(ms: number, fn: () => void): void {
    this.timers.clear(this.handle);
    this.handle = this.timers.set(fn, ms);
  }

  private go(phase: IdlePhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    this.onPhase(phase);
  }
}
