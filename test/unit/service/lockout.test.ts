import fc from 'fast-check';
import { lockoutDelaySeconds, lockoutState, type LockoutPolicy } from '../../../src/core/service-lockout';

const POLICY: LockoutPolicy = { maxAttempts: 5, baseSeconds: 30, maxSeconds: 3600 };
const T0 = Date.UTC(2026, 10, 30, 2, 0);

describe('service PIN lock-out', () => {
  it('allows four wrong PINs, locks on the fifth for the base delay, then opens again', () => {
    expect(lockoutState({ consecutiveFailures: 4, lastFailureMs: T0 }, POLICY, T0)).toEqual({ locked: false, lockedUntilMs: null, attemptsLeft: 1 });
    const fifth = lockoutState({ consecutiveFailures: 5, lastFailureMs: T0 }, POLICY, T0 + 1000);
    expect(fifth).toEqual({ locked: true, lockedUntilMs: T0 + 30_000, attemptsLeft: 0 });
    expect(lockoutState({ consecutiveFailures: 5, lastFailureMs: T0 }, POLICY, T0 + 30_000).locked).toBe(false);
  });

  it('doubles the delay for every further wrong PIN, up to the maximum', () => {
    expect([5, 6, 7, 8, 12, 40].map((n) => lockoutDelaySeconds(n, POLICY))).toEqual([30, 60, 120, 240, 3600, 3600]);
  });

  it('never unlocks earlier after one more failure (the delay only grows)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 10_000_000 }), (n, elapsed) => {
        const a = lockoutState({ consecutiveFailures: n, lastFailureMs: T0 }, POLICY, T0 + elapsed);
        const b = lockoutState({ consecutiveFailures: n + 1, lastFailureMs: T0 }, POLICY, T0 + elapsed);
        return !a.locked || b.locked;
      }),
    );
  });

  it('a clean history has every attempt left', () => {
    expect(lockoutState({ consecutiveFailures: 0, lastFailureMs: null }, POLICY, T0)).toEqual({ locked: false, lockedUntilMs: null, attemptsLeft: 5 });
  });
});
