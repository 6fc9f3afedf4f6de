/**
 * Statistics for the technician, read from the queue store: tickets per hour of today (center
 * time), per service, and the average wait from issue to call where the center reported a call.
 */
import { centerWallTime } from '../../core/queue/center-time';
import type { Db } from '../store/database';

export interface DayStats {
  day: string;
  perHour: number[];
  perService: Array<{ serviceId: string; issued: number; averageWaitMinutes: number | null }>;
  averageWaitMinutes: number | null;
  total: number;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function dayStats(db: Db, day: string): DayStats {
  const rows = db
    .prepare(`SELECT service_id, issued_at_ms, called_at_ms FROM tickets WHERE day = ? AND state != 'voided'`)
    .all(day) as { service_id: string; issued_at_ms: number; called_at_ms: number | null }[];
  const perHour = new Array<number>(24).fill(0);
  const services = new Map<string, { issued: number; waits: number[] }>();
  const waits: number[] = [];
  for (const r of rows) {
    const hour = Math.min(23, Math.floor(centerWallTime(new Date(r.issued_at_ms)).minutes / 60));
    perHour[hour]!++;
    const s = services.get(r.service_id) ?? { issued: 0, waits: [] };
    s.issued++;
    if (r.called_at_ms !== null && r.called_at_ms >= r.issued_at_ms) {
      const minutes = (r.called_at_ms - r.issued_at_ms) / 60_000;
      s.waits.push(minutes);
      waits.push(minutes);
    }
    services.set(r.service_id, s);
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
