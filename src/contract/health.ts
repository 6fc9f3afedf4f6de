import { z } from 'zod';

/** ok: working; degraded: working with a warning (paper near end); fault: not working; disabled: not configured. */
export const PartState = z.enum(['ok', 'degraded', 'fault', 'disabled', 'starting']);
export type PartState = z.infer<typeof PartState>;

export const PartStatus = z.object({
  state: PartState,
  /** Which adapter is in use, e.g. "tcp 127.0.0.1:9100" or "simulator". */
  adapter: z.string(),
  /** A stable error code when not ok. */
  code: z.string().optional(),
});
export type PartStatus = z.infer<typeof PartStatus>;

/** What the robot knows of its center link (issue 7): shown in /healthz, the UI and service mode. */
export const CenterLinkStatus = z.object({
  url: z.string(),
  online: z.boolean(),
  enrolment: z.enum(['enrolled', 'not-enrolled', 'revoked', 'expired']),
  outboxLength: z.number().int().min(0),
  lastSyncAt: z.number().nullable(),
  skewMs: z.number(),
  streamConnected: z.boolean(),
  /** counter id -> number being served. */
  nowServing: z.record(z.string(), z.string().nullable()),
});
export type CenterLinkStatus = z.infer<typeof CenterLinkStatus>;

export const HealthReport = z.object({
  robotId: z.string(),
  version: z.string(),
  profile: z.string(),
  uptimeSeconds: z.number(),
  devices: z.record(z.string(), PartStatus),
  store: PartStatus,
  sync: PartStatus,
  center: CenterLinkStatus.optional(),
});
export type HealthReport = z.infer<typeof HealthReport>;
