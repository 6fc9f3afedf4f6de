/**
 * The robot's own record of the appointments it checked in, in the robot's SQLite file: it answers
 * "already checked in" on this robot even offline, and it is the outbox of check-ins the center
 * has not acknowledged yet (sent by the sync client, idempotent by check-in id).
 */
import type Database from 'better-sqlite3';
import type { CheckInOutboxPort, PendingCheckIn } from '../sync/check-in-outbox-port';

export interface CheckInRecord extends PendingCheckIn {
  /** null while the center has not answered. */
  centerOutcome: string | null;
}

export class CheckInLog implements CheckInOutboxPort {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS appointment_check_ins (
      appointment_id TEXT PRIMARY KEY,
      check_in_id TEXT NOT NULL UNIQUE,
      ticket_id TEXT,
      at TEXT NOT NULL,
      center_outcome TEXT
    )`);
  }

  find(appointmentId: string): CheckInRecord | undefined {
    const r = this.db.prepare('SELECT * FROM appointment_check_ins WHERE appointment_id = ?').get(appointmentId) as Row | undefined;
    return r && toRecord(r);
  }

  /** Written in the same breath as the ticket: a crash after this still sends it to the center. */
  record(entry: PendingCheckIn): void {
    this.db.prepare('INSERT INTO appointment_check_ins (appointment_id, check_in_id, ticket_id, at, center_outcome) VALUES (?, ?, ?, ?, NULL)').run(
      entry.appointmentId, entry.checkInId, entry.ticketId, entry.at,
    );
  }

  pendingCheckIns(limit: number): PendingCheckIn[] {
    const rows = this.db.prepare('SELECT * FROM appointment_check_ins WHERE center_outcome IS NULL ORDER BY at LIMIT ?').all(limit) as Row[];
    return rows.map(toRecord);
  }

  pendingCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM appointment_check_ins WHERE center_outcome IS NULL').get() as { n: number }).n;
  }

  checkInSent(checkInId: string, outcome: string): void {
    this.db.prepare('UPDATE appointment_check_ins SET center_outcome = ? WHERE check_in_id = ?').run(outcome.slice(0, 40), checkInId);
  }
}

interface Row {
  appointment_id: string;
  check_in_id: string;
  ticket_id: string | null;
  at: string;
  center_outcome: string | null;
}

function toRecord(r: Row): CheckInRecord {
  return { appointmentId: r.appointment_id, checkInId: r.check_in_id, ticketId: r.ticket_id, at: r.at, centerOutcome: r.center_outcome };
}
