/** Staff sign-in sessions and the realtime stream's reads on PostgreSQL (appends: tx.ts). */
import type { Pool } from 'pg';
import type { StreamEvent, StreamEventType } from '../../../contract/sync';
import { direct, tx } from './tx';

export function createStaffSession(pool: Pool, sessionHash: string, expiresAtMs: number, nowMs: number): Promise<void> {
  return tx(pool, async (t) => {
    // expired sessions are of no use to anyone: drop them as new ones come
    await t.run('DELETE FROM staff_sessions WHERE expires_at_ms <= $1', [nowMs]);
    await t.run('INSERT INTO staff_sessions (session_hash, created_at_ms, expires_at_ms) VALUES ($1, $2, $3)', [sessionHash, nowMs, expiresAtMs]);
  });
}

export async function staffSessionValid(pool: Pool, sessionHash: string, nowMs: number): Promise<boolean> {
  return !!(await direct(pool).one('SELECT 1 FROM staff_sessions WHERE session_hash = $1 AND revoked_at_ms IS NULL AND expires_at_ms > $2', [sessionHash, nowMs]));
}

export function revokeStaffSessions(pool: Pool, sessionHash: string | null, nowMs: number): Promise<number> {
  const open = 'revoked_at_ms IS NULL AND expires_at_ms > $1';
  return sessionHash === null
    ? direct(pool).run(`UPDATE staff_sessions SET revoked_at_ms = $1 WHERE ${open}`, [nowMs])
    : direct(pool).run(`UPDATE staff_sessions SET revoked_at_ms = $1 WHERE session_hash = $2 AND ${open}`, [nowMs, sessionHash]);
}

interface EventRow {
  id: number;
  at_ms: number;
  type: StreamEventType;
  data: string;
}

/** Ids become visible in increasing order (tx.ts), so `id > afterId` never skips a later-committed one. */
export async function eventsAfter(pool: Pool, afterId: number, limit: number): Promise<StreamEvent[]> {
  const rows = await direct(pool).all<EventRow>('SELECT id, at_ms, type, data FROM events WHERE id > $1 ORDER BY id LIMIT $2', [afterId, Math.max(1, Math.min(10_000, limit))]);
  return rows.map((r) => ({ id: r.id, at: r.at_ms, type: r.type, data: JSON.parse(r.data) }));
}

export async function firstEventId(pool: Pool): Promise<number> {
  return (await direct(pool).one<{ n: number }>('SELECT coalesce(min(id), 0) AS n FROM events'))!.n;
}

/**
 * The highest committed id (not the sequence, which an in-flight append may have drawn already:
 * a client starting there would miss that event). Pruning always keeps the newest rows.
 */
export async function lastEventId(pool: Pool): Promise<number> {
  return (await direct(pool).one<{ n: number }>('SELECT coalesce(max(id), 0) AS n FROM events'))!.n;
}
