/**
 * A token bucket per client address, cheap and in memory. It guards what can be guessed or
 * flooded (enrolment codes, ticket-status pages); the map is bounded so a spray of addresses
 * cannot grow it without end.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** True when the request may go ahead; it uses one token. */
  take(key: string, nowMs: number): boolean {
    const b = this.refill(key, nowMs);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** True when a token is left, without using it (count only failures, e.g. wrong codes). */
  allows(key: string, nowMs: number): boolean {
    return this.refill(key, nowMs).tokens >= 1;
  }

  private refill(key: string, nowMs: number): { tokens: number; atMs: number } {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      b = { tokens: this.burst, atMs: nowMs };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((nowMs - b.atMs) / 60_000) * this.perMinute);
    b.atMs = nowMs;
    return b;
  }
}
