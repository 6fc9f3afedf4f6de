/**
 * Delivers the ratings the robot took while cut off (RatingOutbox) to POST /v1/robot/ratings/:id,
 * one request each (a lobby rates a few tickets an hour). An answer for the ticket — stored, the
 * same rating already there, or a refusal that will not change (not served, rated already,
 * unknown, malformed) — removes it; a network failure stops the pass and keeps the rest.
 */
import { isCodedError, type ErrorCode } from '../../contract/error-codes';
import { RatingResponse, type RatingRequest } from '../../contract/sync';
import type { CenterHttp } from './center-http';
import type { DrainLog } from './robot-events-drain';

/** Per pass: the rest goes next pass. */
const MAX_PER_PASS = 20;
const FINAL = new Set<ErrorCode>(['RATING_TICKET_NOT_COMPLETED', 'RATING_ALREADY_GIVEN', 'CENTER_NOT_FOUND', 'CENTER_INVALID_REQUEST']);

export interface RatingsPort {
  pending(max: number): readonly { ticketId: string; rating: RatingRequest }[];
  ack(ticketIds: readonly string[]): unknown;
  onRating?(listener: () => void): () => void;
}

export async function drainRatings(port: RatingsPort, deps: { http: CenterHttp; token: string; log: DrainLog }): Promise<number> {
  let done = 0;
  for (const item of port.pending(MAX_PER_PASS)) {
    try {
      await deps.http.request('POST', `/v1/robot/ratings/${encodeURIComponent(item.ticketId)}`, RatingResponse, { body: item.rating, token: deps.token });
    } catch (e) {
      if (!isCodedError(e) || !FINAL.has(e.code)) throw e;
      deps.log.warn({ code: e.code }, 'center refused a rating taken offline; dropped');
    }
    port.ack([item.ticketId]);
    done += 1;
  }
  return done;
}
