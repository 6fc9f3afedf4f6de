/**
 * Staff call rows and the per-item answers of robot-event batches, shared by both adapters.
 */
import type { CenterStaffCall, RobotEventResult } from '../../../contract/sync';
import type { InvalidItem } from '../port';

export interface StaffCallRow {
  call_id: string;
  robot_id: string;
  reason: string;
  language: string;
  ticket_display: string | null;
  called_at_ms: number;
  received_at_ms: number;
  acknowledged_at_ms: number | null;
}

export const staffCallFromRow = (r: StaffCallRow): CenterStaffCall => ({
  callId: r.call_id, robotId: r.robot_id, reason: r.reason, language: r.language, ticketDisplay: r.ticket_display,
  calledAt: r.called_at_ms, receivedAt: r.received_at_ms, acknowledgedAt: r.acknowledged_at_ms,
});

export const invalidItemResult = (index: number, item: InvalidItem): RobotEventResult => ({ index, id: item.id, status: 'rejected', code: 'CENTER_INVALID_REQUEST', issues: item.invalid.slice(0, 10) });
export const otherRobotResult = (index: number, id: string, what: string): RobotEventResult => ({ index, id, status: 'rejected', code: 'CENTER_INVALID_REQUEST', issues: [`${what} belongs to another robot`] });

