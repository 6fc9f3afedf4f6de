/**
 * The life of a ticket on the robot. A number is committed in `issued` before printing starts;
 * `printing` is written before a byte goes to the printer, so a crash leaves evidence to resolve.
 * `reprinted` is a successful print after a failed or lost one (same number). `voided` is final
 * and its number is never given out again.
 */
import type { TicketState } from '../../contract';

const NEXT: Record<TicketState, readonly TicketState[]> = {
  issued: ['printing', 'voided'],
  printing: ['printed', 'reprinted', 'print_failed', 'voided'],
  print_failed: ['printing', 'voided'],
  printed: ['printing', 'voided'],
  reprinted: ['printing', 'voided'],
  voided: [],
};

export function canTransition(from: TicketState, to: TicketState): boolean {
  return NEXT[from].includes(to);
}

/** A printing attempt that succeeds: the first one prints, any later one reprints. */
export function printedState(attempt: number): TicketState {
  return attempt <= 1 ? 'printed' : 'reprinted';
}

export type PrintFailureAction = 'reprint' | 'void' | 'hold';

/** By rule: reprint while attempts remain, then void (or always void when the center says so). */
export function afterPrintFailure(policy: { action: 'reprint' | 'void'; maxAttempts: number }, attempts: number): PrintFailureAction {
  if (policy.action === 'void') return 'void';
  return attempts < policy.maxAttempts ? 'reprint' : 'void';
}
