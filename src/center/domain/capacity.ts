/**
 * The capacity calendar, pure (no clock: "now" is passed in as the center's day and minutes).
 * A counter group's slots on a day are cut from its bookable hours — the catalog's opening hours,
 * or the group's own hours on the days the center opens — in steps of `slotMinutes`, never across
 * the lunch break or past closing. Holidays of the catalog and of the booking config have none.
 */
import type { OpeningHours } from '../../contract/catalog-queue';
import { sessionsOn, type OpeningCalendar } from '../../core/queue/opening-hours';
import { addDays } from '../../core/queue/center-time';
import type { GroupCapacity } from '../config/booking';

export interface GroupCalendar {
  calendar: OpeningCalendar;
  slotMinutes: number;
  placesPerSlot: number;
}

export interface CenterNow {
  /** The center's business day (YYYY-MM-DD). */
  day: string;
  /** Minutes since the center's midnight. */
  minutes: number;
}

export interface Slot {
  day: string;
  time: string;
}

/** The group's calendar: its own hours replace the catalog's on every day the center opens. */
export function groupCalendar(catalog: OpeningCalendar, capacity: GroupCapacity, extraHolidays: readonly string[]): GroupCalendar {
  const own = capacity.hours;
  const openingHours = own
    ? (Object.fromEntries(Object.entries(catalog.openingHours).map(([d, h]) => [d, h ? own : null])) as OpeningHours)
    : catalog.openingHours;
  return { calendar: { openingHours, holidays: [...catalog.holidays, ...extraHolidays] }, slotMinutes: capacity.slotMinutes, placesPerSlot: capacity.placesPerSlot };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Start times of the day's slots; a slot that would run past its session's end is not offered. */
export function slotTimesOn(g: GroupCalendar, day: string): string[] {
  const out: string[] = [];
  for (const s of sessionsOn(g.calendar, day)) {
    for (let t = s.start; t + g.slotMinutes <= s.end; t += g.slotMinutes) out.push(hhmm(t));
  }
  return out;
}

/** Today (when it still has a slot to come) and the next `daysAhead` days that have slots. */
export function bookableDays(g: GroupCalendar, now: CenterNow, daysAhead: number): string[] {
  const days: string[] = [];
  if (futureTimes(g, now.day, now).length) days.push(now.day);
  // a year is far more than 60 working days: the loop ends on a calendar with no open day at all
  for (let i = 1, found = 0; found < daysAhead && i <= 366; i++) {
    const d = addDays(now.day, i);
    if (slotTimesOn(g, d).length) {
      days.push(d);
      found++;
    }
  }
  return days;
}

function futureTimes(g: GroupCalendar, day: string, now: CenterNow): string[] {
  const times = slotTimesOn(g, day);
  if (day !== now.day) return times;
  // today: only slots that have not started yet
  return times.filter((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) > now.minutes);
}

/** Every bookable slot of the days `from` .. `from + days - 1`, in order. */
export function slotsBetween(g: GroupCalendar, now: CenterNow, daysAhead: number, from: string, days: number): Slot[] {
  const last = addDays(from, days - 1);
  return bookableDays(g, now, daysAhead)
    .filter((d) => d >= from && d <= last)
    .flatMap((day) => futureTimes(g, day, now).map((time) => ({ day, time })));
}

/** Whether the slot exists, lies within the bookable days and has not started. */
export function isBookable(g: GroupCalendar, now: CenterNow, daysAhead: number, slot: Slot): boolean {
  return bookableDays(g, now, daysAhead).includes(slot.day) && futureTimes(g, slot.day, now).includes(slot.time);
}
