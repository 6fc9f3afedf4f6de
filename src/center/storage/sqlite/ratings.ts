/**
 * Satisfaction ratings: one row per served ticket (the primary key makes "once" a fact of the
 * database, not of a check that a second request could race). The row copies what the statistics
 * group by — counter, service, day, the staff session that completed the ticket — so they never
 * depend on the ticket changing later.
 */
import type { RateInput, RateOutcome, StoredRating } from '../port';
import type { Db } from './open';
import { type RatingRow, ratingFromRow } from '../rows/ratings';

export function ratingOf(db: Db, ticketId: string): StoredRating | null {
  const row = db.prepare('SELECT * FROM ratings WHERE ticket_id = ?').get(ticketId) as RatingRow | undefined;
  return row ? ratingFromRow(row) : null;
}

export function rateTicket(db: Db, input: RateInput): RateOutcome {
  return db.transaction((): RateOutcome => {
    const t = db.prepare('SELECT status, counter_id, service_id, day, served_by_session FROM tickets WHERE ticket_id = ?').get(input.ticketId) as
      | { status: string; counter_id: string | null; service_id: string; day: string; served_by_session: string | null }
      | undefined;
    if (!t) return { ok: false, code: 'CENTER_NOT_FOUND' };
    if (t.status !== 'served' || (input.counterId !== undefined && t.counter_id !== input.counterId)) return { ok: false, code: 'RATING_TICKET_NOT_COMPLETED' };
    const existing = ratingOf(db, input.ticketId);
    if (existing) return { ok: false, code: 'RATING_ALREADY_GIVEN', existing };
    db.prepare(
      `INSERT INTO ratings (ticket_id, score, reasons, comment, source, counter_id, service_id, staff_session, day, created_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.ticketId, input.score, JSON.stringify(input.reasons), input.comment, input.source, t.counter_id, t.service_id, t.served_by_session, t.day, input.nowMs);
    return { ok: true };
  }).immediate();
}
