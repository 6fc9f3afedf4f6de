import { CodedError, isCodedError, type Catalog, type ErrorCode, type Language, type Ticket } from '../../contract';
import { businessDay } from '../../core/business-day';
import type { PrinterPort } from '../devices/printer/port';
import type { Logger } from '../log';
import type { TicketStore } from '../store/ticket-store';
import type { TicketJobBuilder } from '../devices/printer/ticket/ticket-job';

export interface IssueDeps {
  store: TicketStore;
  printer: PrinterPort;
  /** Renders and encodes the ticket for the configured printer. */
  ticketJob: TicketJobBuilder;
  catalog: () => Catalog;
  now: () => Date;
  numberWidth: number;
  log: Logger;
  onTicket: (t: Ticket) => void;
}

export interface IssueResult {
  ticket: Ticket;
  printed: boolean;
  printError?: ErrorCode;
}

/**
 * Issues one ticket: the number and ticket are committed first, only then do bytes go to the
 * printer; the outcome (printed / print_failed) is committed again. A crash in between leaves
 * a ticket in `printing` for start-up recovery, never a printed number the store does not know.
 */
export async function issueTicket(deps: IssueDeps, serviceId: string, language: Language): Promise<IssueResult> {
  const service = deps.catalog().services.find((s) => s.id === serviceId);
  if (!service) throw new CodedError('SERVICE_UNKNOWN', serviceId);
  const now = deps.now();
  let ticket = deps.store.issue({ serviceId, prefix: service.prefix, day: businessDay(now), language, width: deps.numberWidth, now });
  deps.log.info({ ticket: ticket.id, display: ticket.display, service: serviceId }, 'ticket issued');
  ticket = deps.store.setState(ticket.id, 'printing', deps.now());
  deps.onTicket(ticket);
  try {
    await deps.printer.print(deps.ticketJob(ticket, service));
    ticket = deps.store.setState(ticket.id, 'printed', deps.now());
    deps.onTicket(ticket);
    return { ticket, printed: true };
  } catch (e) {
    const code: ErrorCode = isCodedError(e) ? e.code : 'PRINTER_OFFLINE';
    ticket = deps.store.setState(ticket.id, 'print_failed', deps.now(), code);
    deps.log.warn({ ticket: ticket.id, code }, 'ticket print failed');
    deps.onTicket(ticket);
    return { ticket, printed: false, printError: code };
  }
}
