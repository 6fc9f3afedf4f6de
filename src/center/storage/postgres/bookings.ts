/**
 * Bookings on PostgreSQL (the rules are ../sqlite/bookings.ts's). Two transaction-level advisory
 * locks, always in this order: the request (robot, request id), so a repeat waits for its twin
 * and answers what it made; then the slot (group, day, time), so two bookings of the last place
 * count one after the other. READ COMMITTED re-reads after each lock, so the count is current.
 */
import type { Pool } from 'pg';
import type { BookingInput, BookingOutcome, SlotTaken } from '../port';
import { direct, LOCK, tx, type Tx } from './tx';
import { bookingAnswer, SELECT_BOOKING, type StoredBooking } from '../rows/bookings';

async function takenIn(t: Tx, counterGroup: string, day: string, time: string): Promise<number> {
  const row = await t.one<{ n: number }>(
    `SELECT count(*) AS n FROM bookings b JOIN appointments a ON a.code = b.code
      WHERE b.counter_group = $1 AND b.day = $2 AND b.time = $3 AND a.status <> 'cancelled'`,
    [counterGroup, day, time],
  );
  return row!.n;
}

export function bookAppointment(pool: Pool, i: BookingInput): Promise<BookingOutcome> {
  return tx(pool, async (t): Promise<BookingOutcome> => {
    await t.run('SELECT pg_advisory_xact_lock($1, hashtext(current_schema() || $2))', [LOCK.bookingRequest, `|${i.robotId}|${i.requestId}`]);
    const earlier = await t.one<StoredBooking>(`${SELECT_BOOKING} WHERE b.robot_id = $1 AND b.request_id = $2`, [i.robotId, i.requestId]);
    if (earlier) return bookingAnswer(earlier, true);
    if (!i.open) return { ok: false, code: 'BOOKING_SLOT_UNAVAILABLE' };
    await t.run('SELECT pg_advisory_xact_lock($1, hashtext(current_schema() || $2))', [LOCK.bookingSlot, `|${i.counterGroup}|${i.day}|${i.time}`]);
    if ((await takenIn(t, i.counterGroup, i.day, i.time)) >= i.placesPerSlot) return { ok: false, code: 'BOOKING_SLOT_FULL' };
    await t.run("INSERT INTO appointments (code, service_id, day, time, status, masked_name) VALUES ($1, $2, $3, $4, 'booked', $5)", [i.code, i.serviceId, i.day, i.time, i.maskedName]);
    const personal = await t.one<{ id: number }>('INSERT INTO booking_personal_data (phone, name, masked_phone, day) VALUES ($1, $2, $3, $4) RETURNING id', [i.phone, i.name, i.maskedPhone, i.day]);
    await t.run(
      'INSERT INTO bookings (code, robot_id, request_id, counter_group, day, time, language, created_at_ms, personal_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [i.code, i.robotId, i.requestId, i.counterGroup, i.day, i.time, i.language, i.nowMs, personal!.id],
    );
    return bookingAnswer((await t.one<StoredBooking>(`${SELECT_BOOKING} WHERE b.code = $1`, [i.code]))!, false);
  });
}

export function placesTaken(pool: Pool, counterGroup: string, fromDay: string, toDay: string): Promise<SlotTaken[]> {
  return direct(pool).all<SlotTaken>(
    `SELECT b.day, b.time, count(*) AS taken FROM bookings b JOIN appointments a ON a.code = b.code
      WHERE b.counter_group = $1 AND b.day BETWEEN $2 AND $3 AND a.status <> 'cancelled'
      GROUP BY b.day, b.time ORDER BY b.day, b.time`,
    [counterGroup, fromDay, toDay],
  );
}

/** The masked name the appointment carried goes too (it is still a name), then the personal rows. */
export function purgeBookingPersonalData(pool: Pool, cutoffDay: string): Promise<number> {
  return tx(pool, async (t) => {
    await t.run(
      `UPDATE appointments SET masked_name = '' WHERE code IN (
         SELECT b.code FROM bookings b JOIN booking_personal_data p ON p.id = b.personal_id WHERE p.day <= $1)`,
      [cutoffDay],
    );
    return t.run('DELETE FROM booking_personal_data WHERE day <= $1', [cutoffDay]);
  });
}
