import { RestartBackoff } from '../../../src/electron/backoff';

describe('RestartBackoff (controller restarts)', () => {
  it('starts at 0.5 s and doubles up to 30 s while the controller keeps dying at once', () => {
    const backoff = new RestartBackoff();
    const delays = Array.from({ length: 9 }, () => backoff.nextDelay(100));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('starts again from 0.5 s after a run that stayed up 60 s', () => {
    const backoff = new RestartBackoff();
    for (let i = 0; i < 5; i++) backoff.nextDelay(0);
    expect(backoff.nextDelay(60_000)).toBe(500);
    expect(backoff.nextDelay(10)).toBe(1000);
  });

  it('keeps growing after a run just short of 60 s', () => {
    const backoff = new RestartBackoff();
    backoff.nextDelay(0);
    backoff.nextDelay(0);
    expect(backoff.nextDelay(59_999)).toBe(2000);
  });

  it('stays at the ceiling however long the crash loop lasts', () => {
    const backoff = new RestartBackoff({ initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 });
    let last = 0;
    for (let i = 0; i < 5000; i++) last = backoff.nextDelay(0);
    expect(last).toBe(30_000);
  });
});
