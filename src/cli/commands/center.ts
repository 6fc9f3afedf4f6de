/**
 * `lobby-robot center [--port N] [--data DIR] [--host H] [--database postgres://…]`: runs the
 * reference center backend alone (a real center serves the LAN); SQLite under --data unless a
 * PostgreSQL URL is given (a city's shared database, issue 19). `startCenter` is what `lobby-robot start` calls to embed
 * the center in-process as the default of the simulator profile.
 */
import { resolve } from 'node:path';
import type { Catalog } from '../../contract/catalog';
import type { ErrorCode } from '../../contract/error-codes';
import { createCenterServer, type CenterOptions } from '../../center/server';
import type { CenterLog } from '../../center/context';
import { DEMO_CATALOG } from '../../controller/config/demo-catalog';
import { createLogger } from '../../controller/log';
import { parseOptions, parsePort, UsageError } from '../args';
import { parseTrustProxy, readCenterCatalog } from './center-options';
import { redactUrl } from '../../center/storage/postgres';
import { startupError } from '../../controller/startup-error';
import type { CliIo } from '../io';
import { loadCenterConfig, type CenterFileOptions } from '../center-config';
import { ConfigError, EXIT_CONFIG } from '../../controller/config/load';

export const CENTER_USAGE = 'center [--port N] [--data DIR] [--host H] [--database postgres://…] [--config FILE] [--catalog FILE] [--trust-proxy ADDRESSES]';
export const DEFAULT_CENTER_PORT = 8720;

export interface StartCenterOptions {
  port: number;
  host: string;
  dataDir: string;
  log: CenterLog;
  now?: () => number;
  /** The demo catalog unless given (a real center passes its own). */
  catalog?: Catalog;
  staffKey?: string;
  tokenTtlMs?: number;
  numbering?: CenterOptions['numbering'];
  /** A postgres:// URL instead of SQLite under dataDir. */
  database?: string;
  /** Where phones reach the center (home visits' status links); the robot's request Host when absent. */
  publicUrl?: CenterOptions['publicUrl'];
  /** From the center's config file (--config): a city's branches, its administrator's key, the booking section. */
  branches?: CenterOptions['branches'];
  adminKey?: string;
  booking?: CenterOptions['booking'];
  /** Balancers whose X-Forwarded-For names the client (several instances, issue 19). */
  trustProxy?: string;
}

export interface StartedCenter {
  url: string;
  /** Declared branch ids, the home (first) one first. */
  branchIds: string[];
  port: number;
  staffKey: string;
  /** Public key that signs appointment QRs (base64): the robot's codes.centerPublicKeys trusts it. */
  appointmentKey: string;
  close(): Promise<void>;
}

export async function startCenter(opts: StartCenterOptions): Promise<StartedCenter> {
  const running = await createCenterServer({ ...opts, catalog: opts.catalog ?? DEMO_CATALOG });
  return { url: running.url, branchIds: [...running.branches.keys()], port: running.port, staffKey: running.staffKey, appointmentKey: running.appointmentKey, close: running.close };
}

export async function center(args: string[], io: CliIo): Promise<number> {
  let opts;
  let trustProxy: string | undefined;
  try {
    opts = parseOptions(args, {
      port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' }, database: { type: 'string' }, config: { type: 'string' }, catalog: { type: 'string' }, 'trust-proxy': { type: 'string' },
    });
    if (opts.positionals.length) throw new UsageError(`unexpected argument "${opts.positionals[0]}"`);
    trustProxy = parseTrustProxy(opts.values['trust-proxy'] ?? (io.env.LOBBY_CENTER_TRUST_PROXY || undefined));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\nusage: lobby-robot ${CENTER_USAGE}`);
    return 64;
  }
  let port: number;
  try {
    port = parsePort(opts.values.port ?? io.env.LOBBY_CENTER_PORT) ?? DEFAULT_CENTER_PORT;
  } catch (e) {
    io.stderr(`lobby-robot: ${(e as Error).message}\nusage: lobby-robot ${CENTER_USAGE}`);
    return 64;
  }
  const host = opts.values.host ?? io.env.LOBBY_CENTER_HOST ?? '0.0.0.0';
  const dataDir = resolve(io.cwd, opts.values.data ?? io.env.LOBBY_CENTER_DATA ?? 'center-data');
  const log = createLogger(io.env.LOG_LEVEL ?? 'info');
  let file: CenterFileOptions = {};
  const configFile = opts.values.config ?? (io.env.LOBBY_CENTER_CONFIG || undefined);
  try {
    if (configFile) file = loadCenterConfig(resolve(io.cwd, configFile));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr(`lobby-robot: ${e.message}`);
    return EXIT_CONFIG;
  }
  const database = opts.values.database ?? (io.env.LOBBY_CENTER_DATABASE || file.database);
  const catalogFile = opts.values.catalog ?? (io.env.LOBBY_CENTER_CATALOG || undefined);
  let started: StartedCenter;
  try {
    const catalog = catalogFile ? readCenterCatalog(resolve(io.cwd, catalogFile)) : undefined;
    started = await startCenter({ port, host, dataDir, log, ...file, database, ...(catalog ? { catalog } : {}), trustProxy });
  } catch (e) {
    io.stderr(centerStartFailure(e, { host, port, dataDir, database, catalogFile }));
    return 1;
  }
  io.stdout(startedLines(started, database ? redactUrl(database) : dataDir, dataDir, !!file.branches));
  const stop = (signal: string) => {
    log.info({ signal }, 'center shutting down');
    setTimeout(() => process.exit(1), 5000).unref();
    started.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return -1;
}

/** What the operator reads once the center listens: where its pages are. */
function startedLines(started: StartedCenter, dataShown: string, dataDir: string, city: boolean): string {
  return [
    `center listening on ${started.url} (data in ${dataShown})`,
    ...(city ? branchLines(started) : [
      `  counter page  ${started.url}/counter`,
      `  lobby display ${started.url}/display`,
      `  fleet page    ${started.url}/fleet`,
      `  statistics    ${started.url}/stats`,
      `  staff key is in ${dataDir}/staff-key (pages ask for it)`,
    ]),
  ].join('\n');
}

/** A city's center: each branch's pages live under /b/<id>/. */
function branchLines(started: StartedCenter): string[] {
  return [
    ...started.branchIds.map((id) => `  branch ${id}: ${started.url}/b/${id}/ (counter, display, fleet, stats)`),
    `  city administrator: ${started.url}/v1/city/fleet and /v1/city/stats with "Authorization: Admin <key>"`,
  ];
}

/** One line naming the cause: a coded start-up failure (database, signing key, port) or the error's own words. */
function centerStartFailure(e: unknown, at: { host: string; port: number; dataDir: string; database?: string; catalogFile?: string }): string {
  const coded = startupError(e, { dir: at.dataDir, files: { ...centerDatabaseSubjects(at.database), ...(at.catalogFile ? { STARTUP_CENTER_CATALOG_INVALID: at.catalogFile } : {}) } });
  return coded.code === 'STARTUP_FAILED' ? `lobby-robot: the center could not start on ${at.host}:${at.port}: ${(e as Error).message}` : coded.line();
}

/** What a database start-up failure names: the URL without its password. */
export function centerDatabaseSubjects(database: string | undefined): Partial<Record<ErrorCode, string>> {
  if (!database) return {};
  const db = redactUrl(database);
  return { STARTUP_CENTER_DATABASE_URL_INVALID: db, STARTUP_CENTER_DATABASE_UNREACHABLE: db, STARTUP_CENTER_DATABASE_TOO_NEW: db };
}
