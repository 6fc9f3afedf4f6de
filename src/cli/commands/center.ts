/**
 * `lobby-robot center [--port N] [--data DIR] [--host H]`: runs the reference center backend
 * alone (a real center serves the LAN). `startCenter` is what `lobby-robot start` calls to embed
 * the center in-process as the default of the simulator profile.
 */
import { resolve } from 'node:path';
import type { Catalog } from '../../contract/catalog';
import { createCenterServer, type CenterOptions } from '../../center/server';
import type { CenterLog } from '../../center/context';
import { DEMO_CATALOG } from '../../controller/config/demo-catalog';
import { createLogger } from '../../controller/log';
import { parseOptions, parsePort, UsageError } from '../args';
import type { CliIo } from '../io';

export const CENTER_USAGE = 'center [--port N] [--data DIR] [--host H]';
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
}

export interface StartedCenter {
  url: string;
  port: number;
  staffKey: string;
  /** Public key that signs appointment QRs (base64): the robot's codes.centerPublicKeys trusts it. */
  appointmentKey: string;
  close(): Promise<void>;
}

export async function startCenter(opts: StartCenterOptions): Promise<StartedCenter> {
  const running = await createCenterServer({ ...opts, catalog: opts.catalog ?? DEMO_CATALOG });
  return { url: running.url, port: running.port, staffKey: running.staffKey, appointmentKey: running.appointmentKey, close: running.close };
}

export async function center(args: string[], io: CliIo): Promise<number> {
  let opts;
  try {
    opts = parseOptions(args, { port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' } });
    if (opts.positionals.length) throw new UsageError(`unexpected argument "${opts.positionals[0]}"`);
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
  let started: StartedCenter;
  try {
    started = await startCenter({ port, host, dataDir, log });
  } catch (e) {
    io.stderr(`lobby-robot: the center could not start on ${host}:${port}: ${(e as Error).message}`);
    return 1;
  }
  io.stdout(
    [
      `center listening on ${started.url} (data in ${dataDir})`,
      `  counter page  ${started.url}/counter`,
      `  lobby display ${started.url}/display`,
      `  fleet page    ${started.url}/fleet`,
      `  statistics    ${started.url}/stats`,
      `  staff key is in ${dataDir}/staff-key (pages ask for it)`,
    ].join('\n'),
  );
  const stop = (signal: string) => {
    log.info({ signal }, 'center shutting down');
    setTimeout(() => process.exit(1), 5000).unref();
    started.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return -1;
}
