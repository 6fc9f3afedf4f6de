/** The controller's restart policy (src/electron/controller-process.ts) on the one backoff of core. */
import { createBackoff } from '../../../src/core/backoff';
import { CONTROLLER_BACKOFF } from '../../../src/electron/controller-process';

const restarts = () => createBackoff(CONTROLLER_BACKOFF, () => 0.5);

describe('controller restarts', () => {
  it('start at 0.5 s and double up to 30 s while the controller keeps dying at once', () => {
    const backoff = restarts();
    expect(Array.from({ length: 9 }, () => backoff.next(100))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('start again from 0.5 s after a run that stayed up 60 s', () => {
    const backoff = restarts();
    for (let i = 0; i < 5; i++) backoff.next(0);
    expect(backoff.next(60_000)).toBe(500);
    expect(backoff.next(10)).toBe(1000);
  });

  it('keep growing after a run just short of 60 s', () => {
    const backoff = restarts();
    backoff.next(0);
    backoff.next(0);
    expect(backoff.next(59_999)).toBe(2000);
  });

  it('stay at the ceiling however long the crash loop lasts', () => {
    const backoff = restarts();
    let last = 0;
    for (let i = 0; i < 5000; i++) last = backoff.next(0);
    expect(last).toBe(30_000);
  });
});
