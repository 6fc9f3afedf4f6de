import { RendererCrashPolicy } from '../../../src/electron/crash-policy';

describe('RendererCrashPolicy', () => {
  it('allows 3 reloads in a minute, then asks for the fallback page', () => {
    const policy = new RendererCrashPolicy();
    const t0 = 5_000_000;
    expect([0, 1000, 2000, 3000].map((dt) => policy.onCrash(t0 + dt))).toEqual(['reload', 'reload', 'reload', 'fallback']);
  });

  it('counts a rolling minute: a reload becomes possible again 60 s after the oldest one', () => {
    const policy = new RendererCrashPolicy();
    const t0 = 5_000_000;
    policy.onCrash(t0);
    policy.onCrash(t0 + 20_000);
    policy.onCrash(t0 + 40_000);
    expect(policy.onCrash(t0 + 59_999)).toBe('fallback');
    expect(policy.onCrash(t0 + 60_000)).toBe('reload');
    // the reloads at +20 s, +40 s and +60 s fill the window again
    expect(policy.onCrash(t0 + 61_000)).toBe('fallback');
  });

  it('a fallback does not count as a reload', () => {
    const policy = new RendererCrashPolicy({ maxReloads: 1, windowMs: 1000 });
    expect(policy.onCrash(0)).toBe('reload');
    expect(policy.onCrash(10)).toBe('fallback');
    expect(policy.onCrash(20)).toBe('fallback');
    expect(policy.onCrash(1000)).toBe('reload');
  });
});
