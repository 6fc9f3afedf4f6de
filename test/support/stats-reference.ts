/**
 * The statistics recomputed in plain JavaScript over the generated rows: no SQL, no code of the
 * center. Percentiles nearest-rank (sorted, rank ceil(p·n), 1-based); hours by Intl in the
 * center's zone. Orders as the contract documents them.
 */
import type { Catalog } from '../../src/contract/catalog';
import type { Percentiles, StatsFigures } from '../../src/contract/sync';
import { ROBOTS, type GenAppointment, type GenTicket } from './stats-year';

export interface RefOptions {
  from: string;
  to: string;
  today: string;
  targetMinutes: number;
  targetByService: Record<string, number>;
}

export function nearestRank(values: readonly number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.ceil((p / 100) * s.length) - 1]! : null);
  return { count: s.length, medianMs: at(50), p90Ms: at(90) };
}

const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', hourCycle: 'h23' });
const share = (a: number, b: number) => (b ? a / b : null);

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Count descending, then id in byte order (as SQL's ORDER BY sorts text); a null id first. */
const byCountThenId = <T>(count: (x: T) => number, id: (x: T) => string | null) => (a: T, b: T) =>
  count(b) - count(a) || binary(id(a) ?? '', id(b) ?? '');

export function referenceStats(catalog: Catalog, all: readonly GenTicket[], appts: readonly GenAppointment[], o: RefOptions): Omit<StatsFigures, 'homeVisits' | 'ratings'> {
  const ts = all.filter((t) => t.day >= o.from && t.day <= o.to && ['waiting', 'called', 'served', 'skipped'].includes(t.status));
  const kind = new Map(catalog.priorityCategories.map((c) => [c.id, c.kind]));
  const fieldOf = new Map(catalog.services.map((s) => [s.id, s.fieldId]));
  const target = (serviceId: string) => (o.targetByService[serviceId] ?? o.targetMinutes) * 60_000;
  const wait = (t: GenTicket) => t.calledAtMs! - t.issuedAtMs;
  const called = ts.filter((t) => t.calledAtMs !== null);
  const served = ts.filter((t) => t.status === 'served');
  const within = called.filter((t) => wait(t) <= target(t.serviceId));
  const count = (f: (t: GenTicket) => boolean) => ts.filter(f).length;
  const priority = count((t) => t.categoryId !== null && kind.get(t.categoryId) === 'priority');
  const robot = count((t) => ROBOTS.includes(t.robotId));
  const skipped = count((t) => t.status === 'skipped');
  const serviceTimes = (xs: GenTicket[]) => nearestRank(xs.filter((t) => t.status === 'served').map((t) => t.doneAtMs! - t.calledAtMs!));

  const perDay = [...groupBy(ts, (t) => t.day)].sort(([a], [b]) => binary(a, b)).map(([day, xs]) => ({
    day, tickets: xs.length, served: xs.filter((t) => t.status === 'served').length, skipped: xs.filter((t) => t.status === 'skipped').length,
    wait: nearestRank(xs.filter((t) => t.calledAtMs !== null).map(wait)),
  }));
  const hours = groupBy(ts, (t) => String(Number(hourFormat.format(new Date(t.issuedAtMs)))));
  const perService = [...groupBy(ts, (t) => t.serviceId)].map(([serviceId, xs]) => {
    const c = xs.filter((t) => t.calledAtMs !== null);
    return {
      serviceId, fieldId: fieldOf.get(serviceId) ?? null, tickets: xs.length, wait: nearestRank(c.map(wait)), service: serviceTimes(xs),
      targetMinutes: o.targetByService[serviceId] ?? o.targetMinutes, withinTarget: share(c.filter((t) => wait(t) <= target(serviceId)).length, c.length),
    };
  });
  const perCounter = [...groupBy(ts.filter((t) => t.counterId !== null), (t) => t.counterId!)].map(([counterId, xs]) => ({
    counterId, called: xs.filter((t) => t.calledAtMs !== null).length, served: xs.filter((t) => t.status === 'served').length,
    skipped: xs.filter((t) => t.status === 'skipped').length, service: serviceTimes(xs),
  }));
  const inRange = appts.filter((a) => a.day >= o.from && a.day <= o.to);
  return {
    tickets: {
      total: ts.length, served: served.length, skipped, open: count((t) => t.status === 'waiting' || t.status === 'called'),
      priority, appointment: count((t) => t.categoryId !== null && kind.get(t.categoryId) === 'appointment'),
      robot, staff: ts.length - robot, called: called.length, withinTarget: within.length,
    },
    shares: { withinTarget: share(within.length, called.length), noShow: share(skipped, called.length), priority: share(priority, ts.length), robot: share(robot, ts.length) },
    wait: nearestRank(called.map(wait)),
    service: serviceTimes(ts),
    perDay,
    perHour: Array.from({ length: 24 }, (_, hour) => ({ hour, tickets: hours.get(String(hour))?.length ?? 0 })),
    perField: [...groupBy(ts, (t) => fieldOf.get(t.serviceId) ?? '')].map(([fieldId, xs]) => ({ fieldId: fieldId || null, tickets: xs.length }))
      .sort(byCountThenId((x) => x.tickets, (x) => x.fieldId)),
    perService: perService.sort(byCountThenId((x) => x.tickets, (x) => x.serviceId)),
    perCounter: perCounter.sort((a, b) => binary(a.counterId, b.counterId)),
    perCategory: [...groupBy(ts.filter((t) => t.categoryId !== null), (t) => t.categoryId!)].map(([categoryId, xs]) => ({ categoryId, tickets: xs.length }))
      .sort(byCountThenId((x) => x.tickets, (x) => x.categoryId)),
    appointments: {
      booked: inRange.filter((a) => a.status !== 'cancelled').length,
      kept: inRange.filter((a) => a.checkIn || a.status === 'checked-in').length,
      missed: inRange.filter((a) => a.status === 'missed' || (a.status === 'booked' && a.day < o.today)).length,
      cancelled: inRange.filter((a) => a.status === 'cancelled').length,
    },
  };
}
