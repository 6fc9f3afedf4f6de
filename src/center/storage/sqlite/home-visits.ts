/**
 * Home visit requests (issue 18). Idempotent by (robot id, request id); a staff change reads the
 * status and writes the next one in one IMMEDIATE transaction, so two tabs cannot both win.
 * Retention erases the personal columns and the status link and keeps the anonymous row.
 */
import type { HomeVisitStatus } from '../../../contract/sync';
import { nextHomeVisitStatus } from '../../home-visits/states';
import type { HomeVisitChange, HomeVisitChangeOutcome, HomeVisitRecord, NewHomeVisit } from '../port';
import type { Db } from './open';
import { type HomeVisitRow, homeVisitFromRow } from '../rows/home-visits';

const byId = (db: Db, visitId: string) => db.prepare('SELECT * FROM home_visits WHERE visit_id = ?').get(visitId) as HomeVisitRow | undefined;

export function requestHomeVisit(db: Db, v: NewHomeVisit): { visit: HomeVisitRecord; created: boolean } {
  return db.transaction(() => {
    const known = db.prepare('SELECT * FROM home_visits WHERE robot_id = ? AND request_id = ?').get(v.robotId, v.requestId) as HomeVisitRow | undefined;
    if (known) return { visit: homeVisitFromRow(known), created: false };
    const lastPreferred = [...v.preferredDays].sort().at(-1)!;
    db.prepare(
      `INSERT INTO home_visits (visit_id, robot_id, request_id, status_token, service_id, category, language, preferred_days, status,
         visit_day, phone, masked_phone, name, address, requested_at_ms, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(v.visitId, v.robotId, v.requestId, v.statusToken, v.serviceId, v.category, v.language, JSON.stringify(v.preferredDays),
      lastPreferred, v.phone, v.maskedPhone, v.name, JSON.stringify(v.address), v.nowMs, v.nowMs);
    return { visit: homeVisitFromRow(byId(db, v.visitId)!), created: true };
  }).immediate();
}

export function homeVisitByToken(db: Db, statusToken: string): HomeVisitRecord | null {
  const row = db.prepare('SELECT * FROM home_visits WHERE status_token = ? AND purged = 0').get(statusToken) as HomeVisitRow | undefined;
  return row ? homeVisitFromRow(row) : null;
}

export function listHomeVisits(db: Db, q: { status?: HomeVisitStatus; limit: number }): HomeVisitRecord[] {
  const rows = q.status
    ? db.prepare('SELECT * FROM home_visits WHERE purged = 0 AND status = ? ORDER BY requested_at_ms DESC, rowid DESC LIMIT ?').all(q.status, q.limit)
    : db.prepare('SELECT * FROM home_visits WHERE purged = 0 ORDER BY requested_at_ms DESC, rowid DESC LIMIT ?').all(q.limit);
  return (rows as HomeVisitRow[]).map(homeVisitFromRow);
}

export function changeHomeVisit(db: Db, visitId: string, change: HomeVisitChange, nowMs: number): HomeVisitChangeOutcome {
  return db.transaction((): HomeVisitChangeOutcome => {
    const row = byId(db, visitId);
    if (!row || row.status_token === null) return { ok: false, code: 'HOME_VISIT_NOT_FOUND' };
    const step = nextHomeVisitStatus(row.status as HomeVisitStatus, change.action);
    if (!step.ok) return step;
    if (change.action === 'schedule') {
      db.prepare('UPDATE home_visits SET status = ?, scheduled_day = ?, scheduled_time = ?, staff_name = ?, visit_day = ?, updated_at_ms = ? WHERE visit_id = ?')
        .run(step.status, change.day, change.time, change.staffName, change.day, nowMs, visitId);
    } else {
      db.prepare('UPDATE home_visits SET status = ?, updated_at_ms = ? WHERE visit_id = ?').run(step.status, nowMs, visitId);
    }
    return { ok: true, visit: homeVisitFromRow(byId(db, visitId)!) };
  }).immediate();
}

export function purgeHomeVisitPersonalData(db: Db, cutoffDay: string): number {
  return db.prepare(
    `UPDATE home_visits SET phone = NULL, name = NULL, address = NULL, staff_name = NULL, status_token = NULL, masked_phone = '', purged = 1
      WHERE purged = 0 AND visit_day <= ?`,
  ).run(cutoffDay).changes;
}
