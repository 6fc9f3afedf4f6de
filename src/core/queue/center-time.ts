/**
 * Wall time in the center's zone (Asia/Ho_Chi_Minh) whatever the machine's own zone is.
 * Pure: the instant is always passed in.
 */
import type { Weekday } from '../../contract';
import { centerDateOf, zoneOffsetMs } from '../business-day';

const WEEKDAY_BY_UTC_INDEX: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface CenterWallTime {
  /** YYYY-MM-DD business day. */
  day: string;
  weekday: Weekday;
  /** Minutes since local midnight, fractional (seconds included). */
  minutes: number;
}

export function centerWallTime(at: Date): CenterWallTime {
  const { wallMs, day } = centerDateOf(at);
  // whole seconds since the wall clock's midnight, in minutes
  return { day, weekday: weekdayOf(day), minutes: (wallMs - Math.floor(wallMs / 86_400_000) * 86_400_000) / 60_000 };
}

/** The weekday of the day last asked: every ticket asks it of today, and splitting the string is most of the cost. */
let lastWeekday = { day: '', weekday: 'mon' as Weekday };

export function weekdayOf(day: string): Weekday {
  if (lastWeekday.day === day) return lastWeekday.weekday;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAY_BY_UTC_INDEX[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  lastWeekday = { day, weekday };
  return weekday;
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The instant at which the center's wall clock shows `minutes` after midnight of `day`. */
export function centerInstant(day: string, minutes: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, 0, 0, 0) + minutes * 60_000;
  // offset of the zone at that instant (Viet Nam has had none but +7 since 1975; computed anyway)
  const guess = naive - zoneOffsetMs(naive);
  return new Date(naive - zoneOffsetMs(guess));
}
