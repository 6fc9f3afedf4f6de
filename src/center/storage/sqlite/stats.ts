/**
 * The director's statistics, computed by SQL over the tickets of a day range (issue 18).
 *
 * Portability: every query here is plain SQL a PostgreSQL adapter can run as it is — window
 * functions (ROW_NUMBER, COUNT OVER), CASE, integer division of integer columns (both databases
 * truncate) — with `?` placeholders ($n in pg). Percentiles are nearest-rank: the value at rank
 * ceil(p × n / 100), written (n × p + 99) / 100 in integer arithmetic. The catalog's mappings
 * (service → field, service → target) arrive as CASE expressions built from bound parameters.
 */
import type { Percentiles, StatsFigures } from '../../../contract/sync';
import type { StatsInput, StatsTicketRow } from '../port';
import type { Db } from './open';
import { appointmentFigures, homeVisitFigures, ratingFigures } from './stats-extras';

/** Tickets a citizen held: not voided, not still printing. */
const COUNTED = "status IN ('waiting', 'called', 'served', 'skipped')";
const IN_RANGE = `day >= ? AND day <= ? AND ${COUNTED}`;
const WAIT = 'called_at_ms - issued_at_ms';
const SERVICE = 'done_at_ms - called_at_ms';
const HOUR_MS = 3_600_000;

interface Sql {
  text: string;
  params: unknown[];
}

/** CASE service_id WHEN ? THEN ? … ELSE ? END, or the bare default when the map is empty. */
function caseOfService(map: Record<string, string | number>, fallback: string | number | null): Sql {
  const entries = Object.entries(map);
  if (!entries.length) return { text: fallback === null ? 'NULL' : '?', params: fallback === null ? [] : [fallback] };
  const whens = entries.map(() => 'WHEN ? THEN ?').join(' ');
  return { text: `CASE service_id ${whens} ELSE ${fallback === null ? 'NULL' : '?'} END`, params: [...entries.flat(), ...(fallback === null ? [] : [fallback])] };
}

/** `column IN (?, …)`, or a false condition for an empty list (IN () is not SQL). */
function inList(column: string, values: readonly string[]): Sql {
  return values.length ? { text: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] } : { text: '1 = 0', params: [] };
}

const flag = (cond: string) => `sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;

interface PercentileRow {
  k: string;
  n: number;
  p50: number | null;
  p90: number | null;
}

/** Median and p90 (nearest-rank) of `value` per key over the rows matching `where`. */
function percentiles(db: Db, key: string, value: string, where: string, params: unknown[]): Map<string, Percentiles> {
  const rows = db
    .prepare(
      `WITH v AS (SELECT ${key} AS k, ${value} AS v FROM tickets WHERE ${where}),
       r AS (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY k) AS n FROM v)
       SELECT k, max(n) AS n,
              max(CASE WHEN rn = (n * 50 + 99) / 100 THEN v END) AS p50,
              max(CASE WHEN rn = (n * 90 + 99) / 100 THEN v END) AS p90
         FROM r GROUP BY k`,
    )
    .all(...params) as PercentileRow[];
  return new Map(rows.map((r) => [String(r.k), { count: r.n, medianMs: r.p50, p90Ms: r.p90 }]));
}

export const NO_VALUES: Percentiles = { count: 0, medianMs: null, p90Ms: null };
const share = (part: number, of: number) => (of > 0 ? part / of : null);

interface Totals {
  total: number;
  served: number;
  skipped: number;
  priority: number;
  appointment: number;
  robot: number;
  called: number;
  within: number;
}

function totals(db: Db, input: StatsInput, target: Sql): Totals {
  const prio = inList('category_id', input.priorityCategories);
  const appt = inList('category_id', input.appointmentCategories);
  const row = db
    .prepare(
      `SELECT count(*) AS total, ${flag("status = 'served'")} AS served, ${flag("status = 'skipped'")} AS skipped,
              ${flag(prio.text)} AS priority, ${flag(appt.text)} AS appointment,
              ${flag('robot_id IN (SELECT robot_id FROM devices)')} AS robot,
              ${flag('called_at_ms IS NOT NULL')} AS called,
              ${flag(`called_at_ms IS NOT NULL AND ${WAIT} <= ${target.text}`)} AS within
         FROM tickets WHERE ${IN_RANGE}`,
    )
    .get(...prio.params, ...appt.params, ...target.params, input.from, input.to) as Record<keyof Totals, number | null>;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v ?? 0])) as unknown as Totals;
}

function perDay(db: Db, input: StatsInput): StatsFigures['perDay'] {
  const waits = percentiles(db, 'day', WAIT, `${IN_RANGE} AND called_at_ms IS NOT NULL`, [input.from, input.to]);
  const rows = db
    .prepare(`SELECT day, count(*) AS tickets, ${flag("status = 'served'")} AS served, ${flag("status = 'skipped'")} AS skipped FROM tickets WHERE ${IN_RANGE} GROUP BY day ORDER BY day`)
    .all(input.from, input.to) as { day: string; tickets: number; served: number; skipped: number }[];
  return rows.map((r) => ({ ...r, wait: waits.get(r.day) ?? NO_VALUES }));
}

function perHour(db: Db, input: StatsInput): StatsFigures['perHour'] {
  // the offset is a whole number of ms computed by the center, inlined so the division stays integer
  const offset = Math.trunc(input.utcOffsetMs);
  const rows = db
    .prepare(`SELECT hour, count(*) AS tickets FROM (SELECT ((issued_at_ms + ${offset}) / ${HOUR_MS}) % 24 AS hour FROM tickets WHERE ${IN_RANGE}) h GROUP BY hour`)
    .all(input.from, input.to) as { hour: number; tickets: number }[];
  const byHour = new Map(rows.map((r) => [r.hour, r.tickets]));
  return Array.from({ length: 24 }, (_, hour) => ({ hour, tickets: byHour.get(hour) ?? 0 }));
}

function perField(db: Db, input: StatsInput): StatsFigures['perField'] {
  const field = caseOfService(input.serviceFields, null);
  return db
    .prepare(`SELECT field_id AS "fieldId", count(*) AS tickets FROM (SELECT ${field.text} AS field_id FROM tickets WHERE ${IN_RANGE}) f GROUP BY field_id ORDER BY tickets DESC, field_id`)
    .all(...field.params, input.from, input.to) as StatsFigures['perField'];
}

function perService(db: Db, input: StatsInput, target: Sql, targetMinutes: Sql): StatsFigures['perService'] {
  const range = [input.from, input.to];
  const waits = percentiles(db, 'service_id', WAIT, `${IN_RANGE} AND called_at_ms IS NOT NULL`, range);
  const services = percentiles(db, 'service_id', SERVICE, `${IN_RANGE} AND status = 'served' AND called_at_ms IS NOT NULL AND done_at_ms IS NOT NULL`, range);
  const rows = db
    .prepare(
      `SELECT service_id AS "serviceId", ${targetMinutes.text} AS "targetMinutes", count(*) AS tickets,
              ${flag('called_at_ms IS NOT NULL')} AS called, ${flag(`called_at_ms IS NOT NULL AND ${WAIT} <= ${target.text}`)} AS within
         FROM tickets WHERE ${IN_RANGE} GROUP BY service_id ORDER BY tickets DESC, service_id`,
    )
    .all(...targetMinutes.params, ...target.params, ...range) as { serviceId: string; targetMinutes: number; tickets: number; called: number; within: number }[];
  return rows.map((r) => ({
    serviceId: r.serviceId, fieldId: input.serviceFields[r.serviceId] ?? null, tickets: r.tickets,
    wait: waits.get(r.serviceId) ?? NO_VALUES, service: services.get(r.serviceId) ?? NO_VALUES,
    targetMinutes: r.targetMinutes, withinTarget: share(r.within, r.called),
  }));
}

function perCounter(db: Db, input: StatsInput): StatsFigures['perCounter'] {
  const range = [input.from, input.to];
  const services = percentiles(db, 'counter_id', SERVICE, `${IN_RANGE} AND counter_id IS NOT NULL AND status = 'served' AND called_at_ms IS NOT NULL AND done_at_ms IS NOT NULL`, range);
  const rows = db
    .prepare(
      `SELECT counter_id AS "counterId", ${flag('called_at_ms IS NOT NULL')} AS called, ${flag("status = 'served'")} AS served, ${flag("status = 'skipped'")} AS skipped
         FROM tickets WHERE ${IN_RANGE} AND counter_id IS NOT NULL GROUP BY counter_id ORDER BY counter_id`,
    )
    .all(...range) as { counterId: string; called: number; served: number; skipped: number }[];
  return rows.map((r) => ({ ...r, service: services.get(r.counterId) ?? NO_VALUES }));
}

function perCategory(db: Db, input: StatsInput): StatsFigures['perCategory'] {
  return db
    .prepare(`SELECT category_id AS "categoryId", count(*) AS tickets FROM tickets WHERE ${IN_RANGE} AND category_id IS NOT NULL GROUP BY category_id ORDER BY tickets DESC, category_id`)
    .all(input.from, input.to) as StatsFigures['perCategory'];
}

/** Every figure of the range; one read transaction, so the figures agree with each other. */
export function stats(db: Db, input: StatsInput): StatsFigures {
  return db.transaction((): StatsFigures => {
    const minutes = Object.fromEntries(Object.entries(input.targetByService).map(([s, m]) => [s, Math.trunc(m)]));
    const target = caseOfService(Object.fromEntries(Object.entries(minutes).map(([s, m]) => [s, m * 60_000])), Math.trunc(input.targetMinutes) * 60_000);
    const targetMinutes = caseOfService(minutes, Math.trunc(input.targetMinutes));
    const t = totals(db, input, target);
    const range = [input.from, input.to];
    const wait = percentiles(db, "'all'", WAIT, `${IN_RANGE} AND called_at_ms IS NOT NULL`, range).get('all') ?? NO_VALUES;
    const service = percentiles(db, "'all'", SERVICE, `${IN_RANGE} AND status = 'served' AND called_at_ms IS NOT NULL AND done_at_ms IS NOT NULL`, range).get('all') ?? NO_VALUES;
    return {
      tickets: {
        total: t.total, served: t.served, skipped: t.skipped, open: t.total - t.served - t.skipped, priority: t.priority, appointment: t.appointment,
        robot: t.robot, staff: t.total - t.robot, called: t.called, withinTarget: t.within,
      },
      shares: { withinTarget: share(t.within, t.called), noShow: share(t.skipped, t.called), priority: share(t.priority, t.total), robot: share(t.robot, t.total) },
      wait,
      service,
      perDay: perDay(db, input),
      perHour: perHour(db, input),
      perField: perField(db, input),
      perService: perService(db, input, target, targetMinutes),
      perCounter: perCounter(db, input),
      perCategory: perCategory(db, input),
      appointments: appointmentFigures(db, input),
      homeVisits: homeVisitFigures(db, input),
      ratings: ratingFigures(db, input),
    };
  })();
}

interface CsvRow {
  seq: number;
  ticket_id: string;
  day: string;
  display: string;
  service_id: string;
  counter_group: string;
  counter_id: string | null;
  category_id: string | null;
  robot_id: string;
  is_robot: number;
  status: StatsTicketRow['status'];
  issued_at_ms: number;
  called_at_ms: number | null;
  done_at_ms: number | null;
}

/** One page of the CSV export, keyset-paged on the receipt sequence (no OFFSET scan). */
export function statsTickets(db: Db, from: string, to: string, afterSeq: number, limit: number): StatsTicketRow[] {
  const rows = db
    .prepare(
      `SELECT seq, ticket_id, day, display, service_id, counter_group, counter_id, category_id, robot_id, status, issued_at_ms, called_at_ms, done_at_ms,
              CASE WHEN robot_id IN (SELECT robot_id FROM devices) THEN 1 ELSE 0 END AS is_robot
         FROM tickets WHERE ${IN_RANGE} AND seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(from, to, afterSeq, limit) as CsvRow[];
  return rows.map((r) => ({
    seq: r.seq, ticketId: r.ticket_id, day: r.day, display: r.display, serviceId: r.service_id, counterGroup: r.counter_group, counterId: r.counter_id,
    categoryId: r.category_id, origin: r.is_robot ? 'robot' : 'staff', robotId: r.robot_id, status: r.status,
    issuedAtMs: r.issued_at_ms, calledAtMs: r.called_at_ms, doneAtMs: r.done_at_ms,
  }));
}
