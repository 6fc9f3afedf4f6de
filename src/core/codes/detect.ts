/**
 * One entry for every scanned or typed code: bounds and cleans the text, then hands it to the
 * one parser whose format it has. Formats are told apart by unambiguous markers (signed-code
 * prefix, URL origin), so a text is never parsed as two things.
 */
import type { ParsedCode } from '../../contract';
import { isAppointmentCandidate, parseAppointmentCode, type SignedCodeContext } from './appointment-code';
import { isBadgeCandidate, parseBadgeCode } from './badge-code';
import { isPortalHost, parseHttpUrl, parsePortalLinkUrl } from './portal-link';
import { parseDossierOrReceipt } from './receipt';
import { failure, type CodeResult } from './result';
import { cleanScanText } from './scan-text';
import { parseTicketUrl } from './ticket-qr';

export interface DetectContext extends SignedCodeContext {
  /** Base URL of the center's ticket-status page; without it, ticket QRs are not recognised. */
  ticketBaseUrl?: string;
}

export function detectCode(raw: string, ctx: DetectContext): CodeResult<ParsedCode> {
  const clean = cleanScanText(raw);
  if (!clean.ok) return clean;
  const text = clean.value;

  if (isAppointmentCandidate(text)) return parseAppointmentCode(text, ctx);
  if (isBadgeCandidate(text)) return parseBadgeCode(text, ctx);

  const url = parseHttpUrl(text);
  if (url) {
    const ticket = ctx.ticketBaseUrl ? parseTicketUrl(url, ctx.ticketBaseUrl) : undefined;
    if (ticket) return ticket;
    if (isPortalHost(url.hostname)) return parsePortalLinkUrl(url, ctx);
  }
  const dossier = parseDossierOrReceipt(text, ctx);
  if (dossier.ok || dossier.code !== 'SCAN_UNKNOWN_FORMAT') return dossier;
  return failure('SCAN_UNKNOWN_FORMAT', url ? 'a link of no known kind' : 'text of no known kind');
}
