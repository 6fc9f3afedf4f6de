/**
 * Opening hours: sessions of a day (morning and afternoon around lunch), holidays, and the
 * next time the center opens. Pure: the instant is passed in.
 */
import type { Catalog } from '../../contract';
import { addDays, centerInstant, centerWallTime, weekdayOf } from './center-time';

/** "07:30" -> 450; the catalog schema has already checked the format. */
function hhmmToMinutes(t: string): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

export interface Session {
  /** Minutes after local midnight. */
  start: number;
  end: number;
  /** True for the afternoon session that follows a lunch break. */
  afterLunch: boolean;
}

export type OpeningCalendar = Pick<Catalog, 'openingHours' | 'holidays'>;

export function isHoliday(calendar: OpeningCalendar, day: string): boolean {
  return calendar.holidays.includes(day);
}

/** Empty on holidays and closed weekdays. */
export function sessionsOn(calendar: OpeningCalendar, day: string): Session[] {
  if (isHoliday(calendar, day)) return [];
  const hours = calendar.openingHours[weekdayOf(day)];
  if (!hours) return [];
  const open = hhmmToMinutes(hours.open);
  const close = hhmmToMinutes(hours.close);
  if (!hours.lunch) return [{ start: open, end: close, afterLunch: false }];
  return [
    { start: open, end: hhmmToMinutes(hours.lunch.start), afterLunch: false },
    { start: hhmmToMinutes(hours.lunch.end), end: close, afterLunch: true },
  ];
}

export type CenterPhase =
  | { phase: 'open'; day: string; closesAt: Date; lunch?: { start: Date; end: Date } }
  | { phase: 'lunch'; day: string; reopensAt: Date; closesAt: Date }
  | { phase: 'before-opening' | 'after-closing' | 'closed-day' | 'holiday'; day: string };

/**
 * The last answer of centerPhase: it is asked for every ticket, and within one wall-clock minute of
 * one calendar it cannot change (sessions start and end on whole minutes).
 */
let lastPhase: { calendar: OpeningCalendar; hours: OpeningCalendar['openingHours']; holidays: readonly string[]; day: string; minute: number; phase: CenterPhase } | undefined;

/** Where the center stands at `at`. During lunch it is "lunch" whatever counters do. */
export function centerPhase(calendar: OpeningCalendar, at: Date): CenterPhase {
  const { day, minutes } = centerWallTime(at);
  const minute = Math.floor(minutes);
  const last = lastPhase;
  if (last && last.calendar === calendar && last.hours === calendar.openingHours && last.holidays === calendar.holidays && last.day === day && last.minute === minute) return last.phase;
  const phase = phaseAt(calendar, day, minutes);
  lastPhase = { calendar, hours: calendar.openingHours, holidays: calendar.holidays, day, minute, phase };
  return phase;
}

function phaseAt(calendar: OpeningCalendar, day: string, minutes: number): CenterPhase {
  if (isHoliday(calendar, day)) return { phase: 'holiday', day };
  const sessions = sessionsOn(calendar, day);
  if (sessions.length === 0) return { phase: 'closed-day', day };
  const first = sessions[0]!;
  const last = sessions[sessions.length - 1]!;
  const closesAt = centerInstant(day, last.end);
  if (minutes < first.start) return { phase: 'before-opening', day };
  if (minutes >= last.end) return { phase: 'after-closing', day };
  const inside = sessions.find((s) => minutes >= s.start && minutes < s.end);
  const lunch = sessions.length === 2 ? { start: centerInstant(day, first.end), end: centerInstant(day, last.start) } : undefined;
  if (!inside) return { phase: 'lunch', day, reopensAt: lunch!.end, closesAt };
  return lunch ? { phase: 'open', day, closesAt, lunch } : { phase: 'open', day, closesAt };
}

/** The start of the first session strictly after `at`, looking up to 60 days ahead. */
export function nextOpening(calendar: OpeningCalendar, at: Date): Date | null {
  const { day, minutes } = centerWallTime(at);
  for (let i = 0; i <= 60; i++) {
    const d = addDays(day, i);
    for (const s of sessionsOn(calendar, d)) {
      if (i > 0 || s.start > minutes) return centerInstant(d, s.start);
    }
  }
  return null;
}

/** The first opening on a later business day than `at`'s. */
export function nextDayOpening(calendar: OpeningCalendar, at: Date): Date | null {
  const { day } = centerWallTime(at);
  return nextOpening(calendar, centerInstant(day, 24 * 60 - 1 / 60));
}
