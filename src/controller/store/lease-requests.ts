/**
 * Lease request ids, stored before the request is sent (docs/sync-protocol.md): after a crash
 * between request and answer the same id is sent again and the center returns the block it
 * already leased for it, so no block is wasted. One open request per (prefix, day).
 */
import { stmt, type Db } from './database';

/** The open request id for (prefix, day), created with `newId`; the caller commits it before sending. */
export function leaseRequestId(db: Db, prefix: string, day: string, newId: () => string, atMs: number): string {
  // requests of past days will never be answered usefully
  stmt(db, 'DELETE FROM lease_requests WHERE day < ?').run(day);
  stmt(db, 'INSERT INTO lease_requests (prefix, day, request_id, created_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (prefix, day) DO NOTHING').run(prefix, day, newId(), atMs);
  return (stmt(db, 'SELECT request_id FROM lease_requests WHERE prefix = ? AND day = ?').get(prefix, day) as { request_id: string }).request_id;
}

/** The center answered (a block, stored or refused, or a refusal): the next request gets a new id. */
export function leaseAnswered(db: Db, requestId: string): void {
  stmt(db, 'DELETE FROM lease_requests WHERE request_id = ?').run(requestId);
}
