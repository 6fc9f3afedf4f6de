/**
 * The service-mode audit trail: every technician action is one row of the store's `audit` table
 * (who, what, when, old -> new) and, in the same transaction, one `service.audit` event in the
 * outbox for the center. Those events are drained by their own port (takeBatch/ack below), so the
 * ticket sync never sees them. Wrong-PIN rows double as the lock-out history.
 */
import type { ServiceAuditRow } from '../../contract/service';
import type { LoginHistory } from '../../core/service-lockout';
import { stmt, type Db } from './database';
import type { WriteTransaction } from './store-errors';

export const AUDIT_OUTBOX_TYPE = 'service.audit';
const LOGIN_OK = 'service.login';
const LOGIN_FAILED = 'service.login.failed';

export interface AuditChange {
  old?: unknown;
  new?: unknown;
  [more: string]: unknown;
}

/** What the center receives for one audit row. */
export interface AuditOutboxEvent {
  id: number;
  key: string;
  payload: { robotId: string; auditId: number; at: string; actor: string; action: string; detail: AuditChange | null };
}

/** Values are bounded: an audit row is a line for a person, not a data dump. */
function bounded(change: AuditChange | undefined): string | null {
  if (!change) return null;
  const text = JSON.stringify(change);
  return text.length <= 4000 ? text : JSON.stringify({ truncated: true, size: text.length });
}

export class ServiceAudit {
  constructor(
    private readonly db: Db,
    private readonly write: WriteTransaction,
    private readonly robotId: string,
    private readonly nowMs: () => number,
  ) {}

  record(actor: string, action: string, change?: AuditChange): number {
    const atMs = this.nowMs();
    const detail = bounded(change);
    return this.write(() => {
      const id = Number(
        stmt(this.db, 'INSERT INTO audit (at_ms, actor, action, ticket_id, detail) VALUES (?, ?, ?, NULL, ?)').run(atMs, actor.slice(0, 80), action.slice(0, 60), detail).lastInsertRowid,
      );
      const payload: AuditOutboxEvent['payload'] = {
        robotId: this.robotId, auditId: id, at: new Date(atMs).toISOString(), actor: actor.slice(0, 80), action, detail: detail ? (JSON.parse(detail) as AuditChange) : null,
      };
      stmt(this.db, 'INSERT INTO outbox (event_key, type, ticket_id, payload, created_at_ms) VALUES (?, ?, NULL, ?, ?)').run(
        `${this.robotId}:audit:${id}`, AUDIT_OUTBOX_TYPE, JSON.stringify(payload), atMs,
      );
      return id;
    });
  }

  /** Wrong PINs since the last successful login, whoever entered them. */
  loginHistory(): LoginHistory {
    const row = stmt(this.db, `SELECT count(*) AS n, max(at_ms) AS last FROM audit
         WHERE action = ? AND id > coalesce((SELECT max(id) FROM audit WHERE action = ?), 0)`,
      )
      .get(LOGIN_FAILED, LOGIN_OK) as { n: number; last: number | null };
    return { consecutiveFailures: row.n, lastFailureMs: row.last };
  }

  recent(limit = 100): ServiceAuditRow[] {
    const rows = stmt(this.db, `SELECT id, at_ms, actor, action, detail FROM audit WHERE action LIKE 'service.%' ORDER BY id DESC LIMIT ?`)
      .all(Math.max(1, Math.min(200, limit))) as { id: number; at_ms: number; actor: string; action: string; detail: string | null }[];
    return rows.map((r) => {
      const d = r.detail ? (JSON.parse(r.detail) as AuditChange) : {};
      return { id: r.id, at: new Date(r.at_ms).toISOString(), actor: r.actor, action: r.action, ...('old' in d ? { old: d.old } : {}), ...('new' in d ? { new: d.new } : {}) };
    });
  }

  /** The oldest audit events the center has not acknowledged (at-least-once, like tickets). */
  takeBatch(max: number): AuditOutboxEvent[] {
    const rows = stmt(this.db, 'SELECT id, event_key, payload FROM outbox WHERE type = ? ORDER BY id LIMIT ?')
      .all(AUDIT_OUTBOX_TYPE, Math.max(1, Math.min(500, Math.floor(max)))) as { id: number; event_key: string; payload: string }[];
    return rows.map((r) => ({ id: r.id, key: r.event_key, payload: JSON.parse(r.payload) as AuditOutboxEvent['payload'] }));
  }

  ack(ids: readonly number[]): number {
    const del = stmt(this.db, 'DELETE FROM outbox WHERE id = ? AND type = ?');
    return this.write(() => ids.reduce((n, id) => n + del.run(id, AUDIT_OUTBOX_TYPE).changes, 0));
  }

  pendingCount(): number {
    return (stmt(this.db, 'SELECT count(*) AS n FROM outbox WHERE type = ?').get(AUDIT_OUTBOX_TYPE) as { n: number }).n;
  }
}

export const AUDIT_ACTIONS = { LOGIN_OK, LOGIN_FAILED } as const;
