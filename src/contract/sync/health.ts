/** Sync protocol v1 — heartbeats with device health and crash-report summaries. */
import { z } from 'zod';
import { ServerTime } from './primitives';

/** At most this many crash reports are named in one heartbeat (the newest); `count` has them all. */
export const CRASH_SUMMARY_MAX = 10;

/**
 * Crash dumps and fatal-error reports kept on the robot (<data>/crashes), summarised for the
 * center's fleet view: names, times and sizes only — never the dump's bytes or an error message.
 */
export const CrashReportSummary = z
  .object({
    count: z.number().int().min(0).max(1e6),
    totalBytes: z.number().int().min(0).max(1e13),
    latest: z
      .array(
        z
          .object({
            kind: z.enum(['minidump', 'fatal-error']),
            /** Path under <data>/crashes, e.g. electron/completed/<uuid>.dmp */
            file: z.string().max(160).regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+){0,3}$/),
            at: ServerTime,
            sizeBytes: z.number().int().min(0).max(1e12),
            /** A fatal-error report's stable code when it had one (ErrorCode or a Node.js errno). */
            code: z.string().max(64).regex(/^[A-Z][A-Z0-9_]*$/).optional(),
          })
          .strict(),
      )
      .max(CRASH_SUMMARY_MAX),
  })
  .strict();
export type CrashReportSummary = z.infer<typeof CrashReportSummary>;

export const DeviceHealth = z
  .object({
    version: z.string().max(40),
    uptimeSeconds: z.number().min(0).max(1e9),
    outboxLength: z.number().int().min(0).max(1e9),
    /** printer, scanner, motion, mic, ...: state and a stable code when not ok. */
    parts: z
      .record(
        z.string().max(32),
        z.object({ state: z.enum(['ok', 'degraded', 'fault', 'disabled', 'starting']), code: z.string().max(64).optional(), adapter: z.string().max(80).optional() }),
      )
      .refine((r) => Object.keys(r).length <= 20, 'at most 20 parts'),
    /** The robot's own clock, ms since the epoch: the center shows the skew on the fleet page. */
    robotTime: z.number().int().nonnegative(),
    /** Crash reports kept on the robot; absent from robots older than crash reporting. */
    crashReports: CrashReportSummary.optional(),
  })
  .strict();
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const HeartbeatResponse = z.object({
  /** The catalog's current ETag: fetch GET /v1/catalog again when it differs from yours. */
  catalogEtag: z.string().max(80),
  /** The last id of the event stream, so a robot can tell it has missed events. */
  lastEventId: z.number().int().min(0),
  serverTime: ServerTime,
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;
