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

export const HealthReport = z.object({
  robotId: z.string(),
  version: z.string(),
  profile: z.string(),
  uptimeSeconds: z.number(),
  devices: z.record(z.string(), PartStatus),
  store: PartStatus,
  sync: PartStatus,
});
export type HealthReport = z.infer<typeof HealthReport>;
