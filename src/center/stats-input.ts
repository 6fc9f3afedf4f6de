/**
 * What the statistics take from the catalog (service → field, wait targets, category kinds) and
 * from the center's zone, and how their times are written (ISO 8601 with the zone's offset).
 */
import type { Catalog } from '../contract/catalog';
import type { StatsQuery } from '../contract/sync';
import { businessDay, CENTER_TIME_ZONE } from '../core/business-day';
import type { StatsInput } from './storage/port';

/** Minutes from issue to call the centers hold themselves to, unless the catalog says otherwise. */
export const DEFAULT_WAIT_TARGET_MINUTES = 15;

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: CENTER_TIME_ZONE, timeZoneName: 'longOffset' });

/** The zone's offset from UTC at an instant, in ms ("GMT+07:00" → 25 200 000). */
export function zoneOffsetMs(atMs: number): number {
  const name = offsetFormat.formatToParts(new Date(atMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-11-30T09:00:00.000+07:00": the instant as the center's wall clock reads it. */
export function isoInZone(ms: number): string {
  const off = zoneOffsetMs(ms);
  const wall = new Date(ms + off).toISOString().slice(0, 23);
  const a = Math.abs(off) / 60_000;
  return `${wall}${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

export function waitTargetOf(catalog: Catalog): { minutes: number; byService: Record<string, number> } {
  return { minutes: catalog.waitTarget?.minutes ?? DEFAULT_WAIT_TARGET_MINUTES, byService: catalog.waitTarget?.byService ?? {} };
}

/**
 * The storage's input for a range. The hour of day uses the zone's offset at noon of `from`:
 * Asia/Ho_Chi_Minh has kept +07:00 all year since 1975, so one offset holds for any range.
 */
export function statsInput(catalog: Catalog, q: StatsQuery, nowMs: number): StatsInput {
  const target = waitTargetOf(catalog);
  const kinds = catalog.priorityCategories;
  return {
    from: q.from,
    to: q.to,
    today: businessDay(new Date(nowMs)),
    utcOffsetMs: zoneOffsetMs(Date.parse(`${q.from}T12:00:00Z`)),
    serviceFields: Object.fromEntries(catalog.services.map((s) => [s.id, s.fieldId])),
    targetMinutes: target.minutes,
    targetByService: target.byService,
    priorityCategories: kinds.filter((c) => c.kind === 'priority').map((c) => c.id),
    appointmentCategories: kinds.filter((c) => c.kind === 'appointment').map((c) => c.id),
  };
}
