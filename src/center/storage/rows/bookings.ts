/**
 * A booking as both adapters read it back (the same join), and the answer made of it.
 */
import type { Appointment } from '../../../contract/sync';
import type { BookingOutcome } from '../port';

export interface StoredBooking {
  code: string;
  counter_group: string;
  service_id: string;
  day: string;
  time: string;
  status: Appointment['status'];
  masked_name: string;
  masked_phone: string | null;
}

export const SELECT_BOOKING = `
  SELECT b.code, b.counter_group, a.service_id, a.day, a.time, a.status, a.masked_name, p.masked_phone
    FROM bookings b
    JOIN appointments a ON a.code = b.code
    LEFT JOIN booking_personal_data p ON p.id = b.personal_id`;

export function bookingAnswer(r: StoredBooking, replay: boolean): BookingOutcome {
  const appointment: Appointment = { code: r.code, serviceId: r.service_id, day: r.day, time: r.time, status: r.status, maskedName: r.masked_name };
  return { ok: true, appointment, counterGroup: r.counter_group, maskedPhone: r.masked_phone ?? '', replay };
}
