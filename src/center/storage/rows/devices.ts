/**
 * A device row (with its newest token's expiry) as both adapters read it.
 */
import type { DeviceHealth } from '../../../contract/sync';
import type { DeviceRecord } from '../port';

export interface DeviceRow {
  robot_id: string;
  robot_slot: number;
  enrolled_at_ms: number;
  revoked_at_ms: number | null;
  last_seen_at_ms: number | null;
  skew_ms: number | null;
  health: string | null;
  token_expires_at_ms: number | null;
  reenrolled_count: number;
  last_reenrolled_at_ms: number | null;
  takeover_refused_count: number;
  last_takeover_refused_at_ms: number | null;
}

export const deviceFromRow = (r: DeviceRow): DeviceRecord => ({
  robotId: r.robot_id,
  robotSlot: r.robot_slot,
  enrolledAtMs: r.enrolled_at_ms,
  revoked: r.revoked_at_ms !== null,
  tokenExpiresAtMs: r.token_expires_at_ms,
  lastSeenAtMs: r.last_seen_at_ms,
  skewMs: r.skew_ms,
  health: r.health ? (JSON.parse(r.health) as DeviceHealth) : null,
  enrolment: {
    reEnrolments: r.reenrolled_count, lastReEnrolledAtMs: r.last_reenrolled_at_ms,
    refusedTakeovers: r.takeover_refused_count, lastRefusedAtMs: r.last_takeover_refused_at_ms,
  },
});
