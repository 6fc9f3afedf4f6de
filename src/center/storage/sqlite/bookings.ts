/**
 * Bookings made at a robot (issue 18), in plain SQL so a server database ports it line by line.
 * A booking is an ordinary row of `appointments` (check-in, look-up and the signed QR need nothing
 * new), a `bookings` row with its slot and request id, and a `booking_personal_data` row the
 * booking references: the retention job deletes that row and the booking keeps no phone or name.
 */
import type { BookingInput, BookingOutcome, SlotTaken } from '../port';
import type { Db } from './open';
import { bookingAnswer, SELECT_BOOKING, type StoredBooking } from '../rows/bookings';

/** Places held in one slot: every booking of it whose appointment was not cancelled. */
function takenIn(db: Db, counterGroup: string, day: string, time: string): number {
  const row = db
    .prepare(`SELECT count(*) AS n FROM bookings b JOIN appointments a ON a.code = b.code
               WHERE b.counter_group = ? AND b.day = ? AND b.time = ? AND a.status <> 'cancelled'`)
    .get(counterGroup, day, time) as { n: number };
  return row.n;
}

export function bookAppointment(db: Db, i: BookingInput): BookingOutcome {
  // IMMEDIATE: the write lock is taken before the count, so two bookings of the last place serialise
  return db.transaction((): BookingOutcome => {
    const earlier = db.prepare(`${SELECT_BOOKING} WHERE b.robot_id = ? AND b.request_id = ?`).get(i.robotId, i.requestId) as StoredBooking | undefined;
    if (earlier) return bookingAnswer(earlier, true);
    if (!i.open) return { ok: false, code: 'BOOKING_SLOT_UNAVAILABLE' };
    if (takenIn(db, i.counterGroup, i.day, i.time) >= i.placesPerSlot) return { ok: false, code: 'BOOKING_SLOT_FULL' };
    db.prepare("INSERT INTO appointments (code, service_id, day, time, status, masked_name) VALUES (?, ?, ?, ?, 'booked', ?)").run(
      i.code, i.serviceId, i.day, i.time, i.maskedName,
    );
    const personal = db.prepare('INSERT INTO booking_personal_data (phone, name, masked_phone, day) VALUES (?, ?, ?, ?)').run(i.phone, i.name, i.maskedPhone, i.day);
    db.prepare(
      'INSERT INTO bookings (code, robot_id, request_id, counter_group, day, time, language, created_at_ms, personal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(i.code, i.robotId, i.requestId, i.counterGroup, i.day, i.time, i.language, i.nowMs, personal.lastInsertRowid);
    return bookingAnswer(db.prepare(`${SELECT_BOOKING} WHERE b.code = ?`).get(i.code) as StoredBooking, false);
  }).immediate();
}

export function placesTaken(db: Db, counterGroup: string, fromDay: string, toDay: string): SlotTaken[] {
  return db
    .prepare(`SELECT b.day, b.time, count(*) AS taken FROM bookings b JOIN appointments a ON a.code = b.code
               WHERE b.counter_group = ? AND b.day BETWEEN ? AND ? AND a.status <> 'cancelled'
               GROUP BY b.day, b.time ORDER BY b.day, b.time`)
    .all(counterGroup, fromDay, toDay) as SlotTaken[];
}

/**
 * One transaction: the masked name the appointment carried goes too (it is still a name), then
 * the personal rows; the booking and appointment rows stay for the statistics, without a person.
 */
export function purgeBookingPersonalData(db: Db, cutoffDay: string): number {
  return db.transaction((): number => {
    db.prepare(`UPDATE appointments SET masked_name = '' WHERE code IN (
                  SELECT b.code FROM bookings b JOIN booking_personal_data p ON p.id = b.personal_id WHERE p.day <= ?)`).run(cutoffDay);
    return db.prepare('DELETE FROM booking_personal_data WHERE day <= ?').run(cutoffDay).changes;
  }).immediate();
}
