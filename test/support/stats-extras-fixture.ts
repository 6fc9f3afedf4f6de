/**
 * Ratings and home visits for the statistics tests, written through the storage port itself
 * (rateTicket, requestHomeVisit, changeHomeVisit: the real columns, the real visit_day rule),
 * with their expected figures recomputed in plain JavaScript from the same plan.
 */
import { randomUUID } from 'node:crypto';
import type { CenterStorage } from '../../src/center/storage/port';
import type { RatingScore, StatsFigures } from '../../src/contract/sync';

export interface RatedTicket {
  ticketId: string;
  day: string;
  serviceId: string;
  counterId: string | null;
  issuedAtMs: number;
}

const SCORES: RatingScore[] = ['very-satisfied', 'satisfied', 'not-satisfied', 'satisfied'];
const RECENT = 20;

/** Rates each served ticket (score cycling, a comment on every other one, an hour after issue). */
export async function rateAll(storage: CenterStorage, served: readonly RatedTicket[]): Promise<void> {
  for (const [i, t] of served.entries()) {
    const out = await storage.rateTicket({ ticketId: t.ticketId, score: SCORES[i % 4]!, reasons: [], comment: i % 2 ? `comment ${i}` : null, source: 'phone', nowMs: t.issuedAtMs + 3_600_000 });
    if (!out.ok) throw new Error(`rating ${t.ticketId} refused: ${out.code}`);
  }
}

/** The rating figures of [from, to] for what rateAll stored. */
export function referenceRatings(served: readonly RatedTicket[], from: string, to: string): StatsFigures['ratings'] {
  const rated = served.map((t, i) => ({ t, i, score: SCORES[i % 4]! })).filter(({ t }) => t.day >= from && t.day <= to);
  const n = (s: RatingScore) => rated.filter((r) => r.score === s).length;
  const recentComments = rated
    .filter(({ i }) => i % 2)
    .sort((a, b) => b.t.issuedAtMs - a.t.issuedAtMs || (a.t.ticketId < b.t.ticketId ? -1 : 1))
    .slice(0, RECENT)
    .map(({ t, i, score }) => ({ day: t.day, score, comment: `comment ${i}`, serviceId: t.serviceId, counterId: t.counterId }));
  return {
    count: rated.length, verySatisfied: n('very-satisfied'), satisfied: n('satisfied'), notSatisfied: n('not-satisfied'),
    shareSatisfied: rated.length ? (n('very-satisfied') + n('satisfied')) / rated.length : null, recentComments,
  };
}

export interface PlannedVisit {
  preferredDays: string[];
  /** Scheduled on this day (then maybe done or cancelled); absent: left requested or cancelled. */
  scheduleDay?: string;
  then?: 'done' | 'cancel';
}

/** Requests each visit at a robot and walks it through staff's actions. */
export async function playVisits(storage: CenterStorage, plan: readonly PlannedVisit[], nowMs: number): Promise<void> {
  for (const p of plan) {
    const { visit } = await storage.requestHomeVisit({
      visitId: randomUUID(), statusToken: randomUUID().replace(/-/g, ''), robotId: 'robot-a', requestId: randomUUID(), serviceId: 'birth-registration',
      category: 'elderly', language: 'vi', preferredDays: p.preferredDays, phone: '0912345678', maskedPhone: '091****678', name: null,
      address: { ward: 'Phường Bến Nghé', street: 'Lê Lợi', houseNumber: '12' }, nowMs,
    });
    const steps = [...(p.scheduleDay ? [{ action: 'schedule' as const, day: p.scheduleDay, time: '09:00', staffName: 'Cán bộ A' }] : []), ...(p.then ? [{ action: p.then }] : [])];
    for (const step of steps) {
      const out = await storage.changeHomeVisit(visit.visitId, step, nowMs);
      if (!out.ok) throw new Error(`home visit step ${step.action} refused: ${out.code}`);
    }
  }
}

/** Home visits by status whose day (the scheduled day, else the last preferred day) is in [from, to]. */
export function referenceVisits(plan: readonly PlannedVisit[], from: string, to: string): StatsFigures['homeVisits'] {
  const out = { requested: 0, scheduled: 0, done: 0, cancelled: 0 };
  for (const p of plan) {
    const day = p.scheduleDay ?? [...p.preferredDays].sort().at(-1)!;
    if (day < from || day > to) continue;
    out[p.then === 'done' ? 'done' : p.then === 'cancel' ? 'cancelled' : p.scheduleDay ? 'scheduled' : 'requested']++;
  }
  return out;
}
