/**
 * Wall time in the center's zone (Asia/Ho_Chi_Minh) whatever the machine's own zone is.
 * Pure: the instant is always passed in.
 */
import type { Weekday } from '../../contract';
import { CENTER_TIME_ZONE } from '../business-day';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CENTER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const WEEKDAY_BY_UTC_INDEX: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface CenterWallTime {
  /** YYYY-MM-DD business day. */
  day: string;
  weekday: Weekday;
  /** Minutes since local midnight, fractional (seconds included). */
  minutes: number;
}

function numericParts(at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<number, number | null>();

/** The zone's offset from UTC at an instant (ms, whole seconds), read from Intl. */
function readOffset(t: number): number {
  const p = numericParts(new Date(t));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
}

/**
 * The zone's offset at `t`. Intl's formatToParts was most of the CPU of issuing a ticket, and an
 * offset changes at most once in a quarter hour: a quarter hour with the same offset at both ends
 * has it throughout and is remembered; one with a change in it is read for each instant.
 */
function zoneOffsetMs(t: number): number {
  const bucket = Math.floor(t / QUARTER_HOUR_MS);
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    const start = readOffset(bucket * QUARTER_HOUR_MS);
    offset = start === readOffset((bucket + 1) * QUARTER_HOUR_MS - 1000) ? start : null;
    if (offsets.size >= 4096) offsets.clear();
    offsets.set(bucket, offset);
  }
  return offset ?? readOffset(t);
}

export function centerWallTime(at: Date): CenterWallTime {
  const seconds = Math.floor(at.getTime() / 1000) * 1000;
  const wall = new Date(seconds + zoneOffsetMs(seconds));
  const y = wall.getUTCFullYear(), m = wall.getUTCMonth() + 1, d = wall.getUTCDate();
  const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { day, weekday: weekdayOf(day), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() + wall.getUTCSeconds() / 60 };
}

export function weekdayOf(day: string): Weekday {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return WEEKDAY_BY_UTC_INDEX[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
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
