/** Sync protocol v1 — enrolment with a one-time code, device tokens and their refresh. */
import { z } from 'zod';
import { RobotId, ServerTime } from './primitives';

/** One-time codes: 8 characters without look-alikes (no 0/O, 1/I/L). */
export const EnrolmentCode = z.string().regex(/^[A-HJKMNP-Z2-9]{8}$/, 'enrolment code: 8 letters/digits');

export const EnrolRequest = z
  .object({
    code: EnrolmentCode,
    robotId: RobotId,
    version: z.string().max(40),
    /** The slot the robot was configured with (and may already have issued fallback numbers from); granted when free. */
    preferredSlot: z.number().int().min(1).max(64).optional(),
  })
  .strict();
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const DeviceToken = z.object({
  token: z.string().min(32).max(128),
  /** After this instant the token is refused with SYNC_TOKEN_EXPIRED. */
  expiresAt: ServerTime,
  /** Refresh from this instant on (well ahead of expiry, so a robot offline for a while still makes it). */
  refreshAfter: ServerTime,
});
export type DeviceToken = z.infer<typeof DeviceToken>;

export const EnrolResponse = z.object({
  robotId: RobotId,
  /** 1..fallbackSlots, distinct among the center's robots: picks the robot's fallback number series. */
  robotSlot: z.number().int().min(1).max(64),
  device: DeviceToken,
  serverTime: ServerTime,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** POST /v1/token/refresh with the current token; the old one stays valid for a short grace. */
export const RefreshResponse = z.object({ device: DeviceToken, serverTime: ServerTime });
export type RefreshResponse = z.infer<typeof RefreshResponse>;

/** Staff: POST /v1/admin/enrolment-codes. */
export const CreateEnrolmentCodeRequest = z
  .object({ robotId: RobotId.optional(), validMinutes: z.number().int().min(1).max(7 * 24 * 60).default(24 * 60) })
  .strict();
export const CreateEnrolmentCodeResponse = z.object({ code: EnrolmentCode, expiresAt: ServerTime, serverTime: ServerTime });
