import { MemoryBuckets, RateLimiter } from '../../../src/center/http/rate-limit';

describe('center rate limiter (in-memory buckets of the SQLite center)', () => {
  it('allows a burst, refills over time, and keeps addresses apart', async () => {
    const r = new RateLimiter(new MemoryBuckets(), 'enrol', 6, 3);
    const taken: boolean[] = [];
    for (let i = 0; i < 4; i++) taken.push(await r.take('a', 0));
    expect(taken).toEqual([true, true, true, false]);
    expect(await r.take('b', 0)).toBe(true);
    expect(await r.allows('a', 9_999)).toBe(false);
    expect(await r.allows('a', 10_000)).toBe(true);
    expect(await r.allows('a', 10_000)).toBe(true); // looking does not use a token
    expect(await r.take('a', 10_000)).toBe(true);
    expect(await r.take('a', 10_000)).toBe(false);
  });

  it('keeps two limits on one address apart', async () => {
    const buckets = new MemoryBuckets();
    const enrol = new RateLimiter(buckets, 'enrol', 1, 1);
    const status = new RateLimiter(buckets, 'ticket-status', 1, 1);
    expect(await enrol.take('a', 0)).toBe(true);
    expect(await enrol.take('a', 0)).toBe(false);
    expect(await status.take('a', 0)).toBe(true);
  });

  it('stays bounded under a spray of addresses', () => {
    const b = new MemoryBuckets(100);
    for (let i = 0; i < 10_000; i++) b.rateToken({ key: `10.0.${i >> 8}.${i & 255}`, perMinute: 1, burst: 1, nowMs: 0, take: true });
    expect((b as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });
});
