/**
 * Rating at the robot (issue 18): a visitor scans their ticket's QR and rates the service. The
 * robot reads the QR with its own ticket base URL (a link to another center is not ours), then
 * asks the center: only the center knows whether the ticket was served and not rated yet, and it
 * keeps the one rating per ticket. Without the center the answer is RATING_NEEDS_CENTER (the phone
 * page and the counter's tablet take the rating meanwhile); a rating is never guessed offline.
 */
import { CodedError, isCodedError, type ErrorCode } from '../../contract';
import type { RatingTicket } from '../../contract/rating';
import type { RatingRequest, TicketStatus } from '../../contract/sync';
import { parseTicketQr } from '../../core/codes/ticket-qr';
import type { Logger } from '../log';

export interface RatingCenter {
  ticketStatus(ticketId: string): Promise<TicketStatus>;
  rateTicket(ticketId: string, rating: RatingRequest): Promise<void>;
}

export interface RatingDeps {
  center: RatingCenter | null;
  /** Where this robot's tickets' QRs point: codes.ticketBaseUrl, else the printed status URL's base. */
  ticketBaseUrl: string;
  log: Logger;
}

/** The base of the printed ticket QR: the template up to its /t/ path (http://center:8720/t/{id}?lang={lang}). */
export function ticketBaseOf(statusUrlTemplate: string): string {
  const at = statusUrlTemplate.indexOf('/t/{id}');
  return at > 0 ? statusUrlTemplate.slice(0, at) : new URL(statusUrlTemplate.replace(/\{[a-z]+\}/g, 'x')).origin;
}

/** What the center answers that the visitor can act on; anything else means it could not be asked. */
const PASSED_ON = new Set<ErrorCode>(['RATING_TICKET_NOT_COMPLETED', 'RATING_ALREADY_GIVEN']);

function offline(deps: RatingDeps, e: unknown): CodedError {
  const code = isCodedError(e) ? e.code : 'SYNC_CENTER_UNREACHABLE';
  if (PASSED_ON.has(code)) return new CodedError(code, 'refused by the center');
  if (code === 'CENTER_NOT_FOUND') return new CodedError('TICKET_QR_INVALID', 'ticket unknown to the center');
  deps.log.warn({ code }, 'rating: center not reachable');
  return new CodedError('RATING_NEEDS_CENTER', 'center not reachable');
}

export async function openRating(deps: RatingDeps, text: string): Promise<RatingTicket> {
  const parsed = parseTicketQr(text, deps.ticketBaseUrl);
  if (!parsed.ok) throw new CodedError(parsed.code === 'SCAN_UNKNOWN_FORMAT' ? 'TICKET_QR_INVALID' : parsed.code, parsed.detail);
  if (!deps.center) throw new CodedError('RATING_NEEDS_CENTER', 'no center configured');
  let status: TicketStatus;
  try {
    status = await deps.center.ticketStatus(parsed.value.ticketId);
  } catch (e) {
    throw offline(deps, e);
  }
  if (status.status !== 'served') throw new CodedError('RATING_TICKET_NOT_COMPLETED', `ticket ${status.status}`);
  if (status.rated) throw new CodedError('RATING_ALREADY_GIVEN', 'rated before');
  return { ticketId: parsed.value.ticketId, display: status.display, ...(status.language ? { language: status.language } : {}) };
}

export async function sendRating(deps: RatingDeps, ticketId: string, rating: RatingRequest): Promise<{ rated: true }> {
  if (!deps.center) throw new CodedError('RATING_NEEDS_CENTER', 'no center configured');
  try {
    await deps.center.rateTicket(ticketId, rating);
  } catch (e) {
    throw offline(deps, e);
  }
  deps.log.info({ score: rating.score }, 'ticket rated at the robot');
  return { rated: true };
}
