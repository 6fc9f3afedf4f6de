/**
 * Retention of home visits' personal data: erased `retentionDays` after the visit day (the
 * scheduled day, else the last preferred day). A purger for the center's retention job; the
 * clock is passed in, so a test runs a year in a moment.
 */
import { businessDay } from '../../core/business-day';
import type { CenterStorage } from '../storage/port';

const DAY_MS = 24 * 3600_000;

/** The last visit day whose data goes today: today − retentionDays, on the center's calendar. */
export function lastPurgedDay(nowMs: number, retentionDays: number): string {
  const today = Date.parse(`${businessDay(new Date(nowMs))}T00:00:00Z`);
  return new Date(today - retentionDays * DAY_MS).toISOString().slice(0, 10);
}

export interface Purger {
  name: string;
  /** Returns how many records lost their personal data. */
  purge(): Promise<number>;
}

export function homeVisitPurger(storage: Pick<CenterStorage, 'purgeHomeVisits'>, opts: { now: () => number; retentionDays: number }): Purger {
  return {
    name: 'home-visits',
    purge: async () => {
      const now = opts.now();
      return storage.purgeHomeVisits(lastPurgedDay(now, opts.retentionDays), now);
    },
  };
}
