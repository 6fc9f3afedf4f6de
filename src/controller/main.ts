/**
 * The controller's composition root: builds the store, the devices and the API from a validated
 * config and wires them together. Nothing else knows which adapters are in use.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { API_PROTOCOL_VERSION, LANGUAGES, type Catalog, type HealthReport, type ProcedureGuide } from '../contract';
import { isWellFormedToken, newToken } from './api/auth';
import { createHttpServer } from './api/http-server';
import { createWsApi, type WsApi } from './api/ws-api';
import type { Handlers } from './api/dispatcher';
import { DEMO_PROCEDURES } from './config/demo-catalog';
import type { RobotConfig } from './config/schema';
import { createMotion, motionHealth } from './devices/motion/create-motion';
import type { MotionPort } from './devices/motion/port';
import { createPrinter } from './devices/printer/create-printer';
import type { Logger } from './log';
import { procedureHandlers } from './procedures/procedure-handlers';
import { issueTicket } from './queue/issue-ticket';
import { QueueStore } from './store/queue-store';
import { recoverInterrupted } from './store/recovery';
import { startScanning, type Scanning } from './scanning';
import { createServiceMode, type ServiceModeDeps } from './service-mode/create-service-mode';
import type { LogRing } from './service-mode/log-ring';
import { VERSION } from './version';

export interface ControllerOptions {
  config: RobotConfig;
  catalog: Catalog;
  /** The procedure guide; the shipped one (assets/catalog/procedures.json) when absent. */
  procedures?: ProcedureGuide;
  log: Logger;
  /** Folder of the built UI (dist/ui). */
  uiDir: string;
  /** A token handed in by the Electron shell (LOBBY_ROBOT_TOKEN); a fresh one otherwise. */
  token?: string;
  /** The simulated board's tty when the motion adapter is `simulator`. */
  simulatorMotionPath?: string;
  /** TCP port of the virtual printer when the printer adapter is `simulator`. */
  simulatorPrinterPort?: number;
  now?: () => Date;
  /** The config file the robot was started with: service mode writes setting changes there. */
  configFile?: string;
  /** Recent warnings/errors for service mode's logs panel (LogRing.tee on the logger's destination). */
  logRing?: LogRing;
  /** Optional views for service mode (sync client, voice), wired when those modules run. */
  serviceViews?: Pick<ServiceModeDeps, 'sync' | 'voice'>;
}

export interface Controller {
  readonly port: number;
  /** The simulator profile's scanners: tests and service mode inject scans through them. */
  readonly simulatedScanners: Scanning['injected'];
  readonly motion: MotionPort;
  readonly url: string;
  readonly token: string;
  health(): HealthReport;
  close(): Promise<void>;
}

export async function startController(opts: ControllerOptions): Promise<Controller> {
  const { config, log } = opts;
  const now = opts.now ?? robotClock(config);
  const started = Date.now();
  const token = isWellFormedToken(opts.token) ? opts.token : newToken();

  const store = QueueStore.open({
    file: join(config.dataDir, 'robot.sqlite'),
    robotId: config.robotId,
    robotSlot: config.queue.robotSlot,
    catalog: opts.catalog,
    clock: { wallMs: () => now().getTime() },
    numberAuthority: config.queue.numberAuthority ?? (config.profile === 'simulator' ? 'self' : 'center'),
  });
  const db = store.db;
  // tickets a crash left half-way: voided or flagged for the operator, never dropped
  const recovered = await recoverInterrupted(store);
  if (recovered.voided.length + recovered.flagged.length + recovered.confirmedPrinted.length > 0) {
    log.warn({ voided: recovered.voided.length, flagged: recovered.flagged.length, printed: recovered.confirmedPrinted.length }, 'recovered interrupted tickets');
  }
  const printer = createPrinter(config.printer, { simulatorPort: opts.simulatorPrinterPort });
  // the handlers and device events broadcast through the socket server, created below them
  let wsApi: WsApi | undefined = undefined;
  const motion = createMotion(config.motion, { dataDir: config.dataDir, log, simulatorPath: opts.simulatorMotionPath, defaultBehaviour: 'idle' });
  // service mode (issue 10): its handlers need a session; ticketJob follows density/cut set there
  const service = createServiceMode({
    config, configFile: opts.configFile, catalog: () => opts.catalog, store, printer, motion, health: () => health(), log, logRing: opts.logRing, now,
    broadcast: (event, data) => wsApi?.broadcast(event, data), secrets: () => [token], ...opts.serviceViews,
  });
  const ticketJob = service.ticketJob;

  const scanning = await startScanning(config, { log, now, onScan: (e) => (service.noteScan(e), wsApi?.broadcast('code.scanned', e)) });

  const health = (): HealthReport => ({
    robotId: config.robotId,
    version: VERSION,
    profile: config.profile,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    devices: { printer: printer.status(), motion: motionHealth(motion), ...scanning.health() },
    store: { state: db.open ? 'ok' : 'fault', adapter: 'sqlite' },
    sync: { state: 'disabled', adapter: 'none' },
  });

  const handlers: Handlers = {
    ...service.handlers,
    hello: () => ({ protocol: API_PROTOCOL_VERSION, robotId: config.robotId, defaultLanguage: config.defaultLanguage, languages: [...LANGUAGES], ui: config.screen }),
    'catalog.get': () => opts.catalog,
    'status.get': () => health(),
    'code.submit': ({ text, source }) => scanning.submit(text, source),
    ...procedureHandlers(() => opts.procedures ?? DEMO_PROCEDURES),
    'ticket.issue': ({ serviceId, language, categoryId }) =>
      issueTicket(
        { store, printer, ticketJob, catalog: () => opts.catalog, log, onTicket: (t) => wsApi?.broadcast('ticket.updated', t) },
        serviceId,
        language,
        categoryId,
      ),
  };

  let port = config.controller.port;
  const api = createWsApi({ token, port: () => port, handlers, log });
  wsApi = api;
  const server = createHttpServer({ uiDir: opts.uiDir, health, wsApi: api, log });
  const statusChanged = () => wsApi?.broadcast('status.changed', health());
  printer.onStatus(statusChanged);
  motion.on('status', statusChanged);
  motion.on('estop', statusChanged);

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
    simulatedScanners: scanning.injected,
    motion,
    health,
    close: () =>
      (closing ??= (async () => {
        api.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await service.close();
        await scanning.close();
        await motion.close();
        await printer.close();
        store.close();
        log.info('controller stopped');
      })()),
  };
}

/** The wall clock; in the simulator profile optionally one that starts at a configured instant. */
function robotClock(config: RobotConfig): () => Date {
  const start = config.queue.simulatedClockStart;
  if (!start || config.profile !== 'simulator') return () => new Date();
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
}
