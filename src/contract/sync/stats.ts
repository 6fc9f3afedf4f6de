/**
 * The director's statistics (issue 18 point 3): `GET /v1/stats?from=YYYY-MM-DD&to=YYYY-MM-DD`
 * (staff) answers StatsResponse; `GET /v1/stats.csv` the same range, one row per ticket.
 *
 * Days are business days in the center's zone (Asia/Ho_Chi_Minh), both ends included, at most
 * STATS_MAX_DAYS. Durations are whole milliseconds. Percentiles are nearest-rank: the p-th
 * percentile of n sorted values is the value at rank ceil(p/100 × n) (1-based), always one of the
 * values measured (no interpolation); null when there is no value. A share is a fraction 0..1 of
 * its stated denominator, null when the denominator is 0.
 */
import { z } from 'zod';
import { IsoDay, ServerTime } from './primitives';

export const STATS_MAX_DAYS = 400;
const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both included; NaN when either is not a calendar day. */
export function statsRangeDays(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const real = (s: string, ms: number) => Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  return real(from, a) && real(to, b) ? Math.round((b - a) / DAY_MS) + 1 : NaN;
}

/** A valid range: real days, from ≤ to, at most STATS_MAX_DAYS days (else STATS_RANGE_INVALID). */
export const StatsQuery = z
  .object({ from: IsoDay, to: IsoDay })
  .strict()
  .refine((q) => {
    const n = statsRangeDays(q.from, q.to);
    return n >= 1 && n <= STATS_MAX_DAYS;
  }, 'from and to: real days, from ≤ to, at most 400 days');
export type StatsQuery = z.infer<typeof StatsQuery>;

const Count = z.number().int().nonnegative();
const Ms = z.number().int().nullable();
const Share = z.number().min(0).max(1).nullable();
const Id = z.string().min(1).max(64);

/** Median and 90th percentile (nearest-rank) of `count` durations. */
export const Percentiles = z.object({ count: Count, medianMs: Ms, p90Ms: Ms });
export type Percentiles = z.infer<typeof Percentiles>;

export const StatsDay = z.object({ day: IsoDay, tickets: Count, served: Count, skipped: Count, wait: Percentiles });
export const StatsService = z.object({
  serviceId: Id,
  /** The catalog field of the service; null when the catalog no longer knows the service. */
  fieldId: Id.nullable(),
  tickets: Count,
  wait: Percentiles,
  service: Percentiles,
  targetMinutes: z.number().int().positive(),
  withinTarget: Share,
});
export const StatsCounter = z.object({ counterId: Id, called: Count, served: Count, skipped: Count, service: Percentiles });

export const RatingComment = z.object({
  day: IsoDay,
  score: z.enum(['very-satisfied', 'satisfied', 'not-satisfied']),
  comment: z.string().max(500),
  serviceId: Id.nullable(),
  counterId: Id.nullable(),
});

export const StatsResponse = z.object({
  from: IsoDay,
  to: IsoDay,
  timeZone: z.string().max(64),
  /** The target for services without their own (minutes from issue to call). */
  targetMinutes: z.number().int().positive(),
  tickets: z.object({
    /** Tickets a citizen held: waiting, called, served or skipped (not voided, not still printing). */
    total: Count,
    served: Count,
    skipped: Count,
    /** Still waiting or at a counter (the range includes today, or the day ended with them open). */
    open: Count,
    /** Of a category whose kind is 'priority' in the catalog. */
    priority: Count,
    /** Of a category whose kind is 'appointment' (an appointment checked in at the robot). */
    appointment: Count,
    /** Issued by an enrolled robot (the ticket's robot id is a device); the rest are 'staff'. */
    robot: Count,
    staff: Count,
    /** Called at least once: the denominator of withinTarget and noShow. */
    called: Count,
    withinTarget: Count,
  }),
  shares: z.object({
    /** withinTarget / called. */
    withinTarget: Share,
    /** skipped / called. */
    noShow: Share,
    /** priority / total. */
    priority: Share,
    /** robot / total. */
    robot: Share,
  }),
  /** Issue → (last) call. */
  wait: Percentiles,
  /** Call → complete, served tickets only. */
  service: Percentiles,
  perDay: z.array(StatsDay).max(400),
  /** 24 entries, hour 0..23 of the issue time in the center's zone. */
  perHour: z.array(z.object({ hour: z.number().int().min(0).max(23), tickets: Count })).length(24),
  perField: z.array(z.object({ fieldId: Id.nullable(), tickets: Count })).max(100),
  perService: z.array(StatsService).max(600),
  perCounter: z.array(StatsCounter).max(200),
  perCategory: z.array(z.object({ categoryId: Id, tickets: Count })).max(50),
  /** Appointments whose day is in the range. */
  appointments: z.object({ booked: Count, kept: Count, missed: Count, cancelled: Count }),
  /** Home visits whose day is in the range, by status. */
  homeVisits: z.object({ requested: Count, scheduled: Count, done: Count, cancelled: Count }),
  ratings: z.object({
    count: Count,
    verySatisfied: Count,
    satisfied: Count,
    notSatisfied: Count,
    /** (very satisfied + satisfied) / count. */
    shareSatisfied: Share,
    /** The latest comments, newest first. */
    recentComments: z.array(RatingComment).max(20),
  }),
  serverTime: ServerTime,
});
export type StatsResponse = z.infer<typeof StatsResponse>;
export type StatsFigures = Omit<StatsResponse, 'serverTime' | 'timeZone' | 'from' | 'to' | 'targetMinutes'>;

/** Columns of /v1/stats.csv, in order (times ISO 8601 with the center's offset; durations in seconds). */
export const STATS_CSV_COLUMNS = [
  'ticket_id', 'day', 'display', 'service_id', 'field_id', 'counter_group', 'counter_id', 'category_id', 'origin', 'robot_id',
  'status', 'issued_at', 'called_at', 'completed_at', 'wait_seconds', 'service_seconds',
] as const;
