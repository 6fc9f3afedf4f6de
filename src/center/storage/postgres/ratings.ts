/**
 * Ratings on PostgreSQL (the rules are ../sqlite/ratings.ts's). The ticket's row is locked
 * (FOR SHARE) while it is checked, so it cannot leave `served` under the rating; the primary key
 * and ON CONFLICT DO NOTHING make "once" hold for two ratings sent at the same moment.
 */
import type { Pool } from 'pg';
import type { RateInput, RateOutcome, StoredRating } from '../port';
import { direct, tx, type Tx } from './tx';
import { type RatingRow, ratingFromRow } from '../rows/ratings';

export async function ratingOf(t: Pick<Tx, 'one'>, ticketId: string): Promise<StoredRating | null> {
  const row = await t.one<RatingRow>('SELECT * FROM ratings WHERE ticket_id = $1', [ticketId]);
  return row ? ratingFromRow(row) : null;
}

export function rateTicket(pool: Pool, input: RateInput): Promise<RateOutcome> {
  return tx(pool, async (t): Promise<RateOutcome> => {
    const tk = await t.one<{ status: string; counter_id: string | null; service_id: string; day: string; served_by_session: string | null }>(
      'SELECT status, counter_id, service_id, day, served_by_session FROM tickets WHERE ticket_id = $1 FOR SHARE', [input.ticketId],
    );
    if (!tk) return { ok: false, code: 'CENTER_NOT_FOUND' };
    if (tk.status !== 'served' || (input.counterId !== undefined && tk.counter_id !== input.counterId)) return { ok: false, code: 'RATING_TICKET_NOT_COMPLETED' };
    const stored = await t.run(
      `INSERT INTO ratings (ticket_id, score, reasons, comment, source, counter_id, service_id, staff_session, day, created_at_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (ticket_id) DO NOTHING`,
      [input.ticketId, input.score, JSON.stringify(input.reasons), input.comment, input.source, tk.counter_id, tk.service_id, tk.served_by_session, tk.day, input.nowMs],
    );
    if (stored) return { ok: true };
    return { ok: false, code: 'RATING_ALREADY_GIVEN', existing: (await ratingOf(t, input.ticketId))! };
  });
}

export const ratingOfIn = (pool: Pool, ticketId: string): Promise<StoredRating | null> => ratingOf(direct(pool), ticketId);
