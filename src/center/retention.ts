/**
 * The retention job (issue 18): personal data (phones, names, addresses) is deleted
 * `retentionDays` after the day of the appointment or visit it was given for. It runs at start and
 * then every `everyMs`, reading the day from the center's injected clock, so a test that moves the
 * clock sees exactly what a center sees months later.
 *
 * Each kind of personal data is one purger; another table joins with one more line in
 * `centerPurgers` (e.g. home visits: `{ what: 'home visit personal data', purge: (d) => storage.purgeHomeVisitPersonalData(d) }`).
 */
import { businessDay } from '../core/business-day';
import { addDays } from '../core/queue/center-time';
import type { CenterLog } from './context';
import type { CenterStorage } from './storage/port';

export interface Purger {
  /** Names the data in the log (never the data itself). */
  what: string;
  /** Deletes what belongs to days on or before `cutoffDay`; returns how many records went. */
  purge(cutoffDay: string): Promise<number>;
}

export function centerPurgers(storage: CenterStorage): Purger[] {
  return [
    { what: 'booking personal data', purge: (d) => storage.purgeBookingPersonalData(d) },
    { what: 'home visit personal data', purge: (d) => storage.purgeHomeVisitPersonalData(d) },
  ];
}

export interface RetentionJob {
  /** One pass over every purger; resolves with the records deleted per purger. */
  runOnce(): Promise<Record<string, number>>;
  /** Stops the timer and waits for a pass under way (before the storage closes). */
  stop(): Promise<void>;
}

export interface RetentionOptions {
  purgers: readonly Purger[];
  retentionDays: number;
  now: () => number;
  log: CenterLog;
  everyMs: number;
}

/** The last day whose personal data is due: `retentionDays` before today. */
export function cutoffDay(nowMs: number, retentionDays: number): string {
  return addDays(businessDay(new Date(nowMs)), -retentionDays);
}

export function startRetentionJob(opts: RetentionOptions): RetentionJob {
  let last: Promise<unknown> = Promise.resolve();
  const pass = async (): Promise<Record<string, number>> => {
    const cutoff = cutoffDay(opts.now(), opts.retentionDays);
    const deleted: Record<string, number> = {};
    for (const p of opts.purgers) {
      try {
        deleted[p.what] = await p.purge(cutoff);
      } catch (e) {
        // one failing table must not keep the others' data past its time; the next pass retries
        opts.log.error({ what: p.what, err: (e as Error).message }, 'retention: deleting personal data failed');
      }
    }
    opts.log.info({ cutoffDay: cutoff, deleted }, 'retention: expired personal data deleted');
    return deleted;
  };
  // passes queue up, never overlap: each reads the clock when it starts
  const runOnce = () => {
    const next = last.then(pass, pass);
    last = next.catch(() => undefined);
    return next;
  };
  const timer = setInterval(() => void runOnce(), opts.everyMs);
  timer.unref();
  void runOnce();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await last;
    },
  };
}
