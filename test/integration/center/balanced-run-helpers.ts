/** Helpers of balanced-run.test.ts: the overlap check over leased blocks and a counter that calls on one instance. */
import { createBackoff } from '../../../src/core/backoff';

export interface LeaseRow {
  prefix: string;
  day: string;
  first: number;
  last: number;
}

/** Pairs of blocks of one (prefix, day) that share a number; empty when none do. */
export function assertNoOverlap(leases: readonly LeaseRow[]): string[] {
  const sorted = [...leases].sort((x, y) => x.prefix.localeCompare(y.prefix) || x.day.localeCompare(y.day) || x.first - y.first);
  const overlaps: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [p, c] = [sorted[i - 1]!, sorted[i]!];
    if (p.prefix === c.prefix && p.day === c.day && c.first <= p.last) overlaps.push(`${c.prefix} ${c.day}: ${p.first}-${p.last} and ${c.first}-${c.last}`);
  }
  return overlaps;
}

export interface Caller {
  /** Ticket ids called, in the order the instance answered. */
  calls: string[];
  /** Calls sent whose answer never came (the instance died): each may or may not have happened. */
  unanswered: number;
  /** Calls answered so far, and queue-empty answers (a counter with nobody waiting). */
  empty: number;
  run(going: () => boolean): Promise<void>;
  /** Resolves once `n` calls have been answered in all. */
  waitForCalls(n: number): Promise<void>;
}

/**
 * Staff at the counters of one instance (`base()` is read per request: the instance may be
 * restarted on its port): call-next on each counter in turn, one request at a time.
 */
export function callerOn(base: () => string, staffKey: string, counters: readonly string[]): Caller {
  const waiters: { n: number; resolve: () => void }[] = [];
  const caller: Caller = {
    calls: [],
    unanswered: 0,
    empty: 0,
    waitForCalls: (n) => new Promise((resolve) => {
      if (caller.calls.length >= n) resolve();
      else waiters.push({ n, resolve });
    }),
    run: async (going) => {
      const backoff = createBackoff({ initialMs: 50, maxMs: 1000, jitter: 'full' }, Math.random);
      for (let i = 0; going(); i++) {
        const counter = counters[i % counters.length]!;
        let res: Response;
        try {
          res = await fetch(`${base()}/v1/counters/${counter}/call-next`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Staff ${staffKey}` }, body: '{}' });
        } catch {
          // the instance is down: wait for it to come back, as a counter page reconnects
          caller.unanswered++;
          await new Promise((r) => setTimeout(r, backoff.next()));
          continue;
        }
        backoff.reset();
        const body = (await res.json()) as { current?: { ticketId: string } | null; error?: { code: string } };
        if (res.ok && body.current) {
          caller.calls.push(body.current.ticketId);
          for (const w of waiters.splice(0)) (caller.calls.length >= w.n ? w.resolve : () => waiters.push(w))();
        } else if (!res.ok && body.error?.code === 'CENTER_QUEUE_EMPTY') caller.empty++;
        else if (!res.ok && body.error?.code !== 'CENTER_QUEUE_EMPTY') throw new Error(`call-next on ${counter}: ${res.status} ${JSON.stringify(body)}`);
      }
    },
  };
  return caller;
}
