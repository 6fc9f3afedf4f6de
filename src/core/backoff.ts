/**
 * The one exponential backoff of the robot (sync, stream, controller restarts, the board link, the
 * UI's reconnect). Pure: randomness comes in as an argument, the caller owns its timers.
 *
 * After the n-th failure in a row the ceiling is min(maxMs, initialMs * 2^n). With `jitter: 'full'`
 * the delay is a random time in [0, ceiling) so two robots that lost the center together do not
 * hammer it together when it comes back; with `jitter: 'none'` it is the ceiling itself (a local
 * process restart, where nobody else competes). `resetAfterMs` lets a caller say that a run lasting
 * that long was healthy, so the next failure starts from initialMs again.
 */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  jitter: 'full' | 'none';
  /** A healthy run this long (passed to next()) starts the series again. */
  resetAfterMs?: number;
}

export interface Backoff {
  /** The delay before the next attempt; `uptimeMs` is how long the attempt that just failed lasted. */
  next(uptimeMs?: number): number;
  reset(): void;
  readonly failures: number;
}

// capped so 2 ** failures never overflows on a robot that fails for days
const MAX_EXPONENT = 30;

export function createBackoff(policy: BackoffPolicy, random: () => number): Backoff {
  let failures = 0;
  return {
    next(uptimeMs?: number) {
      if (policy.resetAfterMs !== undefined && uptimeMs !== undefined && uptimeMs >= policy.resetAfterMs) failures = 0;
      const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(failures, MAX_EXPONENT));
      failures++;
      return policy.jitter === 'full' ? Math.floor(random() * ceiling) : ceiling;
    },
    reset() {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}
