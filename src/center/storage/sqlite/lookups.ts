/** Appointment and dossier look-ups; seeded once with demo data when the tables are empty. */
import type { Appointment, CheckInOutcome, Dossier } from '../../../contract/sync';
import type { CheckInInput } from '../port';
import type { Db } from './open';

export function seedLookups(db: Db, appointments: readonly Appointment[], dossiers: readonly Dossier[]): void {
  db.transaction(() => {
    if ((db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n === 0) {
      const ins = db.prepare('INSERT INTO appointments (code, service_id, day, time, status, masked_name) VALUES (?, ?, ?, ?, ?, ?)');
      for (const a of appointments) ins.run(a.code, a.serviceId, a.day, a.time, a.status, a.maskedName);
    }
    if ((db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n === 0) {
      const ins = db.prepare('INSERT INTO dossiers (code, service_id, status, received_day, due_day, masked_name) VALUES (?, ?, ?, ?, ?, ?)');
      for (const d of dossiers) ins.run(d.code, d.serviceId, d.status, d.receivedDay, d.dueDay, d.maskedName);
    }
  }).immediate();
}

export function findAppointment(db: Db, code: string): Appointment | null {
  const r = db.prepare('SELECT * FROM appointments WHERE code = ?').get(code) as
    | { code: string; service_id: string; day: string; time: string; status: Appointment['status']; masked_name: string }
    | undefined;
  return r ? { code: r.code, serviceId: r.service_id, day: r.day, time: r.time, status: r.status, maskedName: r.masked_name } : null;
}

export function findDossier(db: Db, code: string): Dossier | null {
  const r = db.prepare('SELECT * FROM dossiers WHERE code = ?').get(code) as
    | { code: string; service_id: string; status: Dossier['status']; received_day: string; due_day: string; masked_name: string }
    | undefined;
  return r ? { code: r.code, serviceId: r.service_id, status: r.status, receivedDay: r.received_day, dueDay: r.due_day, maskedName: r.masked_name } : null;
}

/**
 * One transaction: a booked appointment becomes checked-in and the check-in is recorded; the same
 * check-in id again is the same answer (a retry), another id is 'already-checked-in'.
 */
export function checkInAppointment(db: Db, input: CheckInInput): { outcome: CheckInOutcome; appointment: Appointment } | null {
  return db.transaction((): { outcome: CheckInOutcome; appointment: Appointment } | null => {
    const appointment = findAppointment(db, input.code);
    if (!appointment) return null;
    const done = db.prepare('SELECT check_in_id FROM appointment_check_ins WHERE code = ?').get(input.code) as { check_in_id: string } | undefined;
    if (done) return { outcome: done.check_in_id === input.checkInId ? 'checked-in' : 'already-checked-in', appointment };
    if (appointment.status === 'cancelled' || appointment.status === 'missed') return { outcome: appointment.status, appointment };
    if (appointment.status === 'checked-in') return { outcome: 'already-checked-in', appointment };
    db.prepare('INSERT INTO appointment_check_ins (code, check_in_id, robot_id, ticket_id, at_ms) VALUES (?, ?, ?, ?, ?)').run(
      input.code, input.checkInId, input.robotId, input.ticketId ?? null, input.nowMs,
    );
    db.prepare("UPDATE appointments SET status = 'checked-in' WHERE code = ?").run(input.code);
    return { outcome: 'checked-in' as const, appointment: { ...appointment, status: 'checked-in' as const } };
  }).immediate();
}
