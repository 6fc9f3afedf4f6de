import { createBackoff } from '../../../src/core/backoff';

describe('the one backoff', () => {
  it('with full jitter: doubles its ceiling per failure up to the maximum, draws below it, and resets', () => {
    const top = createBackoff({ initialMs: 1000, maxMs: 8000, jitter: 'full' }, () => 0.999999);
    expect([1, 2, 3, 4, 5].map(() => top.next())).toEqual([999, 1999, 3999, 7999, 7999]);
    top.reset();
    expect(top.next()).toBe(999);
    expect(createBackoff({ initialMs: 1000, maxMs: 8000, jitter: 'full' }, () => 0).next()).toBe(0);
  });

  it('without jitter: the ceiling itself, and a healthy run starts the series again', () => {
    const restart = createBackoff({ initialMs: 500, maxMs: 30_000, jitter: 'none', resetAfterMs: 60_000 }, () => 0.5);
    expect([100, 100, 100].map((up) => restart.next(up))).toEqual([500, 1000, 2000]);
    expect(restart.failures).toBe(3);
    expect(restart.next(60_000)).toBe(500);
    expect(restart.next(10)).toBe(1000);
  });

  it('never overflows after days of failures', () => {
    const b = createBackoff({ initialMs: 1000, maxMs: 60_000, jitter: 'none' }, () => 0);
    for (let i = 0; i < 10_000; i++) b.next();
    expect(b.next()).toBe(60_000);
  });
});
