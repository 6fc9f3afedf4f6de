/** Enrolment codes, devices (robot slots, health) and their tokens. Only hashes of secrets are stored. */
import type { DeviceHealth } from '../../../contract/sync';
import type { DeviceRecord, EnrolInput, EnrolOutcome, TokenRecord } from '../port';
import { appendEvent } from './events';
import type { Db } from './open';
import { deviceFromRow, type DeviceRow } from '../rows/devices';

export function createEnrolmentCode(db: Db, codeHash: string, robotId: string | null, expiresAtMs: number, nowMs: number): void {
  db.prepare('INSERT INTO enrolment_codes (code_hash, robot_id, expires_at_ms, created_at_ms) VALUES (?, ?, ?, ?)').run(codeHash, robotId, expiresAtMs, nowMs);
}

export function enrol(db: Db, input: EnrolInput): EnrolOutcome {
  return db.transaction((): EnrolOutcome => {
    const code = db.prepare('SELECT robot_id, expires_at_ms, used_at_ms FROM enrolment_codes WHERE code_hash = ?').get(input.codeHash) as
      | { robot_id: string | null; expires_at_ms: number; used_at_ms: number | null }
      | undefined;
    if (!code || code.used_at_ms !== null || code.expires_at_ms <= input.nowMs) return { ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' };
    if (code.robot_id !== null && code.robot_id !== input.robotId) return { ok: false, code: 'SYNC_ENROLMENT_CODE_INVALID' };
    const existing = db.prepare('SELECT robot_slot, revoked_at_ms FROM devices WHERE robot_id = ?').get(input.robotId) as { robot_slot: number; revoked_at_ms: number | null } | undefined;
    // a live robot's id is taken over only with a code bound to it (or after an admin revoked it)
    if (existing && code.robot_id === null && existing.revoked_at_ms === null && hasLiveToken(db, input.robotId, input.nowMs)) {
      db.prepare('UPDATE devices SET takeover_refused_count = takeover_refused_count + 1, last_takeover_refused_at_ms = ? WHERE robot_id = ?').run(input.nowMs, input.robotId);
      return { ok: false, code: 'SYNC_ROBOT_ID_TAKEN' };
    }
    let slot = existing?.robot_slot;
    if (slot === undefined) {
      // a re-enrolled robot keeps its slot (its fallback numbers of today stay its own)
      const used = new Set((db.prepare('SELECT robot_slot FROM devices').all() as { robot_slot: number }[]).map((r) => r.robot_slot));
      const preferred = input.preferredSlot;
      if (preferred !== undefined && preferred <= input.fallbackSlots && !used.has(preferred)) slot = preferred;
      for (let s = 1; s <= input.fallbackSlots && slot === undefined; s++) if (!used.has(s)) slot = s;
      if (slot === undefined) return { ok: false, code: 'CENTER_NO_ROBOT_SLOT' };
      db.prepare('INSERT INTO devices (robot_id, robot_slot, enrolled_at_ms) VALUES (?, ?, ?)').run(input.robotId, slot, input.nowMs);
    } else {
      db.prepare('UPDATE devices SET revoked_at_ms = NULL, enrolled_at_ms = ?, reenrolled_count = reenrolled_count + 1, last_reenrolled_at_ms = ? WHERE robot_id = ?').run(
        input.nowMs, input.nowMs, input.robotId,
      );
      db.prepare('DELETE FROM device_tokens WHERE robot_id = ?').run(input.robotId);
    }
    db.prepare('UPDATE enrolment_codes SET used_at_ms = ?, used_by = ? WHERE code_hash = ?').run(input.nowMs, input.robotId, input.codeHash);
    db.prepare('INSERT INTO device_tokens (token_hash, robot_id, expires_at_ms, created_at_ms) VALUES (?, ?, ?, ?)').run(
      input.tokenHash, input.robotId, input.tokenExpiresAtMs, input.nowMs,
    );
    appendEvent(db, { type: 'device.enrolled', data: { robotId: input.robotId } }, input.nowMs);
    return { ok: true, robotSlot: slot };
  }).immediate();
}

/** A token that still opens the API (not expired, not past its grace after a rotation). */
function hasLiveToken(db: Db, robotId: string, nowMs: number): boolean {
  return !!db.prepare('SELECT 1 FROM device_tokens WHERE robot_id = ? AND expires_at_ms > ? AND (grace_until_ms IS NULL OR grace_until_ms > ?)').get(robotId, nowMs, nowMs);
}

export function findToken(db: Db, tokenHash: string): TokenRecord | null {
  const row = db
    .prepare(
      `SELECT t.robot_id, t.expires_at_ms, t.grace_until_ms, d.revoked_at_ms
       FROM device_tokens t JOIN devices d ON d.robot_id = t.robot_id WHERE t.token_hash = ?`,
    )
    .get(tokenHash) as { robot_id: string; expires_at_ms: number; grace_until_ms: number | null; revoked_at_ms: number | null } | undefined;
  if (!row) return null;
  return { robotId: row.robot_id, expiresAtMs: row.expires_at_ms, graceUntilMs: row.grace_until_ms, revoked: row.revoked_at_ms !== null };
}

export function rotateToken(db: Db, oldHash: string, newHash: string, newExpiresAtMs: number, oldGraceUntilMs: number, nowMs: number): void {
  db.transaction(() => {
    const old = db.prepare('SELECT robot_id, grace_until_ms FROM device_tokens WHERE token_hash = ?').get(oldHash) as { robot_id: string; grace_until_ms: number | null } | undefined;
    if (!old) return;
    // keep the earliest grace: refreshing with an old token again must not extend its life
    const grace = old.grace_until_ms === null ? oldGraceUntilMs : Math.min(old.grace_until_ms, oldGraceUntilMs);
    db.prepare('UPDATE device_tokens SET grace_until_ms = ? WHERE token_hash = ?').run(grace, oldHash);
    db.prepare('INSERT INTO device_tokens (token_hash, robot_id, expires_at_ms, created_at_ms) VALUES (?, ?, ?, ?)').run(newHash, old.robot_id, newExpiresAtMs, nowMs);
    // tokens past their life are of no use to anyone
    db.prepare('DELETE FROM device_tokens WHERE robot_id = ? AND (expires_at_ms <= ? OR grace_until_ms <= ?)').run(old.robot_id, nowMs, nowMs);
  }).immediate();
}

export function revokeDevice(db: Db, robotId: string, nowMs: number): boolean {
  return db.transaction(() => {
    const changed = db.prepare('UPDATE devices SET revoked_at_ms = ? WHERE robot_id = ? AND revoked_at_ms IS NULL').run(nowMs, robotId).changes;
    // tokens are kept so the robot hears SYNC_DEVICE_REVOKED (not "unknown token") until re-enrolled
    if (changed) {
      appendEvent(db, { type: 'device.revoked', data: { robotId } }, nowMs);
    }
    return changed > 0;
  }).immediate();
}

export function recordHeartbeat(db: Db, robotId: string, health: DeviceHealth, nowMs: number): void {
  db.prepare('UPDATE devices SET last_seen_at_ms = ?, skew_ms = ?, health = ? WHERE robot_id = ?').run(nowMs, health.robotTime - nowMs, JSON.stringify(health), robotId);
}

export function listDevices(db: Db): DeviceRecord[] {
  const rows = db
    .prepare(
      `SELECT d.*, (SELECT max(expires_at_ms) FROM device_tokens t WHERE t.robot_id = d.robot_id) AS token_expires_at_ms
       FROM devices d ORDER BY robot_slot`,
    )
    .all() as DeviceRow[];
  return rows.map(deviceFromRow);
}

export function slotOf(db: Db, robotId: string): number | null {
  const row = db.prepare('SELECT robot_slot FROM devices WHERE robot_id = ?').get(robotId) as { robot_slot: number } | undefined;
  return row?.robot_slot ?? null;
}
