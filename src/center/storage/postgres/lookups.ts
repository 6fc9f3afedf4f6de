/** Appointment and dossier look-ups on PostgreSQL (the rules are ../sqlite/lookups.ts's). */
import type { Pool } from 'pg';
import type { Appointment, CheckInOutcome, Dossier } from '../../../contract/sync';
import type { CheckInInput } from '../port';
import { direct, LOCK, tx, type Tx } from './tx';

/** Seeds each table once, when empty; the lock keeps two instances starting together from both seeding. */
export function seedLookups(pool: Pool, appointments: readonly Appointment[], dossiers: readonly Dossier[]): Promise<void> {
  return tx(pool, async (t) => {
    await t.run('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [LOCK.seed]);
    if ((await t.one<{ n: number }>('SELECT count(*) AS n FROM appointments'))!.n === 0) {
      for (const a of appointments) {
        await t.run('INSERT INTO appointments (code, service_id, day, time, status, masked_name) VALUES ($1, $2, $3, $4, $5, $6)', [a.code, a.serviceId, a.day, a.time, a.status, a.maskedName]);
      }
    }
    if ((await t.one<{ n: number }>('SELECT count(*) AS n FROM dossiers'))!.n === 0) {
      for (const d of dossiers) {
        await t.run('INSERT INTO dossiers (code, service_id, status, received_day, due_day, masked_name) VALUES ($1, $2, $3, $4, $5, $6)', [
          d.code, d.serviceId, d.status, d.receivedDay, d.dueDay, d.maskedName,
        ]);
      }
    }
  });
}

type AppointmentRow = { code: string; service_id: string; day: string; time: string; status: Appointment['status']; masked_name: string };
const toAppointment = (r: AppointmentRow): Appointment => ({ code: r.code, serviceId: r.service_id, day: r.day, time: r.time, status: r.status, maskedName: r.masked_name });

export async function findAppointment(t: Pick<Tx, 'one'>, code: string, lock = false): Promise<Appointment | null> {
  const r = await t.one<AppointmentRow>(`SELECT * FROM appointments WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [code]);
  return r ? toAppointment(r) : null;
}

export async function findDossier(pool: Pool, code: string): Promise<Dossier | null> {
  const r = await direct(pool).one<{ code: string; service_id: string; status: Dossier['status']; received_day: string; due_day: string; masked_name: string }>(
    'SELECT * FROM dossiers WHERE code = $1', [code],
  );
  return r ? { code: r.code, serviceId: r.service_id, status: r.status, receivedDay: r.received_day, dueDay: r.due_day, maskedName: r.masked_name } : null;
}

/** The appointment's row is locked first: two robots checking one code in take turns. */
export function checkInAppointment(pool: Pool, input: CheckInInput): Promise<{ outcome: CheckInOutcome; appointment: Appointment } | null> {
  return tx(pool, async (t): Promise<{ outcome: CheckInOutcome; appointment: Appointment } | null> => {
    const appointment = await findAppointment(t, input.code, true);
    if (!appointment) return null;
    const done = await t.one<{ check_in_id: string }>('SELECT check_in_id FROM appointment_check_ins WHERE code = $1', [input.code]);
    if (done) return { outcome: done.check_in_id === input.checkInId ? 'checked-in' : 'already-checked-in', appointment };
    if (appointment.status === 'cancelled' || appointment.status === 'missed') return { outcome: appointment.status, appointment };
    if (appointment.status === 'checked-in') return { outcome: 'already-checked-in', appointment };
    await t.run('INSERT INTO appointment_check_ins (code, check_in_id, robot_id, ticket_id, at_ms) VALUES ($1, $2, $3, $4, $5)', [
      input.code, input.checkInId, input.robotId, input.ticketId ?? null, input.nowMs,
    ]);
    await t.run("UPDATE appointments SET status = 'checked-in' WHERE code = $1", [input.code]);
    return { outcome: 'checked-in', appointment: { ...appointment, status: 'checked-in' } };
  });
}
