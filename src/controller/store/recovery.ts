/**
 * Start-up recovery: tickets a crash left half-way are resolved, never silently dropped.
 *
 * - `issued`: committed but no byte went to the printer (printing is recorded first) -> voided,
 *   the number recorded as void.
 * - `print_failed`: the citizen was told it failed and the session is gone -> voided.
 * - `printing`: the paper may or may not have come out. The printer is asked when the adapter
 *   can tell (an injected probe); otherwise the ticket is flagged QUEUE_PRINT_OUTCOME_UNKNOWN for
 *   an operator, who confirms or voids it (QueueStore.resolveAttention). It stays known to the
 *   center either way.
 */
import type { Ticket } from '../../contract';
import { connectionOf } from './connection';
import type { QueueStore } from './queue-store';
import { interruptedRows } from './ticket-queries';

export type PrintOutcome = 'printed' | 'not_printed' | 'unknown';
export type PrintProbe = (ticket: Ticket) => Promise<PrintOutcome>;

export interface RecoveryReport {
  voided: string[];
  confirmedPrinted: string[];
  flagged: string[];
}

const ACTOR = 'recovery';

export async function recoverInterrupted(store: QueueStore, probe?: PrintProbe): Promise<RecoveryReport> {
  const report: RecoveryReport = { voided: [], confirmedPrinted: [], flagged: [] };
  for (const r of interruptedRows(connectionOf(store))) {
    if (r.state === 'issued' || r.state === 'print_failed') {
      store.voidTicket(r.id, r.state === 'issued' ? 'never_printed' : 'print_failed_unresolved', ACTOR);
      report.voided.push(r.id);
      continue;
    }
    let outcome: PrintOutcome = 'unknown';
    if (probe) {
      try {
        outcome = await probe(store.get(r.id)!);
      } catch {
        outcome = 'unknown';
      }
    }
    if (outcome === 'printed') {
      store.markPrinted(r.id, ACTOR, { resolvedBy: 'printer' });
      report.confirmedPrinted.push(r.id);
    } else if (outcome === 'not_printed') {
      store.voidTicket(r.id, 'print_interrupted', ACTOR);
      report.voided.push(r.id);
    } else if (r.attention !== 'QUEUE_PRINT_OUTCOME_UNKNOWN') {
      store.flag(r.id, 'QUEUE_PRINT_OUTCOME_UNKNOWN', ACTOR);
      report.flagged.push(r.id);
    }
  }
  return report;
}
