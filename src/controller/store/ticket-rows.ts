/** Mapping between the tickets table and the contract's Ticket. */
import type { Language, Ticket, TicketIdentityColumns, TicketState } from '../../contract';
import type { TicketKind } from '../../core/queue';

export interface TicketRow extends TicketIdentityColumns {
  id: string;
  source_id: number;
  kind: TicketKind;
  language: Language;
  state: TicketState;
  version: number;
  print_attempts: number;
  last_print_error: string | null;
  attention: string | null;
  issued_at_ms: number;
  updated_at_ms: number;
  synced_at_ms: number | null;
  /** The highest version the center acknowledged: below `version`, the ticket is owed to it (the outbox). */
  acked_version: number;
  called_at_ms: number | null;
  served_at_ms: number | null;
  counter_id: string | null;
}

export function rowToTicket(r: TicketRow): Ticket {
  const t: Ticket = {
    id: r.id,
    serviceId: r.service_id,
    day: r.day,
    number: r.number,
    display: r.display,
    language: r.language,
    state: r.state,
    issuedAt: new Date(r.issued_at_ms).toISOString(),
    robotId: r.robot_id,
  };
  if (r.category_id) t.categoryId = r.category_id;
  return t;
}

/** What the center receives for each change: the ticket as it now is, with its version. */
export interface TicketEventPayload {
  ticket: Ticket;
  version: number;
  kind: TicketKind;
  prefix: string;
  printAttempts: number;
  attention: string | null;
  changedAt: string;
}

export function eventPayload(r: TicketRow): TicketEventPayload {
  return {
    ticket: rowToTicket(r),
    version: r.version,
    kind: r.kind,
    prefix: r.prefix,
    printAttempts: r.print_attempts,
    attention: r.attention,
    changedAt: new Date(r.updated_at_ms).toISOString(),
  };
}
