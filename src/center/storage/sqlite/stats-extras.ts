/**
 * The statistics beyond tickets: appointments, home visits and ratings over a day range.
 *
 * `ratings` and `home_visits` are created by other branches of issue 18 (ratings, visits-center);
 * until their migrations have run, the figures are zeros, so the page works on any database.
 * The existence check reads sqlite_master — SQLite only; PostgreSQL: to_regclass('ratings').
 */
import type { StatsFigures } from '../../../contract/sync';
import type { StatsInput } from '../port';
import type { Db } from './open';

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

const flag = (cond: string) => `COALESCE(sum(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;

/**
 * Appointments whose day is in the range: booked = every one not cancelled; kept = checked in;
 * missed = marked missed, or still booked on a day before today (nobody came).
 */
export function appointmentFigures(db: Db, input: StatsInput): StatsFigures['appointments'] {
  const kept = "(status = 'checked-in' OR code IN (SELECT code FROM appointment_check_ins))";
  return db
    .prepare(
      `SELECT ${flag("status <> 'cancelled'")} AS booked, ${flag(kept)} AS kept,
              ${flag(`status = 'missed' OR (status = 'booked' AND day < ? AND NOT ${kept})`)} AS missed,
              ${flag("status = 'cancelled'")} AS cancelled
         FROM appointments WHERE day >= ? AND day <= ?`,
    )
    .get(input.today, input.from, input.to) as StatsFigures['appointments'];
}

/** Home visits whose visit day (the scheduled day, else the last preferred day) is in the range, by status. */
export function homeVisitFigures(db: Db, input: StatsInput): StatsFigures['homeVisits'] {
  const none = { requested: 0, scheduled: 0, done: 0, cancelled: 0 };
  if (!hasTable(db, 'home_visits')) return none;
  return db
    .prepare(
      `SELECT ${flag("status = 'requested'")} AS requested, ${flag("status = 'scheduled'")} AS scheduled,
              ${flag("status = 'done'")} AS done, ${flag("status = 'cancelled'")} AS cancelled
         FROM home_visits WHERE visit_day >= ? AND visit_day <= ?`,
    )
    .get(input.from, input.to) as StatsFigures['homeVisits'];
}

/** How many comments the statistics show (the newest). */
export const RECENT_COMMENTS = 20;

/** Ratings given for tickets of the range's days (zeros until the ratings table exists). */
export function ratingFigures(db: Db, input: StatsInput): StatsFigures['ratings'] {
  if (!hasTable(db, 'ratings')) return { count: 0, verySatisfied: 0, satisfied: 0, notSatisfied: 0, shareSatisfied: null, recentComments: [] };
  const r = db
    .prepare(
      `SELECT count(*) AS count, ${flag("score = 'very-satisfied'")} AS very, ${flag("score = 'satisfied'")} AS satisfied,
              ${flag("score = 'not-satisfied'")} AS "notSatisfied"
         FROM ratings WHERE day >= ? AND day <= ?`,
    )
    .get(input.from, input.to) as { count: number; very: number; satisfied: number; notSatisfied: number };
  const comments = db
    .prepare(
      `SELECT day, score, comment, service_id AS "serviceId", counter_id AS "counterId" FROM ratings
        WHERE day >= ? AND day <= ? AND comment IS NOT NULL AND comment <> '' ORDER BY created_at_ms DESC, ticket_id LIMIT ${RECENT_COMMENTS}`,
    )
    .all(input.from, input.to) as StatsFigures['ratings']['recentComments'];
  return {
    count: r.count, verySatisfied: r.very, satisfied: r.satisfied, notSatisfied: r.notSatisfied,
    shareSatisfied: r.count > 0 ? (r.very + r.satisfied) / r.count : null,
    recentComments: comments.map((c) => ({ ...c, comment: c.comment.slice(0, 500) })),
  };
}
