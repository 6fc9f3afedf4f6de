/**
 * Service mode for technicians (issue 10), composed from its parts: login and lock-out, the one
 * session, the audit trail (+ outbox), the panels and the config editor. The controller's
 * composition root spreads `handlers` into the API; every handler but login checks the session
 * token first, so the API refuses service commands to anyone who has not entered the PIN.
 */
import { existsSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, CommandRequest, CommandResponse, EventData, EventType, HealthReport, PartStatus } from '../../contract';
import { API_PROTOCOL_VERSION, CodedError, isCodedError } from '../../contract';
import type { ServiceAudioSample, ServiceSettingKey } from '../../contract/service';
import type { RobotConfig } from '../config/schema';
import type { MotionPort } from '../devices/motion/port';
import type { PrinterPort } from '../devices/printer/port';
import type { TicketJobBuilder } from '../devices/printer/ticket/ticket-job';
import type { Logger } from '../log';
import type { QueueStore } from '../store/queue-store';
import { VERSION } from '../version';
import { BoardPanel } from './board-panel';
import { bundleFilename, secretFreeJson } from './bundle';
import type { LogRing } from './log-ring';
import { hashPin } from './pin';
import { PrinterPanel } from './printer-panel';
import type { AuditOutboxEvent, ServiceAudit } from '../store/service-audit';
import { listUncertain, settleUncertain } from './uncertain-tickets';
import { ServiceLogin } from './service-login';
import { ServiceSessions, type ServiceSessionInfo } from './sessions';
import { changedDocument, configDocument, getPath, savedValues, SETTING_APPLY, withSection } from './settings';
import { dayStats } from './stats';

/** What service mode reads of the sync client (SyncClient has it: `state()` and the URL it was made with). */
export interface ServiceSyncView {
  centerUrl: string;
  state(): { online: boolean; enrolment: 'enrolled' | 'not-enrolled' | 'revoked' | 'expired'; outboxLength: number; lastSyncAt: number | null; lastErrorCode: string | null };
  status(): PartStatus;
  /** Secrets to keep out of the support bundle (the device token). */
  secrets?(): string[];
}

/** What service mode needs of the voice module (issue: voice); levels are pushed with publishAudio. */
export interface ServiceVoiceView {
  status(): PartStatus;
  speakTest(language: CommandRequest<'service.audio.speakerTest'>['language']): Promise<void>;
}

export interface ServiceModeDeps {
  config: RobotConfig;
  /** The config file the robot was started with; changes are written there (in memory only without one). */
  configFile?: string;
  catalog: () => Catalog;
  store: QueueStore;
  printer: PrinterPort;
  motion: MotionPort;
  health: () => HealthReport;
  broadcast: <T extends EventType>(event: T, data: EventData<T>) => void;
  /** Sends to the technician's page only (WsApi.sendToSession); without it technician events are broadcast. */
  toSession?: <T extends EventType>(session: string, event: T, data: EventData<T>) => void;
  log: Logger;
  logRing?: LogRing;
  now: () => Date;
  sync?: () => ServiceSyncView | undefined;
  voice?: () => ServiceVoiceView | undefined;
  /** Other secrets that must never reach the bundle (the API token). */
  secrets?: () => string[];
  /** The audit trail, when the composition root made it first (the center link drains its outbox). */
  audit?: ServiceAudit;
}

type ServiceCommand = Extract<keyof typeof import('../../contract/service').serviceCommands, string>;
export type ServiceHandlers = { [T in ServiceCommand]: (p: CommandRequest<T>) => Promise<CommandResponse<T>> | CommandResponse<T> };

export interface ServiceMode {
  handlers: ServiceHandlers;
  /** The ticket job builder honouring density/cut changed in service mode; use it for issuing. */
  ticketJob: TicketJobBuilder;
  /** Pass every scan here (badge entry). */
  noteScan(e: EventData<'code.scanned'>): void;
  /** The voice module's microphone level and wake score; sent to the UI only while a session is open. */
  publishAudio(sample: ServiceAudioSample): void;
  /** Audit events for the center (outbox type service.audit), drained apart from tickets. */
  auditOutbox: { takeBatch(max: number): AuditOutboxEvent[]; ack(ids: readonly number[]): number; pendingCount(): number };
  close(): Promise<void>;
}

/** What the PIN pad accepts at login: the same rule for a new PIN. */
const PIN_FORMAT = /^\d{4,12}$/;

const PATHS: Record<ServiceSettingKey, string[]> = {
  'printer.density': ['printer', 'density'],
  'printer.cut': ['printer', 'cut'],
  'service.inactivitySeconds': ['service', 'inactivitySeconds'],
  'screen.idleSeconds': ['screen', 'idleSeconds'],
  defaultLanguage: ['defaultLanguage'],
};

export function createServiceMode(deps: ServiceModeDeps): ServiceMode {
  const nowMs = () => deps.now().getTime();
  let config = deps.config;
  const doc = configDocument(deps.configFile, JSON.parse(JSON.stringify(deps.config)) as Record<string, unknown>);
  const restartPending = new Set<ServiceSettingKey>();
  const audit = deps.audit ?? deps.store.serviceAudit(config.robotId, nowMs);
  const printer = new PrinterPanel(config.printer, { printer: deps.printer, store: deps.store, catalog: deps.catalog, statusUrlTemplate: config.ticketStatusUrl, nowMs, robotId: config.robotId, version: VERSION });
  const board = new BoardPanel(deps.motion, (present) => sessions.active() && deps.broadcast('service.presence', { present }));
  const sessions: ServiceSessions = new ServiceSessions({
    inactivityMs: () => config.service.inactivitySeconds * 1000,
    nowMs,
    onEnd: (s, reason) => {
      board.flush();
      audit.record(s.actor, 'service.logout', { reason });
      deps.broadcast('service.ended', { reason });
      deps.motion.runBehaviour('idle').catch(() => undefined);
      deps.log.info({ reason }, 'service mode ended');
    },
  });
  const login = new ServiceLogin({
    audit, sessions, nowMs, simulator: config.profile === 'simulator',
    policy: () => ({ maxAttempts: config.service.maxAttempts, baseSeconds: config.service.lockoutBaseSeconds, maxSeconds: config.service.lockoutMaxSeconds }),
    pinHash: () => config.service.pinHash,
    badgeWindowMs: () => config.service.badgeWindowSeconds * 1000,
    inactivitySeconds: () => config.service.inactivitySeconds,
    onEnter: () => {
      deps.log.info('service mode entered');
      // servos relaxed and the light amber: the robot shows it is being serviced
      deps.motion.runBehaviour('serviceMode').catch(() => undefined);
    },
  });

  /** Checks the session, then runs the action with an audit function bound to its actor. */
  const guarded =
    <T extends ServiceCommand>(_command: T, fn: (p: CommandRequest<T>, s: ServiceSessionInfo, rec: (action: string, change?: Record<string, unknown>) => void) => Promise<CommandResponse<T>> | CommandResponse<T>) =>
    (p: CommandRequest<T>) => {
      const s = sessions.check((p as { session: string }).session);
      return fn(p, s, (action, change) => audit.record(s.actor, action, change));
    };

  const setSetting = (key: ServiceSettingKey, value: unknown, actor: string): { applied: 'live' | 'restart'; persisted: boolean } => {
    const path = PATHS[key];
    const current = withSection(doc.read(), key, config);
    const old = getPath(config as unknown as Record<string, unknown>, path) ?? null;
    const next = changedDocument(current, path, value);
    const persisted = doc.write(next.doc);
    const applied = SETTING_APPLY[key];
    if (applied === 'live') {
      config = { ...config, printer: next.config.printer, service: { ...next.config.service, pinHash: config.service.pinHash } };
      if (key.startsWith('printer.')) printer.setConfig(config.printer);
    } else restartPending.add(key);
    audit.record(actor, 'service.settings.set', { key, old, new: value, applied, persisted });
    return { applied, persisted };
  };

  const secrets = (): string[] => [...(deps.secrets?.() ?? []), ...(config.service.pinHash ? [config.service.pinHash] : []), ...(deps.sync?.()?.secrets?.() ?? []), ...config.codes.centerPublicKeys];

  const handlers: ServiceHandlers = {
    'service.login': ({ pin, via }) => login.login(pin, via),
    'service.logout': guarded('service.logout', () => (sessions.end('logout'), {})),
    'service.ping': guarded('service.ping', () => ({ inactivitySeconds: config.service.inactivitySeconds })),
    'service.overview': guarded('service.overview', () => ({
      health: deps.health(),
      versions: { app: VERSION, api: String(API_PROTOCOL_VERSION), node: process.versions.node, ...(process.versions.electron ? { electron: process.versions.electron } : {}) },
      disk: diskOf(config.dataDir),
      sync: deps.sync?.()?.status() ?? { state: 'disabled', adapter: 'none' },
      audio: deps.voice?.()?.status() ?? { state: 'disabled', adapter: 'none' },
      restartPending: [...restartPending],
      defaultPinInUse: !config.service.pinHash && config.profile === 'simulator',
    })),
    'service.printer.get': guarded('service.printer.get', () => printer.info()),
    'service.printer.testPage': guarded('service.printer.testPage', async (_p, _s, rec) => {
      try {
        await printer.testPage();
        rec('service.printer.testPage', { new: 'printed' });
        return { printed: true };
      } catch (e) {
        const code = isCodedError(e) ? e.code : 'INTERNAL_ERROR';
        rec('service.printer.testPage', { new: 'failed', error: code });
        return { printed: false, error: code };
      }
    }),
    'service.printer.preview': guarded('service.printer.preview', () => printer.preview()),
    'service.settings.set': guarded('service.settings.set', ({ key, value }, s) => setSetting(key, value, s.actor)),
    'service.settings.get': guarded('service.settings.get', () => ({ values: savedValues(doc.read(), config, PATHS), restartPending: [...restartPending] })),
    'service.pin.change': guarded('service.pin.change', async ({ pin }, s) => {
      if (!PIN_FORMAT.test(pin)) throw new CodedError('SERVICE_PIN_FORMAT', 'a PIN is 4 to 12 digits');
      const hash = await hashPin(pin);
      const next = changedDocument(doc.read(), ['service', 'pinHash'], hash);
      const persisted = doc.write(next.doc);
      config = { ...config, service: { ...config.service, pinHash: hash } };
      audit.record(s.actor, 'service.pin.change', { old: '[secret]', new: '[secret]', persisted });
      return { persisted };
    }),
    'service.board.get': guarded('service.board.get', () => board.view()),
    'service.board.move': guarded('service.board.move', async ({ servo, angle }, _s, rec) => (await board.move(servo, angle, rec), {})),
    'service.board.calibrate': guarded('service.board.calibrate', ({ servo, calibration }, _s, rec) => board.calibrate(servo, calibration, rec)),
    'service.board.light': guarded('service.board.light', async ({ colour }, _s, rec) => (await board.light(colour, rec), {})),
    'service.board.behaviour': guarded('service.board.behaviour', async ({ name }, _s, rec) => (await board.behaviour(name, rec), {})),
    'service.board.stop': guarded('service.board.stop', (_p, _s, rec) => (board.stop(rec), {})),
    'service.audio.speakerTest': guarded('service.audio.speakerTest', async ({ language }, _s, rec) => {
      const voice = deps.voice?.();
      if (!voice) throw new CodedError('SERVICE_NOT_AVAILABLE', 'no voice module');
      await voice.speakTest(language);
      rec('service.audio.speakerTest', { new: language });
      return {};
    }),
    'service.network.get': guarded('service.network.get', () => {
      const sync = deps.sync?.();
      const st = sync?.state();
      return {
        centerUrl: sync?.centerUrl ?? null,
        enrolment: st?.enrolment ?? 'no-sync',
        online: st?.online ?? false,
        outboxLength: st?.outboxLength ?? deps.store.pendingCount(),
        auditOutboxLength: audit.pendingCount(),
        lastSyncAt: st?.lastSyncAt ? new Date(st.lastSyncAt).toISOString() : null,
        lastErrorCode: st?.lastErrorCode ?? null,
      };
    }),
    'service.logs.get': guarded('service.logs.get', () => ({ byCode: deps.logRing?.byCode() ?? [], recent: deps.logRing?.recent(200) ?? [], audit: audit.recent(100) })),
    'service.logs.export': guarded('service.logs.export', (_p, _s, rec) => {
      const at = deps.now();
      const content = secretFreeJson(
        {
          bundle: { robotId: config.robotId, createdAt: at.toISOString(), version: VERSION },
          config: doc.read(),
          health: deps.health(),
          motionProfile: deps.motion.profile,
          logs: deps.logRing?.recent(500) ?? [],
          errorsByCode: deps.logRing?.byCode() ?? [],
          audit: audit.recent(200),
          stats: dayStats(deps.store.businessDay(), deps.store.ticketTimesOfDay(deps.store.businessDay())),
        },
        secrets(),
      );
      const filename = bundleFilename(config.robotId, at);
      const savedTo = saveToStick(config.service.exportDir, filename, content, deps.log);
      rec('service.logs.export', { new: filename, bytes: content.length, savedTo });
      return { filename, content, savedTo };
    }),
    'service.stats.get': guarded('service.stats.get', () => dayStats(deps.store.businessDay(), deps.store.ticketTimesOfDay(deps.store.businessDay()))),
    'service.tickets.uncertain': guarded('service.tickets.uncertain', () => listUncertain(deps.store)),
    'service.tickets.settle': guarded('service.tickets.settle', ({ ticketId, outcome }, s, rec) => {
      const out = settleUncertain(deps.store, ticketId, outcome, `service:${s.actor}`);
      rec('service.tickets.settle', { ticket: out.ticket.display, old: 'print-uncertain', new: outcome });
      return out;
    }),
  };

  return {
    handlers,
    ticketJob: printer.ticketJob,
    noteScan: (e) => {
      if (!sessions.active()) login.noteScan(e);
    },
    publishAudio: (sample) => {
      const s = sessions.active();
      if (!s) return;
      // the citizen's screen has no use for the microphone's level
      if (deps.toSession) deps.toSession(s.token, 'service.audio', sample);
      else deps.broadcast('service.audio', sample);
    },
    auditOutbox: { takeBatch: (n) => audit.takeBatch(n), ack: (ids) => audit.ack(ids), pendingCount: () => audit.pendingCount() },
    close: async () => {
      if (sessions.active()) sessions.end('logout');
      sessions.dispose();
      board.close();
      printer.close();
    },
  };
}

/** Writes the bundle to the mounted USB stick, if there is one; a failure leaves the download. */
function saveToStick(dir: string | undefined, filename: string, content: string, log: Logger): string | null {
  if (!dir || !existsSync(dir)) return null;
  try {
    const path = join(dir, filename);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  } catch (e) {
    log.warn({ code: 'SERVICE_EXPORT_FAILED', err: (e as Error).message }, 'support bundle not written to the USB stick');
    return null;
  }
}

function diskOf(dir: string): { freeBytes: number; totalBytes: number } | null {
  try {
    const s = statfsSync(dir);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return null;
  }
}
