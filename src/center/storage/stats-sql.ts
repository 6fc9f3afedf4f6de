/**
 * The director's statistics as SQL both adapters run (issue 18): every query of one range, built
 * once with `?` placeholders (PostgreSQL's adapter numbers them $1…), then assembled into the
 * figures by stats-assemble.ts. Plain SQL only: window functions (ROW_NUMBER, COUNT OVER), CASE,
 * integer division of integer columns (both databases truncate). Percentiles are nearest-rank: the
 * value at rank ceil(p × n / 100), written (n × p + 99) / 100 in integer arithmetic. The catalog's
 * mappings (service → field, service → target) arrive as CASE expressions of bound parameters;
 * numbers are CAST so PostgreSQL types them (an untyped parameter in a CASE would be text).
 */
import type { StatsInput } from './port';

export interface Sql {
  text: string;
  params: unknown[];
}

/** What differs: the collation that orders text by its bytes (as the contract documents orders). */
export interface Dialect {
  bytes: 'BINARY' | '"C"';
}

/** Tickets a citizen held: not voided, not still printing. */
const COUNTED = "status IN ('waiting', 'called', 'served', 'skipped')";
export const IN_RANGE = `day >= ? AND day <= ? AND ${COUNTED}`;
const WAIT = 'called_at_ms - issued_at_ms';
const SERVICE = 'done_at_ms - called_at_ms';
const SERVED = "status = 'served' AND called_at_ms IS NOT NULL AND done_at_ms IS NOT NULL";
const HOUR_MS = 3_600_000;
/** How many comments the statistics show (the newest). */
export const RECENT_COMMENTS = 20;

/** CASE service_id WHEN ? THEN ? … ELSE ? END, or the bare default when the map is empty. */
function caseOfService(map: Record<string, string | number>, fallback: string | number | null): Sql {
  const value = (v: string | number) => (typeof v === 'number' ? 'CAST(? AS BIGINT)' : '?');
  const other = fallback === null ? 'NULL' : value(fallback);
  const tail = fallback === null ? [] : [fallback];
  const entries = Object.entries(map);
  if (!entries.length) return { text: other, params: tail };
  return { text: `CASE service_id ${entries.map(([, v]) => `WHEN ? THEN ${value(v)}`).join(' ')} ELSE ${other} END`, params: [...entries.flat(), ...tail] };
}

/** `column IN (?, …)`, or a false condition for an empty list (IN () is not SQL). */
function inList(column: string, values: readonly string[]): Sql {
  return values.length ? { text: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] } : { text: '1 = 0', params: [] };
}

const flag = (cond: string) => `COALESCE(sum(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;

/** Rows (k, n, p50, p90): median and p90 (nearest-rank) of `value` per key over the rows matching `where`. */
function percentiles(key: string, value: string, where: string, params: unknown[]): Sql {
  return {
    text: `WITH v AS (SELECT ${key} AS k, ${value} AS v FROM tickets WHERE ${where}),
       r AS (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY k) AS n FROM v)
       SELECT k, max(n) AS n,
              max(CASE WHEN rn = (n * 50 + 99) / 100 THEN v END) AS p50,
              max(CASE WHEN rn = (n * 90 + 99) / 100 THEN v END) AS p90
         FROM r GROUP BY k`,
    params,
  };
}

export type StatsQueries = ReturnType<typeof statsQueries>;

/** Every query of the range's figures; none depends on another's result, so they run in one snapshot. */
export function statsQueries(input: StatsInput, d: Dialect) {
  const range = [input.from, input.to];
  const minutes = Object.fromEntries(Object.entries(input.targetByService).map(([s, m]) => [s, Math.trunc(m)]));
  const target = caseOfService(Object.fromEntries(Object.entries(minutes).map(([s, m]) => [s, m * 60_000])), Math.trunc(input.targetMinutes) * 60_000);
  const targetMinutes = caseOfService(minutes, Math.trunc(input.targetMinutes));
  const prio = inList('category_id', input.priorityCategories);
  const appt = inList('category_id', input.appointmentCategories);
  const field = caseOfService(input.serviceFields, null);
  const waited = `${IN_RANGE} AND called_at_ms IS NOT NULL`;
  const within = `called_at_ms IS NOT NULL AND ${WAIT} <= ${target.text}`;
  // the offset is a whole number of ms computed by the center, inlined so the division stays integer
  const offset = Math.trunc(input.utcOffsetMs);
  return {
    totals: {
      text: `SELECT count(*) AS total, ${flag("status = 'served'")} AS served, ${flag("status = 'skipped'")} AS skipped,
                    ${flag(prio.text)} AS priority, ${flag(appt.text)} AS appointment,
                    ${flag('robot_id IN (SELECT robot_id FROM devices)')} AS robot,
                    ${flag('called_at_ms IS NOT NULL')} AS called, ${flag(within)} AS within
               FROM tickets WHERE ${IN_RANGE}`,
      params: [...prio.params, ...appt.params, ...target.params, ...range],
    },
    wait: percentiles("'all'", WAIT, waited, range),
    service: percentiles("'all'", SERVICE, `${IN_RANGE} AND ${SERVED}`, range),
    dayWaits: percentiles('day', WAIT, waited, range),
    perDay: {
      text: `SELECT day, count(*) AS tickets, ${flag("status = 'served'")} AS served, ${flag("status = 'skipped'")} AS skipped
               FROM tickets WHERE ${IN_RANGE} GROUP BY day ORDER BY day COLLATE ${d.bytes}`,
      params: range,
    },
    perHour: { text: `SELECT hour, count(*) AS tickets FROM (SELECT ((issued_at_ms + ${offset}) / ${HOUR_MS}) % 24 AS hour FROM tickets WHERE ${IN_RANGE}) h GROUP BY hour`, params: range },
    perField: {
      text: `SELECT field_id AS "fieldId", count(*) AS tickets FROM (SELECT ${field.text} AS field_id FROM tickets WHERE ${IN_RANGE}) f
              GROUP BY field_id ORDER BY tickets DESC, field_id COLLATE ${d.bytes} NULLS FIRST`,
      params: [...field.params, ...range],
    },
    serviceWaits: percentiles('service_id', WAIT, waited, range),
    serviceTimes: percentiles('service_id', SERVICE, `${IN_RANGE} AND ${SERVED}`, range),
    perService: {
      text: `SELECT service_id AS "serviceId", ${targetMinutes.text} AS "targetMinutes", count(*) AS tickets,
                    ${flag('called_at_ms IS NOT NULL')} AS called, ${flag(within)} AS within
               FROM tickets WHERE ${IN_RANGE} GROUP BY service_id ORDER BY tickets DESC, service_id COLLATE ${d.bytes}`,
      params: [...targetMinutes.params, ...target.params, ...range],
    },
    counterTimes: percentiles('counter_id', SERVICE, `${IN_RANGE} AND counter_id IS NOT NULL AND ${SERVED}`, range),
    perCounter: {
      text: `SELECT counter_id AS "counterId", ${flag('called_at_ms IS NOT NULL')} AS called, ${flag("status = 'served'")} AS served, ${flag("status = 'skipped'")} AS skipped
               FROM tickets WHERE ${IN_RANGE} AND counter_id IS NOT NULL GROUP BY counter_id ORDER BY counter_id COLLATE ${d.bytes}`,
      params: range,
    },
    perCategory: {
      text: `SELECT category_id AS "categoryId", count(*) AS tickets FROM tickets WHERE ${IN_RANGE} AND category_id IS NOT NULL
              GROUP BY category_id ORDER BY tickets DESC, category_id COLLATE ${d.bytes}`,
      params: range,
    },
    ...outsideTheQueueQueries(input, d),
  } satisfies Record<string, Sql>;
}

/** One page of the CSV export, keyset-paged on the receipt sequence (no OFFSET scan). */
export function statsTicketsQuery(from: string, to: string, afterSeq: number, limit: number): Sql {
  return {
    text: `SELECT seq, ticket_id, day, display, service_id, counter_group, counter_id, category_id, robot_id, status, issued_at_ms, called_at_ms, done_at_ms,
                  CASE WHEN robot_id IN (SELECT robot_id FROM devices) THEN 1 ELSE 0 END AS is_robot
             FROM tickets WHERE ${IN_RANGE} AND seq > ? ORDER BY seq LIMIT ?`,
    params: [from, to, afterSeq, limit],
  };
}

/** Appointments, home visits and ratings of the range: the figures that do not come from the tickets. */
function outsideTheQueueQueries(input: StatsInput, d: Dialect) {
  const range = [input.from, input.to];
  const kept = "(status = 'checked-in' OR code IN (SELECT code FROM appointment_check_ins))";
  return {
    // appointments of the range's days: booked = not cancelled; kept = checked in; missed = marked
    // missed, or still booked on a day before today (nobody came)
    appointments: {
      text: `SELECT ${flag("status <> 'cancelled'")} AS booked, ${flag(kept)} AS kept,
                    ${flag(`status = 'missed' OR (status = 'booked' AND day < ? AND NOT ${kept})`)} AS missed, ${flag("status = 'cancelled'")} AS cancelled
               FROM appointments WHERE day >= ? AND day <= ?`,
      params: [input.today, ...range],
    },
    // home visits by status whose visit day (the scheduled day, else the last preferred day) is in the range
    homeVisits: {
      text: `SELECT ${flag("status = 'requested'")} AS requested, ${flag("status = 'scheduled'")} AS scheduled,
                    ${flag("status = 'done'")} AS done, ${flag("status = 'cancelled'")} AS cancelled
               FROM home_visits WHERE visit_day >= ? AND visit_day <= ?`,
      params: range,
    },
    // ratings given for tickets of the range's days
    ratings: {
      text: `SELECT count(*) AS count, ${flag("score = 'very-satisfied'")} AS very, ${flag("score = 'satisfied'")} AS satisfied,
                    ${flag("score = 'not-satisfied'")} AS "notSatisfied"
               FROM ratings WHERE day >= ? AND day <= ?`,
      params: range,
    },
    comments: {
      text: `SELECT day, score, comment, service_id AS "serviceId", counter_id AS "counterId" FROM ratings
              WHERE day >= ? AND day <= ? AND comment IS NOT NULL AND comment <> ''
              ORDER BY created_at_ms DESC, ticket_id COLLATE ${d.bytes} LIMIT ${RECENT_COMMENTS}`,
      params: range,
    },
  } satisfies Record<string, Sql>;
}
