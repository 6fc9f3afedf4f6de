/**
 * Staff calls and service audit rows from robots. Both are idempotent by the robot's own id or
 * key, bound to the robot that first sent it: sending a batch again stores nothing twice, and a
 * new staff call appends its `staff.called` stream event in the same transaction, so staff hear
 * of each call exactly once.
 */
import { AUDIT_DETAIL_MAX_CHARS, type CenterAuditRow, type CenterStaffCall, type RobotEventResult, type SyncStaffCall } from '../../../contract/sync';
import type { AuditInput, FleetAuditSummary, InvalidItem, RobotEventContext } from '../port';
import { appendEvent } from './events';
import type { Db } from './open';
import { type StaffCallRow, invalidItemResult, otherRobotResult, staffCallFromRow } from '../rows/robot-events';

export function storeStaffCalls(db: Db, calls: readonly (SyncStaffCall | InvalidItem)[], ctx: RobotEventContext): RobotEventResult[] {
  const find = db.prepare('SELECT robot_id FROM staff_calls WHERE call_id = ?');
  const insert = db.prepare(
    `INSERT INTO staff_calls (call_id, robot_id, reason, language, ticket_id, ticket_display, called_at_ms, received_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction(() =>
    calls.map((c, index): RobotEventResult => {
      if ('invalid' in c) return invalidItemResult(index, c);
      if (c.robotId !== ctx.robotId) return otherRobotResult(index, c.id, 'robotId');
      const known = find.get(c.id) as { robot_id: string } | undefined;
      if (known) return known.robot_id === ctx.robotId ? { index, id: c.id, status: 'duplicate' } : otherRobotResult(index, c.id, 'call id');
      // a robot clock far ahead must not put a call in the future of the staff's list
      const calledAt = Math.min(Date.parse(c.calledAt), ctx.nowMs);
      insert.run(c.id, ctx.robotId, c.reason, c.language, c.ticketId ?? null, c.ticketDisplay ?? null, calledAt, ctx.nowMs);
      // small and without personal data: the lobby's public stream carries it
      appendEvent(db, { type: 'staff.called', data: { callId: c.id, robotId: ctx.robotId, reason: c.reason, calledAt, ...(c.ticketDisplay ? { display: c.ticketDisplay } : {}) } }, ctx.nowMs);
      return { index, id: c.id, status: 'stored' };
    }),
  ).immediate();
}

export function openStaffCalls(db: Db, limit: number): CenterStaffCall[] {
  const rows = db.prepare('SELECT * FROM staff_calls WHERE acknowledged_at_ms IS NULL ORDER BY called_at_ms, received_at_ms LIMIT ?').all(Math.max(1, Math.min(200, limit))) as StaffCallRow[];
  return rows.map(staffCallFromRow);
}

/** Idempotent: acknowledging again returns the call with its first acknowledgement time. Null when unknown. */
export function acknowledgeStaffCall(db: Db, callId: string, nowMs: number): CenterStaffCall | null {
  return db.transaction(() => {
    const changed = db.prepare('UPDATE staff_calls SET acknowledged_at_ms = ? WHERE call_id = ? AND acknowledged_at_ms IS NULL').run(nowMs, callId).changes;
    const row = db.prepare('SELECT * FROM staff_calls WHERE call_id = ?').get(callId) as StaffCallRow | undefined;
    if (row && changed) appendEvent(db, { type: 'staff.acknowledged', data: { callId, robotId: row.robot_id, reason: row.reason } }, nowMs);
    return row ? staffCallFromRow(row) : null;
  }).immediate();
}

function boundedDetail(detail: Record<string, unknown> | null): string | null {
  if (detail === null) return null;
  const text = JSON.stringify(detail);
  return text.length <= AUDIT_DETAIL_MAX_CHARS ? text : JSON.stringify({ truncated: true, size: text.length });
}

export function storeAudit(db: Db, events: readonly (AuditInput | InvalidItem)[], ctx: RobotEventContext): RobotEventResult[] {
  const find = db.prepare('SELECT robot_id FROM service_audit WHERE event_key = ?');
  const insert = db.prepare(
    'INSERT INTO service_audit (event_key, robot_id, audit_id, at_ms, actor, action, detail, received_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return db.transaction(() =>
    events.map((e, index): RobotEventResult => {
      if ('invalid' in e) return invalidItemResult(index, e);
      if (e.robotId !== ctx.robotId) return otherRobotResult(index, e.key, 'robotId');
      const known = find.get(e.key) as { robot_id: string } | undefined;
      if (known) return known.robot_id === ctx.robotId ? { index, id: e.key, status: 'duplicate' } : otherRobotResult(index, e.key, 'key');
      insert.run(e.key, ctx.robotId, e.auditId, e.atMs, e.actor, e.action, boundedDetail(e.detail), ctx.nowMs);
      return { index, id: e.key, status: 'stored' };
    }),
  ).immediate();
}

export function auditSummaries(db: Db): Record<string, FleetAuditSummary> {
  const rows = db
    .prepare(
      `SELECT a.robot_id, count(*) AS n, max(a.at_ms) AS last_at,
         (SELECT action FROM service_audit b WHERE b.robot_id = a.robot_id ORDER BY at_ms DESC, audit_id DESC LIMIT 1) AS last_action
       FROM service_audit a GROUP BY a.robot_id`,
    )
    .all() as { robot_id: string; n: number; last_at: number | null; last_action: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.robot_id, { count: r.n, lastAt: r.last_at, lastAction: r.last_action }]));
}

export function recentAudit(db: Db, robotId: string, limit: number): CenterAuditRow[] {
  const rows = db
    .prepare('SELECT event_key, audit_id, at_ms, actor, action, detail FROM service_audit WHERE robot_id = ? ORDER BY at_ms DESC, audit_id DESC LIMIT ?')
    .all(robotId, Math.max(1, Math.min(200, limit))) as { event_key: string; audit_id: number; at_ms: number; actor: string; action: string; detail: string | null }[];
  return rows.map((r) => ({ key: r.event_key, auditId: r.audit_id, at: r.at_ms, actor: r.actor, action: r.action, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
