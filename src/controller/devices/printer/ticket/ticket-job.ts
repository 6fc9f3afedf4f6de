/**
 * From a stored ticket to the bytes of its print job, with the settings of the configured printer.
 * This is what the queue calls; the layout is render-ticket.ts, the bytes encode-ticket.ts.
 */
import type { Catalog, LocalizedText, Service, Ticket } from '../../../../contract';
import type { PrinterConfig } from '../../../config/schema';
import { printerProfile } from '../profiles';
import { encodeTicketJob } from './encode-ticket';
import { renderTicket, type TicketContent } from './render-ticket';

type ConfiguredPrinter = Exclude<PrinterConfig, { adapter: 'none' }>;

/** Optional lines the queue may know (people ahead, wait, counter, priority). */
export type TicketExtras = Pick<TicketContent, 'priority' | 'wait' | 'whereToGo'>;

/** {lang} lets the phone page open in the ticket's language (issue 9: the session language drives the ticket). */
export function ticketStatusUrl(template: string, ticket: Pick<Ticket, 'id' | 'display' | 'day'> & Partial<Pick<Ticket, 'language'>>): string {
  return template
    .replaceAll('{lang}', encodeURIComponent(ticket.language ?? ''))
    .replaceAll('{id}', encodeURIComponent(ticket.id))
    .replaceAll('{display}', encodeURIComponent(ticket.display))
    .replaceAll('{day}', encodeURIComponent(ticket.day));
}

export function ticketContent(ticket: Ticket, service: Service, centerName: LocalizedText, statusUrlTemplate: string, extras: TicketExtras = {}): TicketContent {
  return {
    language: ticket.language,
    centerName,
    display: ticket.display,
    serviceName: service.name,
    issuedAt: new Date(ticket.issuedAt),
    statusUrl: ticketStatusUrl(statusUrlTemplate, ticket),
    ...extras,
  };
}

export type TicketJobBuilder = (ticket: Ticket, service: Service, extras?: TicketExtras) => Uint8Array;

/** The job builder for one printer config; the `none` printer gets Epson defaults (jobs are refused anyway). */
export function ticketJobBuilder(printer: PrinterConfig, catalog: () => Catalog, statusUrlTemplate: string): TicketJobBuilder {
  const settings: Pick<ConfiguredPrinter, 'profile' | 'widthDots' | 'density' | 'cut' | 'qr'> =
    printer.adapter === 'none' ? { profile: 'epson-tm-t20', cut: 'partial', qr: 'raster' } : printer;
  const profile = printerProfile(settings.profile);
  // refuse at start-up what would fail every ticket later
  if (settings.qr === 'epson' && !profile.epsonQr) throw new Error(`printer.qr "epson": ${profile.name} has no GS ( k QR; use "raster"`);
  return (ticket, service, extras) => {
    const drawing = renderTicket(ticketContent(ticket, service, catalog().centerName, statusUrlTemplate, extras), settings.widthDots ?? profile.widthDots);
    return encodeTicketJob(drawing, profile, { qr: settings.qr, cut: settings.cut, density: settings.density });
  };
}
