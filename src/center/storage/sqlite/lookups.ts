/** Appointment and dossier look-ups; seeded once with demo data when the tables are empty. */
import type { Appointment, Dossier } from '../../../contract/sync';
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
