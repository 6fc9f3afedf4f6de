/**
 * May a ticket be issued now? Normal tickets are refused when their estimated start of service
 * falls after closing (or inside lunch for counters that close); priority and appointment
 * tickets follow their own rule from the catalog. A refusal carries a stable code and the next
 * time the citizen can come back.
 */
import type { Catalog, CutoffRule, ErrorCode, PriorityCategory, Service } from '../../contract';
import { centerPhase, nextDayOpening, nextOpening, type OpeningCalendar } from './opening-hours';

export type TicketKind = 'normal' | 'priority' | 'appointment';

export type CutoffDecision =
  | { ok: true; kind: TicketKind }
  | { ok: false; code: ErrorCode; nextOpeningAt: Date | null };

export interface CutoffInput {
  catalog: Catalog;
  service: Service;
  category?: PriorityCategory;
  /** The point estimate of the wait, minutes. */
  expectedWaitMinutes: number;
  at: Date;
}

export function ticketKind(category?: PriorityCategory): TicketKind {
  if (!category) return 'normal';
  return category.kind === 'appointment' ? 'appointment' : 'priority';
}

/** Whether every counter of the group stops for lunch (no counters configured: they do). */
export function groupClosesForLunch(catalog: Catalog, counterGroup: string): boolean {
  const counters = catalog.counters.filter((c) => c.counterGroup === counterGroup);
  return counters.length === 0 || counters.every((c) => c.closesForLunch);
}

/**
 * What the cut-off decision knows before the wait is estimated, for one catalog, service, category
 * and wall-clock minute (nothing in it changes within the minute: sessions are whole minutes): a
 * refusal the center's phase already gives, or the last instant a ticket may start by.
 */
export type CutoffFrame =
  | { refusal: Extract<CutoffDecision, { ok: false }> }
  | { refusal?: undefined; kind: TicketKind; rule: CutoffRule['rule']; lastIssueMs: number; lunch?: { startMs: number; endMs: number } };

export function cutoffFrame(catalog: Catalog, service: Service, category: PriorityCategory | undefined, at: Date): CutoffFrame {
  const kind = ticketKind(category);
  const rule: CutoffRule = catalog.cutoff[kind];
  const phase = centerPhase(catalog, at);
  const refuse = (code: ErrorCode, next: Date | null): CutoffFrame => ({ refusal: { ok: false, code, nextOpeningAt: next } });
  const closesAtLunch = groupClosesForLunch(catalog, service.counterGroup);
  switch (phase.phase) {
    case 'holiday':
      return refuse('QUEUE_HOLIDAY', nextOpening(catalog, at));
    case 'closed-day':
    case 'before-opening':
    case 'after-closing':
      return refuse('QUEUE_CENTER_CLOSED', nextOpening(catalog, at));
    case 'lunch':
      if (closesAtLunch) return refuse('QUEUE_LUNCH_BREAK', phase.reopensAt);
      break;
    case 'open':
      break;
  }
  const lastIssueMs = phase.closesAt.getTime() - rule.marginMinutes * 60_000;
  const lunch = phase.phase === 'open' && phase.lunch && closesAtLunch ? { startMs: phase.lunch.start.getTime(), endMs: phase.lunch.end.getTime() } : undefined;
  return lunch ? { kind, rule: rule.rule, lastIssueMs, lunch } : { kind, rule: rule.rule, lastIssueMs };
}

/** The decision at `at` for a ticket whose service is expected to start `expectedWaitMinutes` later. */
export function decideCutoff(frame: CutoffFrame, calendar: OpeningCalendar, at: Date, expectedWaitMinutes: number): CutoffDecision {
  if (frame.refusal) return frame.refusal;
  const tooLate = (): CutoffDecision => ({ ok: false, code: 'QUEUE_CUTOFF_REACHED', nextOpeningAt: nextDayOpening(calendar, at) });
  if (frame.rule === 'until-closing') return at.getTime() < frame.lastIssueMs ? { ok: true, kind: frame.kind } : tooLate();
  const start = at.getTime() + Math.max(0, expectedWaitMinutes) * 60_000;
  if (start >= frame.lastIssueMs) return tooLate();
  if (frame.lunch && start >= frame.lunch.startMs && start < frame.lunch.endMs) return { ok: false, code: 'QUEUE_LUNCH_BREAK', nextOpeningAt: new Date(frame.lunch.endMs) };
  return { ok: true, kind: frame.kind };
}

export function checkCutoff(input: CutoffInput): CutoffDecision {
  return decideCutoff(cutoffFrame(input.catalog, input.service, input.category, input.at), input.catalog, input.at, input.expectedWaitMinutes);
}
