/** Staff sign-in sessions: a hash of the cookie, its expiry and its revocation. */
import type { Db } from './open';

export function createStaffSession(db: Db, sessionHash: string, expiresAtMs: number, nowMs: number): void {
  db.transaction(() => {
    // expired sessions are of no use to anyone: drop them as new ones come
    db.prepare('DELETE FROM staff_sessions WHERE expires_at_ms <= ?').run(nowMs);
    db.prepare('INSERT INTO staff_sessions (session_hash, created_at_ms, expires_at_ms) VALUES (?, ?, ?)').run(sessionHash, nowMs, expiresAtMs);
  }).immediate();
}

export function staffSessionValid(db: Db, sessionHash: string, nowMs: number): boolean {
  const row = db.prepare('SELECT 1 FROM staff_sessions WHERE session_hash = ? AND revoked_at_ms IS NULL AND expires_at_ms > ?').get(sessionHash, nowMs);
  return row !== undefined;
}

export function revokeStaffSessions(db: Db, sessionHash: string | null, nowMs: number): number {
  const open = 'revoked_at_ms IS NULL AND expires_at_ms > ?';
  const r = sessionHash === null
    ? db.prepare(`UPDATE staff_sessions SET revoked_at_ms = ? WHERE ${open}`).run(nowMs, nowMs)
    : db.prepare(`UPDATE staff_sessions SET revoked_at_ms = ? WHERE session_hash = ? AND ${open}`).run(nowMs, sessionHash, nowMs);
  return r.changes;
}
