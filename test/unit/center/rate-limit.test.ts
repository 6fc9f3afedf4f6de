import { RateLimiter } from '../../../src/center/http/rate-limit';

describe('center rate limiter', () => {
  it('allows a burst, refills over time, and keeps addresses apart', () => {
    const r = new RateLimiter(6, 3);
    expect([1, 2, 3, 4].map(() => r.take('a', 0))).toEqual([true, true, true, false]);
    expect(r.take('b', 0)).toBe(true);
    expect(r.allows('a', 9_999)).toBe(false);
    expect(r.allows('a', 10_000)).toBe(true);
    expect(r.allows('a', 10_000)).toBe(true); // looking does not use a token
    expect(r.take('a', 10_000)).toBe(true);
    expect(r.take('a', 10_000)).toBe(false);
  });

  it('stays bounded under a spray of addresses', () => {
    const r = new RateLimiter(1, 1, 100);
    for (let i = 0; i < 10_000; i++) r.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect((r as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });
});
