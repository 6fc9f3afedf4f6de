/**
 * Entering service mode: a PIN, after the hidden gesture or a technician badge scan. Wrong PINs
 * are audit rows, and the lock-out is computed from them (src/core/service-lockout.ts), so neither
 * a restart nor a second screen resets it. Logins run one at a time: two parallel guesses cannot
 * both slip in under the limit.
 */
import type { EventData } from '../../contract';
import type { ServiceLoginResult } from '../../contract/service';
import { lockoutState, type LockoutPolicy } from '../../core/service-lockout';
import { verifyPin } from './pin';
import { AUDIT_ACTIONS, type ServiceAudit } from '../store/service-audit';
import type { ServiceSessionInfo, ServiceSessions } from './sessions';

/** Only in the simulator profile, and only while no PIN hash is configured (README: service mode). */
export const SIMULATOR_DEFAULT_PIN = '000000';

export interface LoginDeps {
  audit: ServiceAudit;
  sessions: ServiceSessions;
  policy: () => LockoutPolicy;
  pinHash: () => string | undefined;
  simulator: boolean;
  badgeWindowMs: () => number;
  nowMs: () => number;
  inactivitySeconds: () => number;
  onEnter: (session: ServiceSessionInfo) => void;
}

interface PendingBadge {
  badgeId: string;
  role: string;
  atMs: number;
}

export class ServiceLogin {
  private chain: Promise<unknown> = Promise.resolve();
  private badge: PendingBadge | undefined;

  constructor(private readonly deps: LoginDeps) {}

  /** A scan from any scanner: a valid technician badge waits for its PIN for a while. */
  noteScan(e: EventData<'code.scanned'>): void {
    if (e.code?.format !== 'badge') return;
    this.badge = { badgeId: e.code.badgeId, role: e.code.role, atMs: this.deps.nowMs() };
  }

  login(pin: string, via: 'gesture' | 'badge'): Promise<ServiceLoginResult> {
    const next = this.chain.then(() => this.attempt(pin, via));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async attempt(pin: string, via: 'gesture' | 'badge'): Promise<ServiceLoginResult> {
    const { audit, policy, nowMs } = this.deps;
    const state = lockoutState(audit.loginHistory(), policy(), nowMs());
    const locked = (until: number | null): ServiceLoginResult => ({
      ok: false, code: 'SERVICE_LOCKED_OUT', attemptsLeft: 0, ...(until !== null ? { lockedUntil: new Date(until).toISOString() } : {}),
    });
    if (state.locked) {
      audit.record('unknown', 'service.login.refused', { reason: 'locked-out', via });
      return locked(state.lockedUntilMs);
    }
    let actor = 'pin';
    if (via === 'badge') {
      const b = this.badge;
      if (!b || nowMs() - b.atMs > this.deps.badgeWindowMs()) return { ok: false, code: 'SERVICE_BADGE_REQUIRED', attemptsLeft: state.attemptsLeft };
      actor = `badge:${b.badgeId}`;
    }
    const hash = this.deps.pinHash();
    if (!hash && !this.deps.simulator) return { ok: false, code: 'SERVICE_PIN_NOT_SET', attemptsLeft: state.attemptsLeft };
    const good = hash ? await verifyPin(pin, hash) : pin === SIMULATOR_DEFAULT_PIN;
    if (!good) {
      audit.record(actor, AUDIT_ACTIONS.LOGIN_FAILED, { via });
      const after = lockoutState(audit.loginHistory(), policy(), nowMs());
      if (after.locked) return locked(after.lockedUntilMs);
      return { ok: false, code: 'SERVICE_PIN_WRONG', attemptsLeft: after.attemptsLeft };
    }
    this.badge = undefined;
    const session = this.deps.sessions.open(actor);
    audit.record(actor, AUDIT_ACTIONS.LOGIN_OK, { via });
    this.deps.onEnter(session);
    return { ok: true, session: session.token, actor, inactivitySeconds: this.deps.inactivitySeconds() };
  }
}
