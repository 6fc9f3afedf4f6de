/**
 * Config fragment for service mode (issue 10), wired into RobotConfig as
 * `service: ServiceConfig.prefault({})`. The PIN is never stored, only its scrypt hash
 * (`lobby-robot service pin-hash` prints one).
 */
import { z } from 'zod';

/** "scrypt$<logN>$<r>$<p>$<salt b64url>$<hash b64url>", see src/controller/service-mode/pin.ts. */
export const PIN_HASH_PATTERN = /^scrypt\$\d{1,2}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{16,64}\$[A-Za-z0-9_-]{32,128}$/;

export const ServiceConfig = z
  .object({
    /** Absent: PIN entry is refused (SERVICE_PIN_NOT_SET), except the simulator's documented default. */
    pinHash: z.string().regex(PIN_HASH_PATTERN, 'a hash from `lobby-robot service pin-hash`').optional(),
    /** The session ends by itself after this long without a touch in the technician UI. */
    inactivitySeconds: z.number().int().min(30).max(3600).default(300),
    /** Wrong PINs before the first lock-out; each further wrong PIN doubles the delay. */
    maxAttempts: z.number().int().min(3).max(10).default(5),
    lockoutBaseSeconds: z.number().int().min(5).max(3600).default(30),
    lockoutMaxSeconds: z.number().int().min(60).max(86400).default(3600),
    /**
     * Where a USB stick is mounted (e.g. /media/lobby-usb, see hardware/udev): the support bundle is
     * also written there when that folder exists. The browser download works without it.
     */
    exportDir: z.string().regex(/^\/[\w./-]{1,200}$/, 'an absolute path like /media/lobby-usb').optional(),
    /** How long a scanned technician badge waits for its PIN. */
    badgeWindowSeconds: z.number().int().min(10).max(600).default(120),
  })
  .strict();
export type ServiceConfig = z.infer<typeof ServiceConfig>;
