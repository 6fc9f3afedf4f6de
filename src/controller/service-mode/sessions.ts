/**
 * The one technician session a robot has at a time. The token is checked on every service command
 * (server side); any command counts as activity; after `inactivityMs` without one the session ends
 * by itself and `onEnd` tells the UI.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CodedError } from '../../contract/error-codes';

export interface ServiceSessionInfo {
  token: string;
  actor: string;
  startedAtMs: number;
}

export type EndReason = 'inactivity' | 'logout' | 'replaced';

export interface SessionTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: SessionTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class ServiceSessions {
  private current: ServiceSessionInfo | undefined;
  private timer: unknown;

  constructor(
    private readonly opts: {
      inactivityMs: () => number;
      onEnd: (session: ServiceSessionInfo, reason: EndReason) => void;
      nowMs: () => number;
      timers?: SessionTimers;
    },
  ) {}

  private get timers(): SessionTimers {
    return this.opts.timers ?? realTimers;
  }

  open(actor: string): ServiceSessionInfo {
    if (this.current) this.end('replaced');
    this.current = { token: randomBytes(32).toString('hex'), actor, startedAtMs: this.opts.nowMs() };
    this.touch();
    return this.current;
  }

  /** The session behind `token`, refreshed; SERVICE_SESSION_INVALID otherwise. */
  check(token: string): ServiceSessionInfo {
    const s = this.current;
    if (!s || token.length !== s.token.length || !timingSafeEqual(Buffer.from(token), Buffer.from(s.token))) {
      throw new CodedError('SERVICE_SESSION_INVALID', 'no such service session');
    }
    this.touch();
    return s;
  }

  active(): ServiceSessionInfo | undefined {
    return this.current;
  }

  end(reason: EndReason): void {
    const s = this.current;
    if (!s) return;
    this.timers.clear(this.timer);
    this.current = undefined;
    this.opts.onEnd(s, reason);
  }

  private touch(): void {
    this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.end('inactivity'), this.opts.inactivityMs());
  }

  dispose(): void {
    this.timers.clear(this.timer);
    this.current = undefined;
  }
}
