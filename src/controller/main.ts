/**
 * The controller's composition root: the robot's parts, in the order they are made, each from a
 * small factory (./compose/) and the parts made before it. Parts tell each other what happens
 * through the robot events (./compose/robot-events.ts), never through a part made later. Whatever
 * is opened is closed on one path, in reverse order: on close() and after a failed start.
 */
import type { Catalog, HealthReport, ProcedureGuide } from '../contract';
import { isWellFormedToken, newToken } from './api/auth';
import { apiHandlers } from './compose/api-handlers';
import { openApi } from './compose/api-part';
import { catalogInForce, centerAddress, openCenterLink, type CenterAddress, type Outboxes } from './compose/center-part';
import { openMotion, openPrinter, openScanning, openVoice } from './compose/device-parts';
import { partsHealth, robotHealth } from './compose/health-part';
import { createRobotEvents } from './compose/robot-events';
import { openServiceMode } from './compose/service-part';
import { openStore, recoverStore } from './compose/store-part';
import type { RobotConfig } from './config/schema';
import type { MotionPort } from './devices/motion/port';
import type { Logger } from './log';
import { RatingOutbox } from './ratings/rating-outbox';
import type { Scanning } from './scanning';
import type { ServiceModeDeps } from './service-mode/create-service-mode';
import type { LogRing } from './service-mode/log-ring';
import { StaffCallOutbox } from './staff/staff-outbox';
import type { QueueStore } from './store/queue-store';
import type { CenterLink } from './sync/create-sync';
import { Teardown } from './teardown';
import { startWatchdog, type WatchdogOptions } from './watchdog';

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
  /**
   * The center to sync with: `lobby-robot start` passes the embedded one; otherwise config
   * center.url (remote mode). No center: the robot works alone.
   */
  center?: CenterAddress;
  /** systemd watchdog: process.env's NOTIFY_SOCKET/WATCHDOG_USEC by default; tests pass their own. */
  watchdog?: Pick<WatchdogOptions, 'env' | 'spawn' | 'clock'>;
  /** The config file the robot was started with: service mode writes setting changes there. */
  configFile?: string;
  /** Recent warnings/errors for service mode's logs panel (LogRing.tee on the logger's destination). */
  logRing?: LogRing;
  /** Optional views for service mode (sync client, voice), wired when those modules run. */
  serviceViews?: Pick<ServiceModeDeps, 'sync' | 'voice'>;
  /** Test hook (chaos harness): sees the store once it is open, e.g. to cap its pages and fill the "disk". */
  onStoreOpen?: (store: QueueStore) => void;
}

export interface Controller {
  readonly port: number;
  /** The simulator profile's scanners: tests and service mode inject scans through them. */
  readonly simulatedScanners: Scanning['injected'];
  readonly motion: MotionPort;
  readonly url: string;
  readonly token: string;
  /** Visitors' calls for a person, waiting to be carried to the center (issue 9). */
  readonly staffCalls: StaffCallOutbox;
  /** Ratings taken while the center was cut off, waiting to be delivered (issue 18). */
  readonly ratings: RatingOutbox;
  /** The sync client when a center is configured. */
  readonly centerLink: CenterLink | null;
  health(): HealthReport;
  close(): Promise<void>;
}

/** A part that cannot start throws a StartupError naming its file or port, after the parts opened before it are closed (issue 16). */
export async function startController(opts: ControllerOptions): Promise<Controller> {
  const opened = new Teardown();
  try {
    return await openController(opts, opened);
  } catch (e) {
    await opened.closeAll((part, err) => opts.log.info({ part, ...(err ? { err: String(err) } : {}) }, 'closed after a failed start'));
    throw e;
  }
}

async function openController(opts: ControllerOptions, opened: Teardown): Promise<Controller> {
  const { config, log } = opts;
  const now = opts.now ?? robotClock(config);
  const token = isWellFormedToken(opts.token) ? opts.token : newToken();
  const events = createRobotEvents();
  const center = centerAddress(config, opts.center);
  const catalog = catalogInForce(config, center, opts.catalog, log);

  const store = await openStore({ config, center, catalog: catalog.get(), now, log, opened });
  opts.onStoreOpen?.(store);
  await recoverStore(store, config, log);
  const outboxes: Outboxes = {
    checkIns: store.checkInLog(),
    // staff calls and ratings wait in the store (they survive a restart) until the center has them
    staffCalls: new StaffCallOutbox(store),
    ratings: new RatingOutbox(store),
    audit: store.serviceAudit(config.robotId, () => now().getTime()),
  };

  const devices = { config, log, now, events, opened };
  const printer = openPrinter(devices, opts.simulatorPrinterPort);
  const motion = openMotion(devices, opts.simulatorMotionPath);
  const scanning = await openScanning(devices);
  const voice = await openVoice(devices, motion);
  const parts = partsHealth({ printer, motion, scanning, voice, storeOpen: () => store.answers() }, now);

  const link = openCenterLink({ config, center, store, outboxes, catalog, parts: parts.forCenter, now, log, opened });
  const health = robotHealth(config, parts, link);
  // part and link status changes reach the UI as they happen
  events.onStatusChanged(() => events.broadcast('status.changed', health()));
  if (link) opened.add('link status', link.onStatusChange(() => events.statusChanged()));
  const service = openServiceMode({
    config, configFile: opts.configFile, catalog: catalog.get, store, audit: outboxes.audit, printer, motion, voice, link, health, events, token, now, log,
    logRing: opts.logRing, views: opts.serviceViews, opened,
  });
  const handlers = apiHandlers({ config, catalog, procedures: opts.procedures, store, outboxes, printer, scanning, voice, service, link, health, events, now, log });
  const api = await openApi({ config, token, uiDir: opts.uiDir, handlers, health, events, log, opened });

  await link?.start();
  log.info({ url: api.url, profile: config.profile, printer: printer.status().adapter }, 'controller listening');
  // READY=1 now, then WATCHDOG=1 only while the API listens and the store answers (./watchdog.ts)
  const watchdog = startWatchdog({
    env: process.env, ...opts.watchdog, log, status: `listening on ${api.url}`,
    health: () => api.server.listening && store.answers(),
  });
  opened.add('watchdog', () => watchdog.stop());

  let closing: Promise<void> | undefined;
  return {
    port: api.port, url: api.url, token, simulatedScanners: scanning.injected, motion, staffCalls: outboxes.staffCalls, ratings: outboxes.ratings, centerLink: link, health,
    // one shutdown path: whatever was opened, in reverse order
    close: () => (closing ??= opened.closeAll((part, err) => err && log.warn({ part, err: String(err) }, 'part did not close cleanly')).then(() => log.info('controller stopped'))),
  };
}

/** The wall clock; in the simulator profile optionally one that starts at a configured instant. */
export function robotClock(config: RobotConfig): () => Date {
  const start = config.queue.simulatedClockStart;
  if (!start || config.profile !== 'simulator') return () => new Date();
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
}
