/**
 * The controller's composition root: builds the store, the devices and the API from a validated
 * config and wires them together. Nothing else knows which adapters are in use.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { API_PROTOCOL_VERSION, LANGUAGES, type Catalog, type HealthReport } from '../contract';
import { isWellFormedToken, newToken } from './api/auth';
import { createHttpServer } from './api/http-server';
import { createWsApi, type WsApi } from './api/ws-api';
import type { Handlers } from './api/dispatcher';
import type { RobotConfig } from './config/schema';
import { createPrinter } from './devices/printer/create-printer';
import { ticketJobBuilder } from './devices/printer/ticket/ticket-job';
import type { Logger } from './log';
import { issueTicket } from './queue/issue-ticket';
import { openDatabase } from './store/database';
import { TicketStore } from './store/ticket-store';
import { VERSION } from './version';

export interface ControllerOptions {
  config: RobotConfig;
  catalog: Catalog;
  log: Logger;
  /** Folder of the built UI (dist/ui). */
  uiDir: string;
  /** A token handed in by the Electron shell (LOBBY_ROBOT_TOKEN); a fresh one otherwise. */
  token?: string;
  /** TCP port of the virtual printer when the printer adapter is `simulator`. */
  simulatorPrinterPort?: number;
  now?: () => Date;
}

export interface Controller {
  readonly port: number;
  readonly url: string;
  readonly token: string;
  health(): HealthReport;
  close(): Promise<void>;
}

export async function startController(opts: ControllerOptions): Promise<Controller> {
  const { config, log } = opts;
  const now = opts.now ?? (() => new Date());
  const started = Date.now();
  const token = isWellFormedToken(opts.token) ? opts.token : newToken();

  const db = openDatabase(join(config.dataDir, 'robot.sqlite'));
  const store = new TicketStore(db);
  const printer = createPrinter(config.printer, { simulatorPort: opts.simulatorPrinterPort });
  const ticketJob = ticketJobBuilder(config.printer, () => opts.catalog, config.ticketStatusUrl);

  const health = (): HealthReport => ({
    robotId: config.robotId,
    version: VERSION,
    profile: config.profile,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    devices: { printer: printer.status() },
    store: { state: db.open ? 'ok' : 'fault', adapter: 'sqlite' },
    sync: { state: 'disabled', adapter: 'none' },
  });

  // the handlers broadcast through the socket server, which is created right after them
  let wsApi: WsApi | undefined = undefined;
  const handlers: Handlers = {
    hello: () => ({ protocol: API_PROTOCOL_VERSION, robotId: config.robotId, defaultLanguage: config.defaultLanguage, languages: [...LANGUAGES] }),
    'catalog.get': () => opts.catalog,
    'status.get': () => health(),
    'ticket.issue': ({ serviceId, language }) =>
      issueTicket(
        { store, printer, ticketJob, catalog: () => opts.catalog, now, numberWidth: config.ticketNumberWidth, log, onTicket: (t) => wsApi?.broadcast('ticket.updated', t) },
        serviceId,
        language,
      ),
  };

  let port = config.controller.port;
  const api = createWsApi({ token, port: () => port, handlers, log });
  wsApi = api;
  const server = createHttpServer({ uiDir: opts.uiDir, health, wsApi: api, log });
  printer.onStatus(() => wsApi?.broadcast('status.changed', health()));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.controller.port, config.controller.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  log.info({ url, profile: config.profile, printer: printer.status().adapter }, 'controller listening');

  let closing: Promise<void> | undefined;
  return {
    port,
    url,
    token,
    health,
    close: () =>
      (closing ??= (async () => {
        api.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await printer.close();
        db.close();
        log.info('controller stopped');
      })()),
  };
}
