/**
 * Service-mode PIN lock-out, pure: from the count of consecutive wrong PINs (since the last good
 * one) and when the last one was entered, whether entry is locked and until when. The first
 * `maxAttempts` wrong PINs are free; the one that reaches the limit locks for `baseSeconds`, and
 * every further wrong PIN (allowed once the lock ends) doubles the delay up to `maxSeconds`.
 * The history lives in the audit table, so a restart does not reset it.
 */
export interface LockoutPolicy {
  maxAttempts: number;
  baseSeconds: number;
  maxSeconds: number;
}

export interface LoginHistory {
  consecutiveFailures: number;
  lastFailureMs: number | null;
}

export interface LockoutState {
  locked: boolean;
  lockedUntilMs: number | null;
  /** Wrong PINs left before the (next) lock-out. */
  attemptsLeft: number;
}

export function lockoutDelaySeconds(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.maxAttempts) return 0;
  const doublings = Math.min(30, failures - policy.maxAttempts);
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** doublings);
}

export function lockoutState(history: LoginHistory, policy: LockoutPolicy, nowMs: number): LockoutState {
  const n = Math.max(0, history.consecutiveFailures);
  if (n < policy.maxAttempts || history.lastFailureMs === null) {
    return { locked: false, lockedUntilMs: null, attemptsLeft: Math.max(0, policy.maxAttempts - n) };
  }
  const until = history.lastFailureMs + lockoutDelaySeconds(n, policy) * 1000;
  // past the limit a single attempt is allowed after each lock; a wrong one locks for longer
  return { locked: nowMs < until, lockedUntilMs: until, attemptsLeft: 0 };
}
