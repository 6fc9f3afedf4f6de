/**
 * Config fragments for scanning: which scanners the robot has (`scanners`) and how codes are
 * verified (`codes`). The lead mounts them in RobotConfig, e.g.
 *   scanners: ScannersConfig.default([]),  codes: CodesConfig.default({})
 * and the simulator profile uses [{ adapter: 'simulator', id: 'simulated' }].
 */
import { z } from 'zod';
import { MAX_SCAN_BYTES } from '../../contract';
import { SERIAL_TERMINATORS } from '../devices/scanner/line-framer';

/** USB ids as numbers or as the "0x0c2e" spelling of lsusb and datasheets. */
const UsbId = z.union([
  z.number().int().min(0).max(0xffff),
  z
    .string()
    .regex(/^0x[0-9a-fA-F]{1,4}$/, 'a number or hex like "0x0c2e"')
    .transform((s) => Number.parseInt(s, 16)),
]);
const ScannerId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes, at most 32');
const ReconnectMs = z.number().int().min(50).max(60_000).default(2000);
const MaxBytes = z.number().int().min(16).max(MAX_SCAN_BYTES).default(MAX_SCAN_BYTES);
const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const HidScannerConfig = z
  .object({
    adapter: z.literal('hid'),
    id: ScannerId,
    /** "pos": USB HID POS (usage page 0x8C); "keyboard": the scanner acts as a keyboard. */
    mode: z.enum(['pos', 'keyboard']).default('pos'),
    vendorId: UsbId,
    productId: UsbId.optional(),
    /** Tells two identical scanners apart. */
    serialNumber: z.string().min(1).max(64).optional(),
    /** POS: scanned-data report ID (default 0x02); keyboard: only when reports carry an ID. */
    reportId: z.number().int().min(1).max(255).optional(),
    terminator: z.enum(['enter', 'tab']).default('enter'),
    maxBytes: MaxBytes,
    reconnectMs: ReconnectMs,
  })
  .strict();

export const SerialScannerConfig = z
  .object({
    adapter: z.literal('serial'),
    id: ScannerId,
    /** e.g. /dev/ttyACM0, or a stable /dev/serial/by-id/... link */
    path: z.string().min(1).max(255),
    baudRate: z
      .number()
      .int()
      .refine((b) => (BAUD_RATES as readonly number[]).includes(b), `one of ${BAUD_RATES.join(', ')}`)
      .default(9600),
    terminator: z.enum(SERIAL_TERMINATORS).default('cr'),
    maxLineBytes: MaxBytes,
    reconnectMs: ReconnectMs,
  })
  .strict();

export const SimulatedScannerConfig = z.object({ adapter: z.literal('simulator'), id: ScannerId }).strict();

export const ScannerConfig = z.discriminatedUnion('adapter', [HidScannerConfig, SerialScannerConfig, SimulatedScannerConfig]);
export type ScannerConfig = z.infer<typeof ScannerConfig>;

export const ScannersConfig = z
  .array(ScannerConfig)
  .max(4)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate scanner id "${s.id}"` });
      seen.add(s.id);
    });
  });
export type ScannersConfig = z.infer<typeof ScannersConfig>;

/** An Ed25519 public key: base64 of the raw 32 bytes, or PEM (SPKI). */
const PublicKeyText = z
  .string()
  .max(1000)
  .refine(
    (k) => k.trim().startsWith('-----BEGIN PUBLIC KEY-----') || /^[A-Za-z0-9+/]{43}=$/.test(k.trim()),
    'base64 of a 32-byte Ed25519 key or a PEM public key',
  );

export const CodesConfig = z
  .object({
    /** Keys of the center that sign appointment codes and badges; several during a key rotation. */
    centerPublicKeys: z.array(PublicKeyText).max(4).default([]),
    /** Base URL of the center's phone ticket-status page, printed in ticket QRs as <base>/t/<id>. */
    ticketBaseUrl: z.string().url().max(200).optional(),
  })
  .strict();
export type CodesConfig = z.infer<typeof CodesConfig>;
