/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait a random time in
 * [0, min(max, base * 2^n)). Jitter keeps two robots that lost the center together from hammering
 * it together when it comes back.
 */
export interface Backoff {
  next(): number;
  reset(): void;
  readonly failures: number;
}

export function createBackoff(baseMs: number, maxMs: number, random: () => number = Math.random): Backoff {
  let failures = 0;
  return {
    next() {
      const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
      failures++;
      return Math.floor(random() * ceiling);
    },
    reset() {
      failures = 0;
    },
    get failures() {
      return failures;
    },
  };
}
