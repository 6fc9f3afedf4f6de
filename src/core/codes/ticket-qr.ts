/**
 * Our own ticket QR: the URL of the center's phone ticket-status page,
 *     <ticketBaseUrl>/t/<ticket uuid>        e.g. http://10.0.0.5:8080/t/0b6c...
 * The base URL is configuration (the center's LAN address). A link to the same origin and
 * base path under /t/ that does not carry a ticket id is refused, not passed on as unknown.
 */
import type { ParsedCodeOf } from '../../contract';
import { parseHttpUrl } from './portal-link';
import { failure, success, type CodeResult } from './result';
import { cleanScanText } from './scan-text';

/** RFC 9562 UUID (version 1-8, variant 10xx), what the store issues as ticket ids. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function basePath(base: URL): string {
  return base.pathname.replace(/\/+$/, '');
}

/** What the printer puts in the ticket's QR. */
export function ticketStatusUrl(ticketBaseUrl: string, ticketId: string): string {
  const base = new URL(ticketBaseUrl);
  return `${base.origin}${basePath(base)}/t/${ticketId.toLowerCase()}`;
}

/** Undefined when the URL is not under our ticket page at all (another format may claim it). */
export function parseTicketUrl(url: URL, ticketBaseUrl: string): CodeResult<ParsedCodeOf<'ticket'>> | undefined {
  const base = parseHttpUrl(ticketBaseUrl);
  if (!base || url.origin !== base.origin) return undefined;
  const prefix = `${basePath(base)}/t/`;
  if (!url.pathname.startsWith(prefix)) return undefined;
  const id = url.pathname.slice(prefix.length).replace(/\/$/, '');
  if (!UUID.test(id)) return failure('TICKET_QR_INVALID', 'ticket link without a valid ticket id');
  return success({ format: 'ticket', ticketId: id.toLowerCase() });
}

export function parseTicketQr(raw: string, ticketBaseUrl: string): CodeResult<ParsedCodeOf<'ticket'>> {
  const clean = cleanScanText(raw);
  if (!clean.ok) return clean;
  const url = parseHttpUrl(clean.value);
  const r = url ? parseTicketUrl(url, ticketBaseUrl) : undefined;
  return r ?? failure('SCAN_UNKNOWN_FORMAT', 'not a ticket link of this center');
}
