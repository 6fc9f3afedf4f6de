/** What the sync client needs of the appointment check-ins queued while the center was unreachable. */
export interface PendingCheckIn {
  appointmentId: string;
  checkInId: string;
  ticketId: string | null;
  /** ISO time of the check-in on the robot's clock. */
  at: string;
}

export interface CheckInOutboxPort {
  pendingCheckIns(limit: number): PendingCheckIn[];
  /** The center answered (its outcome, or 'not-found'): the entry leaves the outbox. */
  checkInSent(checkInId: string, outcome: string): void;
}
