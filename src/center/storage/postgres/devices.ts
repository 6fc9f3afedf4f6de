/** Enrolment codes, devices and tokens on PostgreSQL (see ../sqlite/devices.ts for the rules). */
import type { Pool } from 'pg';
import type { DeviceHealth } from '../../../contract/sync';
import type { DeviceRecord, EnrolInput, EnrolOutcome, TokenRecord } from '../port';
import { direct, LOCK, tx, type Tx } from './tx';
import { deviceFromRow, type DeviceRow } from '../rows/devices';

export async function createEnrolmentCode(pool: Pool, codeHash: string, robotId: string | null, expiresAtMs: number, nowMs: number): Promise<void> {
  await direct(pool).run('INSERT INTO enrolment_codes (code_hash, robot_id, expires_at_ms, created_at_ms) VALUES ($1, $2, $3, $4)', [codeHash, robotId, expiresAtMs, nowMs]);
}

async function hasLiveToken(t: Tx, robotId: string, nowMs: number): Promise<boolean> {
  return !!(await t.one('SELECT 1 FROM device_tokens WHERE robot_id = $1 AND expires_at_ms > $2 AND (grace_until_ms IS NULL OR grace_until_ms > $2)', [robotId, nowMs]));
}

async function freeSlot(t: Tx, input: EnrolInput): Promise<number | undefined> {
  const used = new Set((await t.all<{ robot_slot: number }>('SELECT robot_slot FROM devices')).map((r) => r.robot_slot));
  const preferred = input.preferredSlot;
  if (preferred !== undefined && preferred <= input.fallbackSlots && !used.has(preferred)) return preferred;
  for (let s = 1; s <= input.fallbackSlots; s++) if (!used.has(s)) return s;
  return undefined;
}

export function enrol(pool: Pool, input: EnrolInput): Promise<EnrolOutcome> {
  return tx(pool, async (t): Promise<EnrolOutcome> => {
    // enrolments are rare: one at a time, so a code is spent once and two robots never get one slot
    await t.run('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [LOCK.enrolment]);
    const code = await t.one<{ robot_id: string | null; expires_at_ms: number; used_at_ms: number | null }>(
      'SELECT robot_id, expires_at_ms, used_at_ms FROM enrolment_codes WHERE code_hash = $1', [input.codeHash],
    );
    if (!code || code.used_at_ms !== null || code.expires_at_ms <= input.nowMs) return { ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' };
    if (code.robot_id !== null && code.robot_id !== input.robotId) return { ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' };
    const existing = await t.one<{ robot_slot: number; revoked_at_ms: number | null }>('SELECT robot_slot, revoked_at_ms FROM devices WHERE robot_id = $1', [input.robotId]);
    if (existing && code.robot_id === null && existing.revoked_at_ms === null && (await hasLiveToken(t, input.robotId, input.nowMs))) {
      await t.run('UPDATE devices SET takeover_refused_count = takeover_refused_count + 1, last_takeover_refused_at_ms = $1 WHERE robot_id = $2', [input.nowMs, input.robotId]);
      return { ok: false, code: 'SYNC_ROBOT_ID_TAKEN' };
    }
    let slot = existing?.robot_slot;
    if (slot === undefined) {
      slot = await freeSlot(t, input);
      if (slot === undefined) return { ok: false, code: 'CENTER_NO_ROBOT_SLOT' };
      await t.run('INSERT INTO devices (robot_id, robot_slot, enrolled_at_ms) VALUES ($1, $2, $3)', [input.robotId, slot, input.nowMs]);
    } else {
      await t.run('UPDATE devices SET revoked_at_ms = NULL, enrolled_at_ms = $1, reenrolled_count = reenrolled_count + 1, last_reenrolled_at_ms = $1 WHERE robot_id = $2', [
        input.nowMs, input.robotId,
      ]);
      await t.run('DELETE FROM device_tokens WHERE robot_id = $1', [input.robotId]);
    }
    await t.run('UPDATE enrolment_codes SET used_at_ms = $1, used_by = $2 WHERE code_hash = $3', [input.nowMs, input.robotId, input.codeHash]);
    await t.run('INSERT INTO device_tokens (token_hash, robot_id, expires_at_ms, created_at_ms) VALUES ($1, $2, $3, $4)', [input.tokenHash, input.robotId, input.tokenExpiresAtMs, input.nowMs]);
    t.event({ type: 'device.enrolled', data: { robotId: input.robotId } }, input.nowMs);
    return { ok: true, robotSlot: slot };
  });
}

export async function findToken(pool: Pool, tokenHash: string): Promise<TokenRecord | null> {
  const row = (
    await direct(pool).all<{ robot_id: string; expires_at_ms: number; grace_until_ms: number | null; revoked_at_ms: number | null }>(
      'SELECT t.robot_id, t.expires_at_ms, t.grace_until_ms, d.revoked_at_ms FROM device_tokens t JOIN devices d ON d.robot_id = t.robot_id WHERE t.token_hash = $1',
      [tokenHash],
    )
  )[0];
  return row ? { robotId: row.robot_id, expiresAtMs: row.expires_at_ms, graceUntilMs: row.grace_until_ms, revoked: row.revoked_at_ms !== null } : null;
}

export function rotateToken(pool: Pool, oldHash: string, newHash: string, newExpiresAtMs: number, oldGraceUntilMs: number, nowMs: number): Promise<void> {
  return tx(pool, async (t) => {
    // the row lock makes two refreshes with one old token take turns (the earliest grace wins)
    const old = await t.one<{ robot_id: string; grace_until_ms: number | null }>('SELECT robot_id, grace_until_ms FROM device_tokens WHERE token_hash = $1 FOR UPDATE', [oldHash]);
    if (!old) return;
    const grace = old.grace_until_ms === null ? oldGraceUntilMs : Math.min(old.grace_until_ms, oldGraceUntilMs);
    await t.run('UPDATE device_tokens SET grace_until_ms = $1 WHERE token_hash = $2', [grace, oldHash]);
    await t.run('INSERT INTO device_tokens (token_hash, robot_id, expires_at_ms, created_at_ms) VALUES ($1, $2, $3, $4)', [newHash, old.robot_id, newExpiresAtMs, nowMs]);
    await t.run('DELETE FROM device_tokens WHERE robot_id = $1 AND (expires_at_ms <= $2 OR grace_until_ms <= $2)', [old.robot_id, nowMs]);
  });
}

export function revokeDevice(pool: Pool, robotId: string, nowMs: number): Promise<boolean> {
  return tx(pool, async (t) => {
    const changed = await t.run('UPDATE devices SET revoked_at_ms = $1 WHERE robot_id = $2 AND revoked_at_ms IS NULL', [nowMs, robotId]);
    if (changed) t.event({ type: 'device.revoked', data: { robotId } }, nowMs);
    return changed > 0;
  });
}

export async function recordHeartbeat(pool: Pool, robotId: string, health: DeviceHealth, nowMs: number): Promise<void> {
  await direct(pool).run('UPDATE devices SET last_seen_at_ms = $1, skew_ms = $2, health = $3 WHERE robot_id = $4', [nowMs, health.robotTime - nowMs, JSON.stringify(health), robotId]);
}

export async function listDevices(pool: Pool): Promise<DeviceRecord[]> {
  const rows = (
    await pool.query<DeviceRow>('SELECT d.*, (SELECT max(expires_at_ms) FROM device_tokens t WHERE t.robot_id = d.robot_id) AS token_expires_at_ms FROM devices d ORDER BY robot_slot')
  ).rows;
  return rows.map(deviceFromRow);
}

export async function slotOf(pool: Pool, robotId: string): Promise<number | null> {
  const row = (await pool.query<{ robot_slot: number }>('SELECT robot_slot FROM devices WHERE robot_id = $1', [robotId])).rows[0];
  return row?.robot_slot ?? null;
}
