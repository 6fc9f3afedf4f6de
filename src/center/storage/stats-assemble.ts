/**
 * The figures of /v1/stats from the rows of stats-sql.ts's queries (the same for both adapters):
 * per-key percentiles joined to their rows, the 24 hours filled in, shares computed.
 */
import type { Percentiles, StatsFigures } from '../../contract/sync';
import type { StatsInput, StatsTicketRow } from './port';
import type { StatsQueries } from './stats-sql';

type Row = Record<string, unknown>;
export type StatsRows = Record<keyof StatsQueries, Row[]>;

export const NO_VALUES: Percentiles = { count: 0, medianMs: null, p90Ms: null };
const share = (part: number, of: number) => (of > 0 ? part / of : null);
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function byKey(rows: Row[]): Map<string, Percentiles> {
  return new Map(rows.map((r) => [String(r.k), { count: num(r.n), medianMs: numOrNull(r.p50), p90Ms: numOrNull(r.p90) }]));
}

/** Every count of a row as a number (0 for the NULL a sum over no rows gives). */
function counts<K extends string>(row: Row | undefined, keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, num(row?.[k])])) as Record<K, number>;
}

export function assembleStats(input: StatsInput, rows: StatsRows): StatsFigures {
  const t = counts(rows.totals[0], ['total', 'served', 'skipped', 'priority', 'appointment', 'robot', 'called', 'within']);
  const dayWaits = byKey(rows.dayWaits);
  const serviceWaits = byKey(rows.serviceWaits);
  const serviceTimes = byKey(rows.serviceTimes);
  const counterTimes = byKey(rows.counterTimes);
  const hours = new Map(rows.perHour.map((r) => [num(r.hour), num(r.tickets)]));
  const r = counts(rows.ratings[0], ['count', 'very', 'satisfied', 'notSatisfied']);
  return {
    tickets: {
      total: t.total, served: t.served, skipped: t.skipped, open: t.total - t.served - t.skipped, priority: t.priority, appointment: t.appointment,
      robot: t.robot, staff: t.total - t.robot, called: t.called, withinTarget: t.within,
    },
    shares: { withinTarget: share(t.within, t.called), noShow: share(t.skipped, t.called), priority: share(t.priority, t.total), robot: share(t.robot, t.total) },
    wait: byKey(rows.wait).get('all') ?? NO_VALUES,
    service: byKey(rows.service).get('all') ?? NO_VALUES,
    perDay: rows.perDay.map((d) => ({ day: String(d.day), ...counts(d, ['tickets', 'served', 'skipped']), wait: dayWaits.get(String(d.day)) ?? NO_VALUES })),
    perHour: Array.from({ length: 24 }, (_, hour) => ({ hour, tickets: hours.get(hour) ?? 0 })),
    perField: rows.perField.map((f) => ({ fieldId: f.fieldId === null ? null : String(f.fieldId), tickets: num(f.tickets) })) as StatsFigures['perField'],
    perService: rows.perService.map((s) => {
      const id = String(s.serviceId);
      return {
        serviceId: id, fieldId: input.serviceFields[id] ?? null, tickets: num(s.tickets), wait: serviceWaits.get(id) ?? NO_VALUES,
        service: serviceTimes.get(id) ?? NO_VALUES, targetMinutes: num(s.targetMinutes), withinTarget: share(num(s.within), num(s.called)),
      };
    }),
    perCounter: rows.perCounter.map((c) => ({ counterId: String(c.counterId), ...counts(c, ['called', 'served', 'skipped']), service: counterTimes.get(String(c.counterId)) ?? NO_VALUES })),
    perCategory: rows.perCategory.map((c) => ({ categoryId: String(c.categoryId), tickets: num(c.tickets) })),
    appointments: counts(rows.appointments[0], ['booked', 'kept', 'missed', 'cancelled']),
    homeVisits: counts(rows.homeVisits[0], ['requested', 'scheduled', 'done', 'cancelled']),
    ratings: {
      count: r.count, verySatisfied: r.very, satisfied: r.satisfied, notSatisfied: r.notSatisfied,
      shareSatisfied: r.count > 0 ? (r.very + r.satisfied) / r.count : null,
      recentComments: rows.comments.map((c) => ({
        day: String(c.day), score: c.score, comment: String(c.comment).slice(0, 500), serviceId: c.serviceId, counterId: c.counterId,
      })) as StatsFigures['ratings']['recentComments'],
    },
  };
}

export function ticketRow(r: Row): StatsTicketRow {
  return {
    seq: num(r.seq), ticketId: String(r.ticket_id), day: String(r.day), display: String(r.display), serviceId: String(r.service_id),
    counterGroup: String(r.counter_group), counterId: r.counter_id as string | null, categoryId: r.category_id as string | null,
    origin: num(r.is_robot) ? 'robot' : 'staff', robotId: String(r.robot_id), status: r.status as StatsTicketRow['status'],
    issuedAtMs: num(r.issued_at_ms), calledAtMs: numOrNull(r.called_at_ms), doneAtMs: numOrNull(r.done_at_ms),
  };
}
