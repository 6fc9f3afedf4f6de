/**
 * The controller's composition root: builds the store, the devices and the API from a validated
 * config and wires them together. Nothing else knows which adapters are in use.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { API_PROTOCOL_VERSION, LANGUAGES, type Catalog, type HealthReport, type Language, type ProcedureGuide } from '../contract';
import { isWellFormedToken, newToken } from './api/auth';
import { createHttpServer } from './api/http-server';
import { createWsApi, type WsApi } from './api/ws-api';
import type { Handlers } from './api/dispatcher';
import { DEMO_PROCEDURES } from './config/demo-catalog';
import { centerMode, type RobotConfig } from './config/schema';
import { createMotion, motionHealth } from './devices/motion/create-motion';
import type { MotionPort } from './devices/motion/port';
import { createPrinter } from './devices/printer/create-printer';
import { ticketStatusUrl } from './devices/printer/ticket/ticket-job';
import type { Logger } from './log';
import { procedureHandlers } from './procedures/procedure-handlers';
import { issueTicket } from './queue/issue-ticket';
import { QueueStore } from './store/queue-store';
import { recoverInterrupted } from './store/recovery';
import { startScanning, type Scanning } from './scanning';
import { startVoice } from './voice';
import { staffCalls } from './staff/staff-calls';
import { StaffCallOutbox } from './staff/staff-outbox';
import { createCenterLink, credentialsFile, type CenterLink } from './sync/create-sync';
import { checkInAppointment } from './appointments/check-in-service';
import { lookupDossier } from './appointments/dossier-lookup';
import { openRating, sendRating, ticketBaseOf } from './ratings/robot-rating';
import { RatingOutbox } from './ratings/rating-outbox';
import { bookingHandlers } from './booking/booking-handlers';
import { slipJobBuilder } from './devices/printer/ticket/slip-job';
import { createEd25519Verifier } from './codes/ed25519';
import { fileCredentialStore } from './sync/credentials';
import { loadCenterCatalog, saveCenterCatalog } from './sync/center-catalog';
import { createServiceMode, type ServiceModeDeps } from './service-mode/create-service-mode';
import type { LogRing } from './service-mode/log-ring';
import { syncServiceView } from './service-mode/sync-view';
import { loadPromptBook } from './devices/voice/prompts';
import { VERSION } from './version';
import { startWatchdog, type WatchdogOptions } from './watchdog';
import { closeServer, listenOn, startupStep } from './startup-error';
import { Teardown } from './teardown';

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
  center?: { url: string; enrolmentCode?: string };
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
  const started = Date.now();
  const token = isWellFormedToken(opts.token) ? opts.token : newToken();

  const center = opts.center ?? (centerMode(config) === 'remote' && config.center.url ? { url: config.center.url, enrolmentCode: config.center.enrolmentCode } : undefined);
  // the slot the center granted at enrolment wins over the configured one
  const grantedSlot = center ? fileCredentialStore(credentialsFile(config.dataDir), log).load()?.robotSlot : undefined;
  // with a center, the catalog it published last wins over the installed one (also offline)
  let catalog: Catalog = (center && loadCenterCatalog(config.dataDir, log)) || opts.catalog;
  const storeFile = join(config.dataDir, 'robot.sqlite');
  const storeStep = { dir: config.dataDir, sqlite: { file: storeFile, corrupt: 'STARTUP_STORE_CORRUPT' as const } };
  const store = await startupStep(storeStep, () => QueueStore.open({
    file: storeFile,
    robotId: config.robotId,
    robotSlot: grantedSlot ?? config.queue.robotSlot ?? (mustAwaitSlot(config, center) ? null : 1),
    catalog,
    // the monotonic clock tells a forward jump of the wall clock from time that really passed
    clock: { wallMs: () => now().getTime(), monoMs: () => performance.now() },
    onClockJump: (jump) => log.warn({ code: 'STORE_CLOCK_JUMPED', ...jump }, 'the wall clock jumped'),
    numberAuthority: config.queue.numberAuthority ?? (center || config.profile !== 'simulator' ? 'center' : 'self'),
  }));
  opened.add('store', () => store.close());
  const checkIns = store.checkInLog();
  opts.onStoreOpen?.(store);
  // tickets a crash left half-way: voided or flagged for the operator, never dropped
  const recovered = await startupStep(storeStep, () => recoverInterrupted(store));
  if (recovered.voided.length + recovered.flagged.length + recovered.confirmedPrinted.length > 0) {
    log.warn({ voided: recovered.voided.length, flagged: recovered.flagged.length, printed: recovered.confirmedPrinted.length }, 'recovered interrupted tickets');
  }
  const printer = createPrinter(config.printer, { simulatorPort: opts.simulatorPrinterPort });
  opened.add('printer', () => printer.close());
  // the handlers and device events broadcast through the socket server, created below them
  let wsApi: WsApi | undefined = undefined;
  const motion = createMotion(config.motion, { dataDir: config.dataDir, log, simulatorPath: opts.simulatorMotionPath, defaultBehaviour: 'idle' });
  opened.add('motion', () => motion.close());
  // service mode (issue 10): its handlers need a session; ticketJob follows density/cut set there
  const service = createServiceMode({
    config, configFile: opts.configFile, catalog: () => catalog, store, printer, motion, health: () => health(), log, logRing: opts.logRing, now,
    broadcast: (event, data) => wsApi?.broadcast(event, data), secrets: () => [token],
    toSession: (session, event, data) => wsApi?.sendToSession(session, event, data),
    sync: () => (centerLink ? syncServiceView(centerLink.client, centerLink.status().url, centerLink.credentials) : undefined),
    voice: () => ({
      status: () => voice.health().speaker ?? { state: 'disabled', adapter: 'none' },
      // the greeting, spoken in the language under test
      speakTest: async (language) => void (await voice.handlers['voice.say']({ text: loadPromptBook()[language].greeting ?? 'Xin chào', language })),
    }),
    ...opts.serviceViews,
  });
  opened.add('service mode', () => service.close());
  const ticketJob = service.ticketJob;
  const scanning = await startScanning(config, { log, now, onScan: (e) => (service.noteScan(e), wsApi?.broadcast('code.scanned', e)) });
  opened.add('scanners', () => scanning.close());
  const voice = await startVoice(config, {
    log, motion, onState: (e) => wsApi?.broadcast('voice.state', e), onWake: (e) => wsApi?.broadcast('voice.wake', e), onHealth: () => wsApi?.broadcast('status.changed', health()),
    onAudioSample: (s) => service.publishAudio(s),
  });
  opened.add('voice', () => voice.close());

  const health = (): HealthReport => ({
    robotId: config.robotId,
    version: VERSION,
    profile: config.profile,
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    devices: { printer: printer.status(), motion: motionHealth(motion), ...scanning.health(), ...voice.health() },
    store: { state: store.answers() ? 'ok' : 'fault', adapter: 'sqlite' },
    sync: centerLink ? centerLink.client.status() : { state: 'disabled', adapter: 'none' },
    ...(centerLink ? { center: centerLink.status() } : {}),
  });
  // staff calls wait in the store's outbox (they survive a restart) until the center has them
  const staffOutbox = new StaffCallOutbox(store);
  // ratings taken while the center is cut off wait there too (issue 18)
  const ratingOutbox = new RatingOutbox(store);
  const centerLink: CenterLink | null = center
    ? createCenterLink({
        centerUrl: center.url, enrolmentCode: center.enrolmentCode, dataDir: config.dataDir, robotId: config.robotId, version: VERSION,
        preferredSlot: config.queue.robotSlot, store, log, now: () => now().getTime(), checkIns, staffCalls: staffOutbox, audit: service.auditOutbox, ratings: ratingOutbox,
        onCatalog: (published) => {
          catalog = published;
          store.setCatalog(published);
          saveCenterCatalog(config.dataDir, published);
          log.info('catalog updated from the center');
        },
        health: () => {
          const h = health();
          return { uptimeSeconds: h.uptimeSeconds, parts: { ...h.devices, store: h.store } };
        },
      })
    : null;

  /** The center's queue length for the service's counter group, when the link is up. */
  const liveQueue = (serviceId: string) => {
    const s = centerLink?.client.state();
    const group = catalog.services.find((x) => x.id === serviceId)?.counterGroup;
    const waiting = s?.online && group !== undefined ? s.waiting[group] : undefined;
    return waiting === undefined ? undefined : { peopleAhead: waiting };
  };

  const issue = (serviceId: string, language: Language, categoryId?: string) =>
    issueTicket(
      {
        store, printer, ticketJob, catalog: () => catalog, log, live: liveQueue,
        statusUrl: (t) => ticketStatusUrl(config.ticketStatusUrl, t),
        onTicket: (t) => {
          wsApi?.broadcast('ticket.updated', t);
          centerLink?.client.kick();
        },
      },
      serviceId,
      language,
      categoryId,
    );
  const verify = createEd25519Verifier(config.codes.centerPublicKeys);

  const ratingDeps = () => ({
    center: centerLink?.client ?? null, ticketBaseUrl: config.codes.ticketBaseUrl ?? ticketBaseOf(config.ticketStatusUrl), outbox: ratingOutbox,
    displayOf: (id: string) => store.get(id)?.display, nowMs: () => now().getTime(), log,
  });
  const handlers: Handlers = {
    ...service.handlers,
    hello: () => ({ protocol: API_PROTOCOL_VERSION, robotId: config.robotId, defaultLanguage: config.defaultLanguage, languages: [...LANGUAGES], ui: config.screen }),
    'catalog.get': () => catalog,
    'status.get': () => health(),
    'code.submit': ({ text, source }) => scanning.submit(text, source),
    ...procedureHandlers(() => opts.procedures ?? DEMO_PROCEDURES),
    ...voice.handlers,
    'ticket.issue': ({ serviceId, language, categoryId }) => issue(serviceId, language, categoryId),
    'appointment.checkIn': ({ text, language }) =>
      checkInAppointment(
        { verify, now, window: config.appointments, center: centerLink?.client ?? null, catalog: () => catalog, issue, checkIns, log, onQueued: () => centerLink?.client.kick() },
        text,
        language,
      ),
    'staff.call': staffCalls({
      notifier: staffOutbox, robotId: config.robotId, now, newId: randomUUID, log,
      ticketDisplay: (id) => store.get(id)?.display,
      onCalled: (call) => wsApi?.broadcast('staff.called', call),
    }),
    'lobby.get': () => {
      const s = centerLink?.client.state();
      return { now: now().toISOString(), online: !!s?.online, nowServing: s?.online ? s.nowServing : {}, waiting: s?.online ? s.waiting : {} };
    },
    'dossier.lookup': ({ text }) => lookupDossier({ center: centerLink?.client ?? null, catalog: () => catalog, now, log }, text),
    'rating.open': ({ text }) => openRating(ratingDeps(), text),
    'rating.send': ({ ticketId, rating }) => sendRating(ratingDeps(), ticketId, rating),
    ...bookingHandlers({ center: centerLink?.client ?? null, printer, slipJob: slipJobBuilder(config.printer), catalog: () => catalog, procedures: () => opts.procedures ?? DEMO_PROCEDURES, log }),
  };

  let port = config.controller.port;
  const api = createWsApi({ token, port: () => port, handlers, log });
  wsApi = api;
  const server = createHttpServer({ uiDir: opts.uiDir, health, wsApi: api, log });
  const statusChanged = () => wsApi?.broadcast('status.changed', health());
  printer.onStatus(statusChanged);
  motion.on('status', statusChanged);
  motion.on('estop', statusChanged);
  motion.on('presence', (present) => wsApi?.broadcast('presence.changed', { present }));

  await listenOn(server, config.controller.port, config.controller.host);
  opened.add('api', () => (api.close(), closeServer(server)));
  port = (server.address() as AddressInfo).port;
  if (centerLink) opened.add('center link', () => centerLink.stop());
  await centerLink?.start();
  // online/offline and enrolment changes reach the UI as they happen
  let lastLink = '';
  const linkWatch = setInterval(() => {
    const l = centerLink?.status();
    const key = l ? `${l.online}|${l.enrolment}|${l.outboxLength}|${JSON.stringify(l.nowServing)}` : '';
    if (key !== lastLink) statusChanged();
    lastLink = key;
  }, 1000);
  linkWatch.unref();
  opened.add('link watch', () => clearInterval(linkWatch));
  const url = `http://127.0.0.1:${port}/`;
  log.info({ url, profile: config.profile, printer: printer.status().adapter }, 'controller listening');
  // READY=1 now, then WATCHDOG=1 only while the API listens and the store answers (./watchdog.ts)
  const watchdog = startWatchdog({
    env: process.env,
    ...opts.watchdog,
    log,
    status: `listening on ${url}`,
    health: () => server.listening && store.answers(),
  });
  opened.add('watchdog', () => watchdog.stop());

  let closing: Promise<void> | undefined;
  return {
    port,
    url,
    token,
    simulatedScanners: scanning.injected,
    motion,
    staffCalls: staffOutbox,
    ratings: ratingOutbox,
    centerLink,
    health,
    // one shutdown path: whatever was opened, in reverse order
    close: () => (closing ??= opened.closeAll((part, err) => err && log.warn({ part, err: String(err) }, 'part did not close cleanly')).then(() => log.info('controller stopped'))),
  };
}

/** A production robot of a remote center waits for its granted slot: slot 1, shared by every robot left at the default, prints duplicates. */
function mustAwaitSlot(config: RobotConfig, center: ControllerOptions['center']): boolean {
  return !!center && config.profile === 'production' && centerMode(config) !== 'embedded' && config.queue.numberAuthority !== 'self';
}

/** The wall clock; in the simulator profile optionally one that starts at a configured instant. */
export function robotClock(config: RobotConfig): () => Date {
  const start = config.queue.simulatedClockStart;
  if (!start || config.profile !== 'simulator') return () => new Date();
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
}
