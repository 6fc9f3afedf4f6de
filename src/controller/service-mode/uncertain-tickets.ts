/**
 * Service mode's view of tickets a crash left with an unknown print outcome (issue 16). They are
 * already callable at the center (a sheet may be in a citizen's hand); here a technician or a
 * member of staff settles each one: the sheet exists (`printed`) or it does not (`void`).
 */
import type { ServiceUncertainTicket } from '../../contract/service';
import { CodedError, type Ticket } from '../../contract';
import type { QueueStore } from '../store/queue-store';

const UNKNOWN = 'QUEUE_PRINT_OUTCOME_UNKNOWN';

function view(t: Ticket): ServiceUncertainTicket {
  return { id: t.id, display: t.display, serviceId: t.serviceId, issuedAt: t.issuedAt, state: t.state };
}

export function listUncertain(store: QueueStore): { tickets: ServiceUncertainTicket[] } {
  return { tickets: store.needingAttention(UNKNOWN).slice(0, 500).map(view) };
}

/** Only a ticket still flagged can be settled: a second tap, or a stale list, is a conflict. */
export function settleUncertain(store: QueueStore, ticketId: string, outcome: 'printed' | 'void', actor: string): { ticket: ServiceUncertainTicket } {
  if (!store.needingAttention(UNKNOWN).some((t) => t.id === ticketId)) throw new CodedError('QUEUE_TICKET_STATE_CONFLICT', `ticket ${ticketId} is not print-uncertain`);
  return { ticket: view(store.resolveAttention(ticketId, outcome, actor)) };
}
