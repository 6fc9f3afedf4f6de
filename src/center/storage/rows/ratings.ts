/**
 * A rating row as both adapters read it.
 */
import type { RatingScore } from '../../../contract/sync';
import type { RatingReason, RatingSourceName, StoredRating } from '../port';

export interface RatingRow {
  ticket_id: string;
  score: RatingScore;
  reasons: string;
  comment: string | null;
  source: RatingSourceName;
  counter_id: string | null;
  service_id: string;
  staff_session: string | null;
  day: string;
  created_at_ms: number;
}

export function ratingFromRow(r: RatingRow): StoredRating {
  return {
    ticketId: r.ticket_id, score: r.score, reasons: JSON.parse(r.reasons) as RatingReason[], comment: r.comment, source: r.source,
    counterId: r.counter_id, serviceId: r.service_id, staffSession: r.staff_session, day: r.day, createdAtMs: r.created_at_ms,
  };
}

