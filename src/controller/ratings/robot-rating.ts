/**
 * Rating at the robot (issue 18): a visitor scans their ticket's QR and rates the service. The
 * robot reads the QR with its own ticket base URL (a link to another center is not ours), then
 * asks the center: only the center knows whether the ticket was served and not rated yet, and it
 * keeps the one rating per ticket. When the center cannot be reached the robot still takes the
 * rating and keeps it in its store's outbox (RatingOutbox); the center decides when it gets it (a
 * ticket never served is refused then, and the rating dropped). A robot with no center at all
 * answers RATING_NEEDS_CENTER.
 */
import { CodedError, isCodedError, type ErrorCode } from '../../contract';
import type { RatingTicket } from '../../contract/rating';
import type { RatingRequest, TicketStatus } from '../../contract/sync';
import { parseTicketQr } from '../../core/codes/ticket-qr';
import type { Logger } from '../log';
import type { RatingOutbox } from './rating-outbox';

export interface RatingCenter {
  ticketStatus(ticketId: string): Promise<TicketStatus>;
  rateTicket(ticketId: string, rating: RatingRequest): Promise<void>;
}

export interface RatingDeps {
  center: RatingCenter | null;
  /** Where this robot's tickets' QRs point: codes.ticketBaseUrl, else the printed status URL's base. */
  ticketBaseUrl: string;
  /** Where ratings wait while the center cannot be reached. */
  outbox: Pick<RatingOutbox, 'add'>;
  /** A ticket this robot issued: its number, shown while the center cannot be asked. */
  displayOf: (ticketId: string) => string | undefined;
  nowMs: () => number;
  log: Logger;
}

/** The base of the printed ticket QR: the template up to its /t/ path (http://center:8720/t/{id}?lang={lang}). */
export function ticketBaseOf(statusUrlTemplate: string): string {
  const at = statusUrlTemplate.indexOf('/t/{id}');
  return at > 0 ? statusUrlTemplate.slice(0, at) : new URL(statusUrlTemplate.replace(/\{[a-z]+\}/g, 'x')).origin;
}

/** What the center answers that the visitor can act on; anything else means it could not be asked. */
const PASSED_ON = new Set<ErrorCode>(['RATING_TICKET_NOT_COMPLETED', 'RATING_ALREADY_GIVEN']);

/** The center's answer as the visitor's error, or null when the center could not be asked. */
function refusal(deps: RatingDeps, e: unknown): CodedError | null {
  const code = isCodedError(e) ? e.code : 'SYNC_CENTER_UNREACHABLE';
  if (PASSED_ON.has(code)) return new CodedError(code, 'refused by the center');
  if (code === 'CENTER_NOT_FOUND') return new CodedError('TICKET_QR_INVALID', 'ticket unknown to the center');
  deps.log.warn({ code }, 'rating: center not reachable; the rating will wait in the outbox');
  return null;
}

export async function openRating(deps: RatingDeps, text: string): Promise<RatingTicket> {
  const parsed = parseTicketQr(text, deps.ticketBaseUrl);
  if (!parsed.ok) throw new CodedError(parsed.code === 'SCAN_UNKNOWN_FORMAT' ? 'TICKET_QR_INVALID' : parsed.code, parsed.detail);
  if (!deps.center) throw new CodedError('RATING_NEEDS_CENTER', 'no center configured');
  const ticketId = parsed.value.ticketId;
  let status: TicketStatus;
  try {
    status = await deps.center.ticketStatus(ticketId);
  } catch (e) {
    const refused = refusal(deps, e);
    if (refused) throw refused;
    return { ticketId, display: deps.displayOf(ticketId) ?? '' };
  }
  if (status.status !== 'served') throw new CodedError('RATING_TICKET_NOT_COMPLETED', `ticket ${status.status}`);
  if (status.rated) throw new CodedError('RATING_ALREADY_GIVEN', 'rated before');
  return { ticketId, display: status.display, ...(status.language ? { language: status.language } : {}) };
}

export async function sendRating(deps: RatingDeps, ticketId: string, rating: RatingRequest): Promise<{ rated: true }> {
  if (!deps.center) throw new CodedError('RATING_NEEDS_CENTER', 'no center configured');
  try {
    await deps.center.rateTicket(ticketId, rating);
  } catch (e) {
    const refused = refusal(deps, e);
    if (refused) throw refused;
    deps.outbox.add({ ticketId, rating }, deps.nowMs());
  }
  deps.log.info({ score: rating.score }, 'ticket rated at the robot');
  return { rated: true };
}
