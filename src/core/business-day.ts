/**
 * The center's business day. Numbers reset at 00:00 Asia/Ho_Chi_Minh whatever the machine's
 * own timezone is; time is always passed in (no clock here), so tests need no sleeping.
 */
export const CENTER_TIME_ZONE = 'Asia/Ho_Chi_Minh';

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

const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<number, number | null>();

/** The zone's offset from UTC at an instant (ms, whole seconds), read from Intl. */
function readOffset(t: number): number {
  const p: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
}

/**
 * The zone's offset at `t`. Intl's formatToParts was most of the CPU of issuing a ticket, and an
 * offset changes at most once in a quarter hour: a quarter hour with the same offset at both ends
 * has it throughout and is remembered; one with a change in it is read for each instant.
 */
export function zoneOffsetMs(t: number): number {
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

const DAY_MS = 86_400_000;
/** The last day formatted: every ticket of a day asks for the same one several times. */
let lastDay = { index: NaN, day: '' };

/**
 * The center's wall clock at `at`, as ms since the epoch read as UTC (whole seconds: the instant
 * shifted by the zone's offset), and its YYYY-MM-DD date part.
 */
export function centerDateOf(at: Date): { wallMs: number; day: string } {
  const seconds = Math.floor(at.getTime() / 1000) * 1000;
  const wallMs = seconds + zoneOffsetMs(seconds);
  const index = Math.floor(wallMs / DAY_MS);
  if (index !== lastDay.index) lastDay = { index, day: new Date(index * DAY_MS).toISOString().slice(0, 10) };
  return { wallMs, day: lastDay.day };
}

/** YYYY-MM-DD of the instant in the center's timezone. */
export function businessDay(at: Date): string {
  return centerDateOf(at).day;
}
