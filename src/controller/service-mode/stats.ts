/**
 * Statistics for the technician, read from the queue store: tickets per hour of today (center
 * time), per service, and the average wait from issue to call where the center reported a call.
 */
import { centerWallTime } from '../../core/queue/center-time';
import type { TicketTimes } from '../store/queue-store';

export interface DayStats {
  day: string;
  perHour: number[];
  perService: Array<{ serviceId: string; issued: number; averageWaitMinutes: number | null }>;
  averageWaitMinutes: number | null;
  total: number;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function dayStats(day: string, rows: readonly TicketTimes[]): DayStats {
  const perHour = new Array<number>(24).fill(0);
  const services = new Map<string, { issued: number; waits: number[] }>();
  const waits: number[] = [];
  for (const r of rows) {
    const hour = Math.min(23, Math.floor(centerWallTime(new Date(r.issuedAtMs)).minutes / 60));
    perHour[hour]!++;
    const s = services.get(r.serviceId) ?? { issued: 0, waits: [] };
    s.issued++;
    if (r.calledAtMs !== null && r.calledAtMs >= r.issuedAtMs) {
      const minutes = (r.calledAtMs - r.issuedAtMs) / 60_000;
      s.waits.push(minutes);
      waits.push(minutes);
    }
    services.set(r.serviceId, s);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return {
    day,
    perHour,
    perService: [...services.entries()]
      .map(([serviceId, s]) => ({ serviceId, issued: s.issued, averageWaitMinutes: round1(mean(s.waits)) }))
      .sort((a, b) => b.issued - a.issued),
    averageWaitMinutes: round1(mean(waits)),
    total: rows.length,
  };
}
