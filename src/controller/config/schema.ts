/**
 * The robot's whole configuration: one zod-validated document. `simulator` is what
 * `npm start` runs with no file; `production` is read from --config / LOBBY_ROBOT_CONFIG.
 */
import { z } from 'zod';
import { Catalog, LANGUAGES } from '../../contract';
import { CONFIG_VERSION } from './migrate';

export const PROFILES = ['simulator', 'production'] as const;

const Port = z.number().int().min(0).max(65535);

/** Printer transports; issue-specific adapters (USB, usblp, serial) join this union. */
export const PrinterConfig = z.discriminatedUnion('adapter', [
  z.object({
    adapter: z.literal('simulator'),
    /** Where the virtual printer writes what it decodes; default <data>/printer. */
    outputDir: z.string().optional(),
  }).strict(),
  z.object({
    adapter: z.literal('tcp'),
    host: z.string().min(1).max(253),
    port: Port.default(9100),
    timeoutMs: z.number().int().min(100).max(60000).default(5000),
  }).strict(),
  z.object({ adapter: z.literal('none') }).strict(),
]);
export type PrinterConfig = z.infer<typeof PrinterConfig>;

export const RobotConfig = z
  .object({
    /** Set by migrateConfig (./migrate.ts) before validation; absent in files older than versions. */
    version: z.literal(CONFIG_VERSION).optional(),
    profile: z.enum(PROFILES),
    robotId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes, at most 32'),
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
    ticketNumberWidth: z.number().int().min(2).max(6).default(3),
    printer: PrinterConfig.default({ adapter: 'simulator' }),
    /** Path of a catalog JSON file; the demo ward catalog when absent. */
    catalogFile: z.string().optional(),
    catalog: Catalog.optional(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict();
export type RobotConfig = z.infer<typeof RobotConfig>;
export type RobotConfigInput = z.input<typeof RobotConfig>;
