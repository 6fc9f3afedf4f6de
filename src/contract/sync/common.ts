/** Sync protocol v1 — protocol version, headers, limits, the error body and the center's info. */
import { z } from 'zod';
import { ErrorCode, ServerTime } from './primitives';

/** Bump on any incompatible change below; the center answers older robots while it can. */
export const SYNC_PROTOCOL_VERSION = 1;
export const SYNC_PROTOCOL_HEADER = 'x-sync-protocol';
export const SERVER_TIME_HEADER = 'x-server-time';
/** No request body of the protocol is near this; anything bigger is refused with CENTER_BODY_TOO_LARGE. */
export const SYNC_MAX_BODY_BYTES = 512 * 1024;
export const SYNC_MAX_BATCH = 200;
export const SYNC_MAX_LEASE_REQUESTS = 20;

export const SyncError = z.object({
  error: z.object({ code: ErrorCode, issues: z.array(z.string().max(300)).max(20).optional() }),
  serverTime: ServerTime,
});
export type SyncError = z.infer<typeof SyncError>;

export const CenterInfo = z.object({
  protocol: z.number().int(),
  minProtocol: z.number().int(),
  centerName: z.string().max(300),
  /**
   * Ed25519 public key (base64, raw 32 bytes) that signs appointment QRs, for a technician to copy
   * into the robot's config codes.centerPublicKeys. Robots never trust it from here (see docs).
   */
  appointmentKey: z.string().max(100).optional(),
  serverTime: ServerTime,
});
export type CenterInfo = z.infer<typeof CenterInfo>;
