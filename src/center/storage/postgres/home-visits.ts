/**
 * Home visit requests on PostgreSQL (the rules are ../sqlite/home-visits.ts's). A request is an
 * INSERT ... ON CONFLICT (robot_id, request_id) DO NOTHING: a repeat sent to another instance at
 * once waits for the first and returns it. A staff change locks the row (FOR UPDATE) before
 * reading its status, so two tabs cannot both win.
 */
import type { Pool } from 'pg';
import type { HomeVisitStatus } from '../../../contract/sync';
import { nextHomeVisitStatus } from '../../home-visits/states';
import type { HomeVisitChange, HomeVisitChangeOutcome, HomeVisitRecord, NewHomeVisit } from '../port';
import { direct, tx } from './tx';
import { type HomeVisitRow, homeVisitFromRow } from '../rows/home-visits';

export function requestHomeVisit(pool: Pool, v: NewHomeVisit): Promise<{ visit: HomeVisitRecord; created: boolean }> {
  return tx(pool, async (t) => {
    const lastPreferred = [...v.preferredDays].sort().at(-1)!;
    const created = await t.run(
      `INSERT INTO home_visits (visit_id, robot_id, request_id, status_token, service_id, category, language, preferred_days, status,
         visit_day, phone, masked_phone, name, address, requested_at_ms, updated_at_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'requested', $9, $10, $11, $12, $13, $14, $14) ON CONFLICT (robot_id, request_id) DO NOTHING`,
      [v.visitId, v.robotId, v.requestId, v.statusToken, v.serviceId, v.category, v.language, JSON.stringify(v.preferredDays),
        lastPreferred, v.phone, v.maskedPhone, v.name, JSON.stringify(v.address), v.nowMs],
    );
    const row = await t.one<HomeVisitRow>('SELECT * FROM home_visits WHERE robot_id = $1 AND request_id = $2', [v.robotId, v.requestId]);
    return { visit: homeVisitFromRow(row!), created: created > 0 };
  });
}

export async function homeVisitByToken(pool: Pool, statusToken: string): Promise<HomeVisitRecord | null> {
  const row = await direct(pool).one<HomeVisitRow>('SELECT * FROM home_visits WHERE status_token = $1 AND NOT purged', [statusToken]);
  return row ? homeVisitFromRow(row) : null;
}

export async function listHomeVisits(pool: Pool, q: { status?: HomeVisitStatus; limit: number }): Promise<HomeVisitRecord[]> {
  const rows = await direct(pool).all<HomeVisitRow>(
    'SELECT * FROM home_visits WHERE NOT purged AND ($1::text IS NULL OR status = $1) ORDER BY requested_at_ms DESC, seq DESC LIMIT $2',
    [q.status ?? null, q.limit],
  );
  return rows.map(homeVisitFromRow);
}

export function changeHomeVisit(pool: Pool, visitId: string, change: HomeVisitChange, nowMs: number): Promise<HomeVisitChangeOutcome> {
  return tx(pool, async (t): Promise<HomeVisitChangeOutcome> => {
    const row = await t.one<HomeVisitRow>('SELECT * FROM home_visits WHERE visit_id = $1 FOR UPDATE', [visitId]);
    if (!row || row.status_token === null) return { ok: false, code: 'HOME_VISIT_NOT_FOUND' };
    const step = nextHomeVisitStatus(row.status as HomeVisitStatus, change.action);
    if (!step.ok) return step;
    if (change.action === 'schedule') {
      await t.run('UPDATE home_visits SET status = $1, scheduled_day = $2, scheduled_time = $3, staff_name = $4, visit_day = $2, updated_at_ms = $5 WHERE visit_id = $6', [
        step.status, change.day, change.time, change.staffName, nowMs, visitId,
      ]);
    } else {
      await t.run('UPDATE home_visits SET status = $1, updated_at_ms = $2 WHERE visit_id = $3', [step.status, nowMs, visitId]);
    }
    return { ok: true, visit: homeVisitFromRow((await t.one<HomeVisitRow>('SELECT * FROM home_visits WHERE visit_id = $1', [visitId]))!) };
  });
}

export function purgeHomeVisitPersonalData(pool: Pool, cutoffDay: string): Promise<number> {
  return direct(pool).run(
    `UPDATE home_visits SET phone = NULL, name = NULL, address = NULL, staff_name = NULL, status_token = NULL, masked_phone = '', purged = true
      WHERE NOT purged AND visit_day <= $1`,
    [cutoffDay],
  );
}
