/**
 * May a ticket be issued now? Normal tickets are refused when their estimated start of service
 * falls after closing (or inside lunch for counters that close); priority and appointment
 * tickets follow their own rule from the catalog. A refusal carries a stable code and the next
 * time the citizen can come back.
 */
import type { Catalog, CutoffRule, ErrorCode, PriorityCategory, Service } from '../../contract';
import { centerPhase, nextDayOpening, nextOpening } from './opening-hours';

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

export function checkCutoff(input: CutoffInput): CutoffDecision {
  const { catalog, service, at } = input;
  const kind = ticketKind(input.category);
  const rule: CutoffRule = catalog.cutoff[kind];
  const phase = centerPhase(catalog, at);
  const refuse = (code: ErrorCode, next: Date | null): CutoffDecision => ({ ok: false, code, nextOpeningAt: next });
  const closesAtLunch = groupClosesForLunch(catalog, service.counterGroup);

  switch (phase.phase) {
    case 'holiday':
      return refuse('QUEUE_HOLIDAY', nextOpening(catalog, at));
    case 'closed-day':
    case 'before-opening':
      return refuse('QUEUE_CENTER_CLOSED', nextOpening(catalog, at));
    case 'after-closing':
      return refuse('QUEUE_CENTER_CLOSED', nextOpening(catalog, at));
    case 'lunch':
      if (closesAtLunch) return refuse('QUEUE_LUNCH_BREAK', phase.reopensAt);
      break;
    case 'open':
      break;
  }
  const closesAt = phase.phase === 'open' || phase.phase === 'lunch' ? phase.closesAt : at;
  const lastIssue = new Date(closesAt.getTime() - rule.marginMinutes * 60_000);
  if (rule.rule === 'until-closing') {
    return at.getTime() < lastIssue.getTime() ? { ok: true, kind } : refuse('QUEUE_CUTOFF_REACHED', nextDayOpening(catalog, at));
  }
  const start = new Date(at.getTime() + Math.max(0, input.expectedWaitMinutes) * 60_000);
  if (start.getTime() >= lastIssue.getTime()) return refuse('QUEUE_CUTOFF_REACHED', nextDayOpening(catalog, at));
  if (phase.phase === 'open' && phase.lunch && closesAtLunch) {
    const t = start.getTime();
    if (t >= phase.lunch.start.getTime() && t < phase.lunch.end.getTime()) return refuse('QUEUE_LUNCH_BREAK', phase.lunch.end);
  }
  return { ok: true, kind };
}
