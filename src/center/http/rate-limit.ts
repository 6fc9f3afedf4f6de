/**
 * Rate limits: a token bucket per client address for what can be guessed or flooded (enrolment
 * codes, staff sign-in, ticket-status pages, ratings, speech). The buckets live in the storage
 * (`rateToken`), so behind a balancer every instance counts the same attempts: a guesser spread
 * over two instances gets no more tries than on one. SQLite (one process) keeps them in memory.
 */
import type { RateTokenInput } from '../storage/port';

/** The storage's `rateToken`, or in-memory buckets. */
export interface RateBuckets {
  rateToken(input: RateTokenInput): boolean | Promise<boolean>;
}

/** One limit (e.g. wrong enrolment codes: 10 a minute, 10 at once) over the shared buckets. */
export class RateLimiter {
  constructor(
    private readonly storage: RateBuckets,
    private readonly name: string,
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  /** True when the request may go ahead; it uses one token. */
  async take(key: string, nowMs: number): Promise<boolean> {
    return this.storage.rateToken({ key: `${this.name}:${key}`, perMinute: this.perMinute, burst: this.burst, nowMs, take: true });
  }

  /** True when a token is left, without using it (count only failures, e.g. wrong codes). */
  async allows(key: string, nowMs: number): Promise<boolean> {
    return this.storage.rateToken({ key: `${this.name}:${key}`, perMinute: this.perMinute, burst: this.burst, nowMs, take: false });
  }
}

/**
 * The buckets in one process's memory (the SQLite adapter: one process is the whole center).
 * Bounded: a spray of addresses evicts the oldest key instead of growing the map.
 */
export class MemoryBuckets implements RateBuckets {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(private readonly maxKeys = 10_000) {}

  rateToken(input: RateTokenInput): boolean {
    let b = this.buckets.get(input.key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      b = { tokens: input.burst, atMs: input.nowMs };
      this.buckets.set(input.key, b);
    }
    b.tokens = Math.min(input.burst, b.tokens + (Math.max(0, input.nowMs - b.atMs) / 60_000) * input.perMinute);
    b.atMs = Math.max(b.atMs, input.nowMs);
    if (b.tokens < 1) return false;
    if (input.take) b.tokens -= 1;
    return true;
  }
}
