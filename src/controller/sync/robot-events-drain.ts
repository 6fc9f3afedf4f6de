/**
 * Drains the robot's two small queues besides tickets — staff calls and service audit rows — to
 * their batch routes (docs/sync-protocol.md, "Robot events"). Like the ticket drain: taking does
 * not remove, an item is acknowledged only when the center's answer names it at its index, and a
 * partial answer stops the drain (the rest goes next pass). A center that has no such route
 * (404 CENTER_NOT_FOUND: older than robot events) leaves the queue untouched and the pass healthy.
 */
import { CodedError } from '../../contract/error-codes';
import { RobotEventsResponse, SYNC_MAX_AUDIT_EVENTS, SYNC_MAX_STAFF_CALLS, type RobotEventResult } from '../../contract/sync';
import type { CenterHttp } from './center-http';
import type { AuditPort, StaffCallsPort } from './outbox-port';

/** Batches per queue per pass: a port that never empties cannot hold the loop (the rest goes next pass). */
const MAX_BATCHES_PER_PASS = 20;

export interface DrainLog {
  warn(obj: object, msg?: string): void;
}

export interface DrainDeps {
  http: CenterHttp;
  token: string;
  log: DrainLog;
  /** Robot time (ISO) → the center's clock, as tickets' issuedAt is reported. */
  toCenterTime: (iso: string) => string;
}

/** The ids the answer acknowledges: a result counts only when it names the item sent at its index. */
export function acknowledged<T>(sent: readonly T[], idOf: (item: T) => string, results: readonly RobotEventResult[], log: DrainLog, what: string): T[] {
  const out: T[] = [];
  const seen = new Set<number>();
  for (const r of results) {
    const item = sent[r.index];
    if (item === undefined || seen.has(r.index) || r.id !== idOf(item)) continue;
    seen.add(r.index);
    out.push(item);
    if (r.status === 'rejected') log.warn({ what, code: r.code }, 'center rejected a robot event; dropped');
  }
  return out;
}

/** True when the center answered that the route does not exist (a center older than robot events). */
function routeMissing(e: unknown): boolean {
  return e instanceof CodedError && e.code === 'CENTER_NOT_FOUND';
}

export async function drainStaffCalls(port: StaffCallsPort, deps: DrainDeps): Promise<number> {
  let acked = 0;
  for (let n = 0; n < MAX_BATCHES_PER_PASS; n++) {
    const batch = port.pending(SYNC_MAX_STAFF_CALLS).slice(0, SYNC_MAX_STAFF_CALLS);
    if (!batch.length) return acked;
    const calls = batch.map((c) => ({ ...c, calledAt: deps.toCenterTime(c.calledAt) }));
    let results: readonly RobotEventResult[];
    try {
      results = (await deps.http.request('POST', '/v1/staff-calls/batch', RobotEventsResponse, { body: { calls }, token: deps.token })).body!.results;
    } catch (e) {
      if (routeMissing(e)) return acked;
      throw e;
    }
    const done = acknowledged(batch, (c) => c.id, results, deps.log, 'staff.call').map((c) => c.id);
    port.ack(done);
    acked += done.length;
    if (done.length < batch.length) return acked;
  }
  return acked;
}

export async function drainAudit(port: AuditPort, deps: DrainDeps): Promise<number> {
  let acked = 0;
  for (let n = 0; n < MAX_BATCHES_PER_PASS; n++) {
    const batch = port.takeBatch(SYNC_MAX_AUDIT_EVENTS).slice(0, SYNC_MAX_AUDIT_EVENTS);
    if (!batch.length) return acked;
    const events = batch.map((e) => ({ key: e.key, ...e.payload, at: deps.toCenterTime(e.payload.at) }));
    let results: readonly RobotEventResult[];
    try {
      results = (await deps.http.request('POST', '/v1/audit/batch', RobotEventsResponse, { body: { events }, token: deps.token })).body!.results;
    } catch (e) {
      if (routeMissing(e)) return acked;
      throw e;
    }
    const done = acknowledged(batch, (e) => e.key, results, deps.log, 'service.audit').map((e) => e.id);
    port.ack(done);
    acked += done.length;
    if (done.length < batch.length) return acked;
  }
  return acked;
}
