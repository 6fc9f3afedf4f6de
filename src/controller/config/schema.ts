/**
 * The robot's whole configuration: one zod-validated document. `simulator` is what
 * `npm start` runs with no file; `production` is read from --config / LOBBY_ROBOT_CONFIG.
 */
import { z } from 'zod';
import { Catalog, LANGUAGES } from '../../contract';
import { PROFILE_IDS } from '../devices/printer/profiles';
import { MotionConfig } from './motion-schema';
import { CodesConfig, ScannersConfig } from './scanner-schema';
import { CONFIG_VERSION } from './migrate';
import { VoiceConfig } from './voice-schema';
import { ServiceConfig } from './service-schema';
import { machineRobotId } from './machine-id';

/** The default ticket QR: a placeholder until a center is known (an embedded center replaces it with its own page). */
export const PLACEHOLDER_TICKET_STATUS_URL = 'https://hcc.example.vn/t/{id}';

export const PROFILES = ['simulator', 'production'] as const;

const Port = z.number().int().min(0).max(65535);

const Timeout = z.number().int().min(100).max(60000).default(5000);

/** What every printer adapter shares: the model, paper width and how the ticket is finished. */
const printerSettings = {
  /** A model of hardware/printer/profiles.json: width, band size, QR and status support. */
  profile: z.enum(PROFILE_IDS).default('epson-tm-t20'),
  /** Paper width in dots when it differs from the profile's (a 58 mm roll in an 80 mm printer). */
  widthDots: z.union([z.literal(576), z.literal(384)]).optional(),
  /** Print density -6..6 (GS ( K), for models that take it. */
  density: z.number().int().min(-6).max(6).optional(),
  cut: z.enum(['partial', 'full', 'none']).default('partial'),
  /** `epson`: the printer draws the QR (GS ( k); `raster`: the QR is part of the ticket image. */
  qr: z.enum(['raster', 'epson']).default('raster'),
  timeoutMs: Timeout,
  /** DLE EOT status poll period; 0 turns polling off. */
  statusPollMs: z.number().int().min(0).max(600000).default(5000),
};

/** Printer transports: the virtual printer, LAN (TCP 9100), Linux usblp, serial, libusb. */
export const PrinterConfig = z.discriminatedUnion('adapter', [
  z.object({
    adapter: z.literal('simulator'),
    /** Where the virtual printer writes what it decodes; default <data>/printer. */
    outputDir: z.string().optional(),
    ...printerSettings,
  }).strict(),
  z.object({
    adapter: z.literal('tcp'),
    host: z.string().min(1).max(253),
    port: Port.default(9100),
    ...printerSettings,
  }).strict(),
  z.object({
    adapter: z.literal('usblp'),
    /** The usblp character device, e.g. /dev/usb/lp0 (udev rule: hardware/printer/README.md). */
    device: z.string().regex(/^\/[\w./-]{1,200}$/, 'an absolute path like /dev/usb/lp0'),
    ...printerSettings,
  }).strict(),
  z.object({
    adapter: z.literal('serial'),
    path: z.string().regex(/^\/[\w./-]{1,200}$/, 'an absolute path like /dev/ttyUSB0'),
    baudRate: z.union([z.literal(9600), z.literal(19200), z.literal(38400), z.literal(57600), z.literal(115200)]).default(38400),
    ...printerSettings,
  }).strict(),
  z.object({
    adapter: z.literal('usb'),
    /** USB ids (libusb via escpos-usb); the first printer-class device when absent. */
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    ...printerSettings,
  }).strict(),
  z.object({ adapter: z.literal('none') }).strict(),
]);
export type PrinterConfig = z.infer<typeof PrinterConfig>;

export const RobotConfig = z
  .object({
    /** Set by migrateConfig (./migrate.ts) before validation; absent in files older than versions. */
    version: z.literal(CONFIG_VERSION).optional(),
    profile: z.enum(PROFILES),
    /** Absent: derived from the machine and data folder (./machine-id.ts), so a copied file never shares one. */
    robotId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes, at most 32').optional(),
    /** Where the SQLite store and simulator output live. */
    dataDir: z.string().min(1).default('.data/simulator'),
    controller: z
      .object({
        /** The API is for this machine only: anything but loopback is refused by the schema. */
        host: z.literal('127.0.0.1').default('127.0.0.1'),
        port: Port.default(8787),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 8787 }),
    defaultLanguage: z.enum(LANGUAGES).default('vi'),
    screen: z
      .object({
        /** A 21.5" 1080x1920 panel is about 102 dpi. */
        dpi: z.number().min(50).max(600).default(102),
        idleSeconds: z.number().int().min(15).max(600).default(60),
        moreTimeSeconds: z.number().int().min(20).max(300).default(30),
      })
      .strict()
      .default({ dpi: 102, idleSeconds: 60, moreTimeSeconds: 30 }),
    /** Queue numbering and clock (issue 3: queue core). */
    queue: z
      .object({
        /**
         * This robot's fallback number run, distinct for every robot of a center (1..fallbackSlots).
         * Absent: the center grants one at enrolment, and a robot with a center issues nothing
         * before that (a run another robot may share would print duplicates); 1 without a center.
         */
        robotSlot: z.number().int().min(1).max(16).optional(),
        /**
         * Who leases number blocks: 'center' (the sync client) or 'self' for a robot alone in its
         * center. Default: 'self' in the simulator profile, 'center' in production.
         */
        numberAuthority: z.enum(['self', 'center']).optional(),
        /** Simulator only: the robot's clock starts at this instant and runs at real speed (demos, tests outside opening hours). */
        simulatedClockStart: z.iso.datetime({ offset: true }).optional(),
      })
      .strict()
      .prefault({}),
    printer: PrinterConfig.prefault({ adapter: 'simulator' }),
    /** The phone status page printed as the ticket's QR; {id}, {display}, {day} are filled in. */
    ticketStatusUrl: z
      .string()
      .max(300)
      .regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL')
      .refine((u) => /\{(id|display)\}/.test(u), 'must contain {id} or {display}')
      .default(PLACEHOLDER_TICKET_STATUS_URL),
    /** The center's queue backend (issue 7): see centerMode() for the default. */
    center: z
      .object({
        /**
         * 'embedded': `lobby-robot start` runs the reference center in-process (the simulator
         * default, a robot alone in a small center); 'remote': the center at `url`; 'none': no center.
         */
        mode: z.enum(['embedded', 'remote', 'none']).optional(),
        url: z.string().max(300).regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL').optional(),
        /** The one-time code from the center's administrator; spent on first start, then the saved token is used. */
        enrolmentCode: z.string().regex(/^[A-HJKMNP-Z2-9]{8}$/, '8 letters/digits').optional(),
        /** The embedded center's port on loopback; 0 picks a free one. */
        port: z.number().int().min(0).max(65535).default(0),
        /**
         * Where the embedded center listens: loopback by default; "0.0.0.0" also serves its pages
         * to the LAN, and tickets' QR then carry the machine's LAN address so phones can open them.
         */
        host: z.string().regex(/^(\d{1,3}(\.\d{1,3}){3}|::1?|localhost)$/, 'an IP address').default('127.0.0.1'),
        /** The embedded center's PostgreSQL (postgres://…, issue 19) instead of its SQLite file under dataDir/center. */
        database: z.string().max(500).regex(/^postgres(ql)?:\/\/[^\s]+$/, 'a postgres:// URL').optional(),
        /**
         * How often an idle robot asks the center for news (catalog, leases) and sends what waits;
         * a ticket, a staff call or a rating is sent at once, whatever this says. A city with
         * hundreds of robots on one center may lengthen it.
         */
        pollSeconds: z.number().min(0.5).max(300).default(2),
      })
      .strict()
      .prefault({}),
    scanners: ScannersConfig.default([]),
    /** Absent means no board: a production file names its board explicitly, never the simulator by accident. */
    motion: MotionConfig.prefault({ adapter: 'none' }),
    codes: CodesConfig.default({ centerPublicKeys: [] }),
    /** Microphone, wake word and speech out (issue 8); off unless `enabled`. */
    voice: VoiceConfig.prefault({}),
    /** Appointment check-in window around the slot (issue 6): from earlyMinutes before to lateMinutes after. */
    appointments: z
      .object({ earlyMinutes: z.number().int().min(0).max(240).default(30), lateMinutes: z.number().int().min(0).max(240).default(15) })
      .strict()
      .prefault({}),
    /** Path of a catalog JSON file; the demo ward catalog when absent. */
    catalogFile: z.string().optional(),
    catalog: Catalog.optional(),
    /** Path of the procedure guide JSON (issue 16), validated at start; the shipped guide when absent. */
    proceduresFile: z.string().max(500).optional(),
    /** Technician service mode (issue 10): PIN hash, inactivity, lock-out. */
    service: ServiceConfig.prefault({}),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict()
  .refine((c) => c.profile === 'simulator' || !c.queue.simulatedClockStart, { path: ['queue', 'simulatedClockStart'], message: 'only in the simulator profile' })
  .refine((c) => c.center.mode !== 'remote' || c.center.url, { path: ['center', 'url'], message: 'a remote center needs its URL' })
  .transform((c) => ({ ...c, robotId: c.robotId ?? machineRobotId(c.dataDir) }));
export type RobotConfig = z.infer<typeof RobotConfig>;
export type RobotConfigInput = z.input<typeof RobotConfig>;

/** Explicit mode first; a URL means a remote center; the simulator embeds one; production without a URL has none. */
export function centerMode(config: Pick<RobotConfig, 'center' | 'profile'>): 'embedded' | 'remote' | 'none' {
  if (config.center.mode) return config.center.mode;
  if (config.center.url) return 'remote';
  return config.profile === 'simulator' ? 'embedded' : 'none';
}
