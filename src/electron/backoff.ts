export interface BackoffPolicy {
  /** Delay before the first restart. */
  initialMs: number;
  /** The delay doubles up to this ceiling. */
  maxMs: number;
  /** A run that lasted this long counts as healthy: the next restart starts from initialMs again. */
  resetAfterMs: number;
}

export const CONTROLLER_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** Exponential restart delays, so a controller that dies at once does not spin the CPU. */
export class RestartBackoff {
  private failures = 0;

  constructor(private readonly policy: BackoffPolicy = CONTROLLER_BACKOFF) {}

  /** The delay before the next start, given how long the run that just ended lasted. */
  nextDelay(uptimeMs: number): number {
    if (uptimeMs >= this.policy.resetAfterMs) this.failures = 0;
    const delay = Math.min(this.policy.maxMs, this.policy.initialMs * 2 ** this.failures);
    // capped so 2 ** failures never overflows on a robot that crash-loops for days
    this.failures = Math.min(this.failures + 1, 32);
    return delay;
  }
}
