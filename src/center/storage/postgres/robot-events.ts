/**
 * Staff calls and service audit rows on PostgreSQL (the rules are ../sqlite/robot-events.ts's).
 * Each item is an INSERT ... ON CONFLICT DO NOTHING: of two batches carrying one call, exactly
 * one stores it (and appends its `staff.called`), the other answers `duplicate`.
 */
import type { Pool } from 'pg';
import { AUDIT_DETAIL_MAX_CHARS, type CenterAuditRow, type CenterStaffCall, type RobotEventResult, type SyncStaffCall } from '../../../contract/sync';
import type { AuditInput, FleetAuditSummary, InvalidItem, RobotEventContext } from '../port';
import { direct, tx, type Tx } from './tx';
import { type StaffCallRow, invalidItemResult, otherRobotResult, staffCallFromRow } from '../rows/robot-events';

async function notInserted(t: Tx, sql: string, index: number, id: string, ctx: RobotEventContext, what: string): Promise<RobotEventResult> {
  const known = await t.one<{ robot_id: string }>(sql, [id]);
  return known?.robot_id === ctx.robotId ? { index, id, status: 'duplicate' } : otherRobotResult(index, id, what);
}

export function storeStaffCalls(pool: Pool, calls: readonly (SyncStaffCall | InvalidItem)[], ctx: RobotEventContext): Promise<RobotEventResult[]> {
  return tx(pool, async (t) => {
    const out: RobotEventResult[] = [];
    for (const [index, c] of calls.entries()) {
      if ('invalid' in c) { out.push(invalidItemResult(index, c)); continue; }
      if (c.robotId !== ctx.robotId) { out.push(otherRobotResult(index, c.id, 'robotId')); continue; }
      // a robot clock far ahead must not put a call in the future of the staff's list
      const calledAt = Math.min(Date.parse(c.calledAt), ctx.nowMs);
      const stored = await t.run(
        `INSERT INTO staff_calls (call_id, robot_id, reason, language, ticket_id, ticket_display, called_at_ms, received_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (call_id) DO NOTHING`,
        [c.id, ctx.robotId, c.reason, c.language, c.ticketId ?? null, c.ticketDisplay ?? null, calledAt, ctx.nowMs],
      );
      if (!stored) { out.push(await notInserted(t, 'SELECT robot_id FROM staff_calls WHERE call_id = $1', index, c.id, ctx, 'call id')); continue; }
      t.event({ type: 'staff.called', data: { callId: c.id, robotId: ctx.robotId, reason: c.reason, calledAt, ...(c.ticketDisplay ? { display: c.ticketDisplay } : {}) } }, ctx.nowMs);
      out.push({ index, id: c.id, status: 'stored' });
    }
    return out;
  });
}

export async function openStaffCalls(pool: Pool, limit: number): Promise<CenterStaffCall[]> {
  const rows = await direct(pool).all<StaffCallRow>('SELECT * FROM staff_calls WHERE acknowledged_at_ms IS NULL ORDER BY called_at_ms, received_at_ms LIMIT $1', [Math.max(1, Math.min(200, limit))]);
  return rows.map(staffCallFromRow);
}

export function acknowledgeStaffCall(pool: Pool, callId: string, nowMs: number): Promise<CenterStaffCall | null> {
  return tx(pool, async (t) => {
    const changed = await t.one<StaffCallRow>('UPDATE staff_calls SET acknowledged_at_ms = $1 WHERE call_id = $2 AND acknowledged_at_ms IS NULL RETURNING *', [nowMs, callId]);
    if (changed) t.event({ type: 'staff.acknowledged', data: { callId, robotId: changed.robot_id, reason: changed.reason } }, nowMs);
    const row = changed ?? (await t.one<StaffCallRow>('SELECT * FROM staff_calls WHERE call_id = $1', [callId]));
    return row ? staffCallFromRow(row) : null;
  });
}

function boundedDetail(detail: Record<string, unknown> | null): string | null {
  if (detail === null) return null;
  const text = JSON.stringify(detail);
  return text.length <= AUDIT_DETAIL_MAX_CHARS ? text : JSON.stringify({ truncated: true, size: text.length });
}

export function storeAudit(pool: Pool, events: readonly (AuditInput | InvalidItem)[], ctx: RobotEventContext): Promise<RobotEventResult[]> {
  return tx(pool, async (t) => {
    const out: RobotEventResult[] = [];
    for (const [index, e] of events.entries()) {
      if ('invalid' in e) { out.push(invalidItemResult(index, e)); continue; }
      if (e.robotId !== ctx.robotId) { out.push(otherRobotResult(index, e.key, 'robotId')); continue; }
      const stored = await t.run(
        `INSERT INTO service_audit (event_key, robot_id, audit_id, at_ms, actor, action, detail, received_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_key) DO NOTHING`,
        [e.key, ctx.robotId, e.auditId, e.atMs, e.actor, e.action, boundedDetail(e.detail), ctx.nowMs],
      );
      out.push(stored ? { index, id: e.key, status: 'stored' } : await notInserted(t, 'SELECT robot_id FROM service_audit WHERE event_key = $1', index, e.key, ctx, 'key'));
    }
    return out;
  });
}

export async function auditSummaries(pool: Pool): Promise<Record<string, FleetAuditSummary>> {
  const rows = await direct(pool).all<{ robot_id: string; n: number; last_at: number | null; last_action: string | null }>(
    `SELECT a.robot_id, count(*) AS n, max(a.at_ms) AS last_at,
       (SELECT action FROM service_audit b WHERE b.robot_id = a.robot_id ORDER BY at_ms DESC, audit_id DESC LIMIT 1) AS last_action
     FROM service_audit a GROUP BY a.robot_id`,
  );
  return Object.fromEntries(rows.map((r) => [r.robot_id, { count: r.n, lastAt: r.last_at, lastAction: r.last_action }]));
}

export async function recentAudit(pool: Pool, robotId: string, limit: number): Promise<CenterAuditRow[]> {
  const rows = await direct(pool).all<{ event_key: string; audit_id: number; at_ms: number; actor: string; action: string; detail: string | null }>(
    'SELECT event_key, audit_id, at_ms, actor, action, detail FROM service_audit WHERE robot_id = $1 ORDER BY at_ms DESC, audit_id DESC LIMIT $2',
    [robotId, Math.max(1, Math.min(200, limit))],
  );
  return rows.map((r) => ({ key: r.event_key, auditId: r.audit_id, at: r.at_ms, actor: r.actor, action: r.action, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
}
