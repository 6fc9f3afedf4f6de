/** Sync protocol v1 — the fleet page, and robot events: staff calls and the service audit. */
import { z } from 'zod';
import { StaffCallReason } from '../staff';
import { LANGUAGES } from '../version';
import { DeviceHealth } from './health';
import { ErrorCode, RobotId, ServerTime } from './primitives';

export const FleetRobot = z.object({
  robotId: z.string(),
  robotSlot: z.number().int(),
  enrolledAt: ServerTime,
  revoked: z.boolean(),
  tokenExpiresAt: ServerTime.nullable(),
  lastSeenAt: ServerTime.nullable(),
  /** robotTime - serverTime at the last heartbeat, ms. */
  skewMs: z.number().int().nullable(),
  health: DeviceHealth.nullable(),
  /** Service audit rows received from this robot; absent from centers older than audit sync. */
  audit: z.object({ count: z.number().int().min(0), lastAt: ServerTime.nullable(), lastAction: z.string().nullable() }).optional(),
  /** Re-enrolments of this id, and refused attempts to enrol it while live with a code not bound to it (SYNC_ROBOT_ID_TAKEN). */
  enrolment: z
    .object({
      reEnrolments: z.number().int().min(0),
      lastReEnrolledAt: ServerTime.nullable(),
      refusedTakeovers: z.number().int().min(0),
      lastRefusedAt: ServerTime.nullable(),
    })
    .optional(),
});
export const FleetResponse = z.object({ robots: z.array(FleetRobot), serverTime: ServerTime });
export type FleetResponse = z.infer<typeof FleetResponse>;

// ---------------------------------------------------------------- robot events: staff calls and service audit

/**
 * Two small queues besides tickets travel robot → center, each on its own route (their keys,
 * limits and readers differ; a center that lacks one answers 404 and the robot keeps those items):
 * POST /v1/staff-calls/batch { calls } and POST /v1/audit/batch { events }. Each item is validated
 * alone and answered alone, so one malformed item never holds back the others. The robot
 * acknowledges an item only on a result naming it at its index.
 */
export const SYNC_MAX_STAFF_CALLS = 50;
export const SYNC_MAX_AUDIT_EVENTS = 100;
/** An audit row's detail above this many characters of JSON is stored as `{ truncated, size }`. */
export const AUDIT_DETAIL_MAX_CHARS = 4000;

/** A staff call as it travels: the robot's StaffCall, with `calledAt` on the center's clock. */
export const SyncStaffCall = z
  .object({
    id: z.string().uuid(),
    robotId: RobotId,
    reason: StaffCallReason,
    language: z.enum(LANGUAGES),
    ticketId: z.string().uuid().optional(),
    ticketDisplay: z.string().min(1).max(12).optional(),
    calledAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type SyncStaffCall = z.infer<typeof SyncStaffCall>;

export const StaffCallsBatchRequest = z.object({ calls: z.array(z.unknown()).min(1).max(SYNC_MAX_STAFF_CALLS) }).strict();
export const AuditBatchRequest = z.object({ events: z.array(z.unknown()).min(1).max(SYNC_MAX_AUDIT_EVENTS) }).strict();

/**
 * Per item: stored (new), duplicate (this id/key is already stored: acknowledge it), rejected
 * (malformed, or claims another robot: acknowledge and drop it, it will never be accepted).
 * `id` is the staff call's id or the audit event's key, null when the item had none readable.
 */
export const RobotEventResult = z.object({
  index: z.number().int().min(0),
  id: z.string().max(160).nullable(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  code: ErrorCode.optional(),
  issues: z.array(z.string().max(300)).max(10).optional(),
});
export type RobotEventResult = z.infer<typeof RobotEventResult>;

export const RobotEventsResponse = z.object({ results: z.array(RobotEventResult).max(SYNC_MAX_AUDIT_EVENTS), serverTime: ServerTime });
export type RobotEventsResponse = z.infer<typeof RobotEventsResponse>;

/** Staff: GET /v1/staff-calls (open calls, oldest first) and POST /v1/staff-calls/:callId/acknowledge. */
export const CenterStaffCall = z.object({
  callId: z.string(),
  robotId: z.string(),
  reason: z.string(),
  language: z.string(),
  ticketDisplay: z.string().nullable(),
  calledAt: ServerTime,
  receivedAt: ServerTime,
  acknowledgedAt: ServerTime.nullable(),
});
export type CenterStaffCall = z.infer<typeof CenterStaffCall>;

/** Staff: a robot's service audit trail as the center holds it (GET /v1/fleet/:robotId/audit, newest first). */
export const CenterAuditRow = z.object({
  key: z.string(),
  auditId: z.number().int(),
  at: ServerTime,
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type CenterAuditRow = z.infer<typeof CenterAuditRow>;
