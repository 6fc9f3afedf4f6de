/**
 * The robot's own record of the appointments it checked in, in the robot's SQLite file: it answers
 * "already checked in" on this robot even offline, and it is the outbox of check-ins the center
 * has not acknowledged yet (sent by the sync client, idempotent by check-in id).
 */
import type { CheckInOutboxPort, PendingCheckIn } from '../sync/check-in-outbox-port';
import { stmt, type Db } from './database';
import type { WriteTransaction } from './store-errors';

export interface CheckInRecord extends PendingCheckIn {
  /** null while the center has not answered. */
  centerOutcome: string | null;
}

export class CheckInLog implements CheckInOutboxPort {
  /** The table is made by the store's migrations (version 3). */
  constructor(
    private readonly db: Db,
    private readonly write: WriteTransaction,
  ) {
    // a claim without a ticket is from a process that stopped while issuing it: let the citizen
    // scan again rather than be turned away (at worst a second ticket)
    write(() => stmt(db, 'DELETE FROM appointment_check_ins WHERE ticket_id IS NULL AND center_outcome IS NULL').run());
  }

  find(appointmentId: string): CheckInRecord | undefined {
    const r = stmt(this.db, 'SELECT * FROM appointment_check_ins WHERE appointment_id = ?').get(appointmentId) as Row | undefined;
    return r && toRecord(r);
  }

  /**
   * Claims the appointment before its ticket is issued and printed: one statement, so of two
   * scans of the same code at once exactly one gets true. The ticket is attached once stored.
   */
  claim(entry: Omit<PendingCheckIn, 'ticketId'>): boolean {
    const sql = 'INSERT INTO appointment_check_ins (appointment_id, check_in_id, ticket_id, at, center_outcome) VALUES (?, ?, NULL, ?, NULL) ON CONFLICT DO NOTHING';
    const r = this.write(() => stmt(this.db, sql).run(entry.appointmentId, entry.checkInId, entry.at));
    return r.changes === 1;
  }

  /** The claim got its ticket: from now on it is a check-in for the center (the outbox sends it). */
  attachTicket(checkInId: string, ticketId: string): void {
    this.write(() => stmt(this.db, 'UPDATE appointment_check_ins SET ticket_id = ? WHERE check_in_id = ?').run(ticketId, checkInId));
  }

  /** No ticket came of the claim (refused, or voided unprinted): the citizen may try again. */
  release(checkInId: string): void {
    this.write(() => stmt(this.db, 'DELETE FROM appointment_check_ins WHERE check_in_id = ? AND center_outcome IS NULL').run(checkInId));
  }

  pendingCheckIns(limit: number): PendingCheckIn[] {
    const rows = stmt(this.db, 'SELECT * FROM appointment_check_ins WHERE center_outcome IS NULL AND ticket_id IS NOT NULL ORDER BY at LIMIT ?').all(limit) as Row[];
    return rows.map(toRecord);
  }

  pendingCount(): number {
    return (stmt(this.db, 'SELECT count(*) AS n FROM appointment_check_ins WHERE center_outcome IS NULL AND ticket_id IS NOT NULL').get() as { n: number }).n;
  }

  checkInSent(checkInId: string, outcome: string): void {
    this.write(() => stmt(this.db, 'UPDATE appointment_check_ins SET center_outcome = ? WHERE check_in_id = ?').run(outcome.slice(0, 40), checkInId));
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
