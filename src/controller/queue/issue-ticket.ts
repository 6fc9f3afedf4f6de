import { CodedError, isCodedError, type Catalog, type ErrorCode, type Language, type Service, type Ticket, type TicketWait } from '../../contract';
import { counterLabelsFor, whereToGoText } from '../../core/where-to-go';
import type { LiveQueueData } from '../../core/queue';
import type { PrinterPort } from '../devices/printer/port';
import type { Logger } from '../log';
import type { QueueStore } from '../store/queue-store';
import type { TicketJobBuilder } from '../devices/printer/ticket/ticket-job';

/** How long a tap waits for the printer's connection before committing anyway (a LAN round trip is ~1 ms). */
const PREPARE_WAIT_MS = 3;

export interface IssueDeps {
  store: QueueStore;
  printer: PrinterPort;
  /** Renders and encodes the ticket for the configured printer. */
  ticketJob: TicketJobBuilder;
  catalog: () => Catalog;
  log: Logger;
  onTicket: (t: Ticket) => void;
  /** The center's live queue data when the sync client has it (issue 7); the robot's history otherwise. */
  live?: (serviceId: string) => LiveQueueData | undefined;
  /** The ticket's phone status page (the QR on the paper), returned so the screen can show it too. */
  statusUrl?: (t: Ticket) => string;
}

export interface IssueResult {
  ticket: Ticket;
  printed: boolean;
  printError?: ErrorCode;
  /** What the paper says about the wait and the counters, for the screen to say the same. */
  wait: TicketWait;
  whereToGo: string[];
  statusUrl?: string;
}

/**
 * Issues one ticket. The number, the ticket and its `printing` state are committed together
 * (QueueStore.issueForPrinting) before a byte goes to the printer, and the outcome after; a
 * failed print is printed again with the same number or voided, by the catalog's rule. A refusal
 * (closed, lunch, cut-off, numbers used up) is a CodedError carrying the next opening time.
 */
export async function issueTicket(deps: IssueDeps, serviceId: string, language: Language, categoryId?: string): Promise<IssueResult> {
  const service = deps.catalog().services.find((s) => s.id === serviceId);
  if (!service) throw new CodedError('SERVICE_UNKNOWN', serviceId);
  // the printer link opens and its status request leaves before the commit and the render hold
  // this thread, so the printer answers meanwhile; a printer slow to connect is not waited for
  const prepared = deps.printer.prepareLink?.();
  if (prepared) await Promise.race([prepared.asked, new Promise((resolve) => setTimeout(resolve, PREPARE_WAIT_MS))]);
  try {
    return await issueAndPrint(deps, service, language, categoryId);
  } finally {
    prepared?.release(); // no job came (refused, or the store or the render failed): a status check only
  }
}

async function issueAndPrint(deps: IssueDeps, service: Service, language: Language, categoryId?: string): Promise<IssueResult> {
  const serviceId = service.id;
  // the number and its `printing` state in one commit: nothing reaches the printer before it
  const outcome = deps.store.issueForPrinting({ serviceId, language, ...(categoryId ? { categoryId } : {}) }, deps.live?.(serviceId));
  if (!outcome.ok) throw new CodedError(outcome.code, `refused ${serviceId}`, outcome.nextOpeningAt?.toISOString());
  let ticket = outcome.ticket;
  const { peopleAhead, minMinutes, maxMinutes } = outcome.estimate;
  const whereToGo = counterLabelsFor(deps.catalog(), serviceId, language);
  const printedPlace = whereToGoText(deps.catalog(), serviceId);
  const told = { wait: { peopleAhead, minMinutes, maxMinutes }, whereToGo, ...(deps.statusUrl ? { statusUrl: deps.statusUrl(ticket) } : {}) };
  const extras = {
    // the paper says the same figures as the screen, in the same words (core's sayWait)
    wait: told.wait,
    ...(categoryId ? { priority: true } : {}),
    ...(printedPlace ? { whereToGo: printedPlace } : {}),
  };
  deps.log.info({ ticket: ticket.id, display: ticket.display, service: serviceId }, 'ticket issued');
  for (;;) {
    deps.onTicket(ticket);
    try {
      await deps.printer.print(drawJob(deps, ticket, () => deps.ticketJob(ticket, service, extras)));
      ticket = deps.store.markPrinted(ticket.id);
      deps.onTicket(ticket);
      return { ticket, printed: true, ...told };
    } catch (e) {
      const code = printFailureCode(deps.log, ticket, e);
      const failed = deps.store.markPrintFailed(ticket.id, code);
      ticket = failed.ticket;
      deps.log.warn({ ticket: ticket.id, code, next: failed.action }, 'ticket print failed');
      deps.onTicket(ticket);
      if (failed.action === 'void') return { ticket, printed: false, printError: code, ...told };
      ticket = deps.store.markPrinting(ticket.id);
    }
  }
}

/** Drawing the ticket is software, not the printer: its failure gets its own code and an error line. */
function drawJob(deps: IssueDeps, ticket: Ticket, draw: () => Uint8Array): Uint8Array {
  try {
    return draw();
  } catch (e) {
    if (isCodedError(e)) throw e;
    deps.log.error({ ticket: ticket.id, code: 'TICKET_RENDER_FAILED', err: e instanceof Error ? e.name : typeof e, detail: e instanceof Error ? e.message : undefined }, 'ticket could not be drawn');
    throw new CodedError('TICKET_RENDER_FAILED', e instanceof Error ? e.message : String(e));
  }
}

/** The printer port throws coded errors; anything else is a fault of ours, never "printer offline". */
function printFailureCode(log: Logger, ticket: Ticket, e: unknown): ErrorCode {
  if (isCodedError(e)) return e.code;
  log.error({ ticket: ticket.id, code: 'PRINTER_UNEXPECTED_ERROR', err: e instanceof Error ? e.name : typeof e, detail: e instanceof Error ? e.message : undefined }, 'print failed without a code');
  return 'PRINTER_UNEXPECTED_ERROR';
}
