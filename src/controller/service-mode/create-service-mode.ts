/**
 * Service mode for technicians (issue 10), composed from its parts: login and lock-out, the one
 * session, the audit trail (+ outbox), the panels and the config editor. The controller's
 * composition root spreads `handlers` into the API; every handler but login checks the session
 * token first, so the API refuses service commands to anyone who has not entered the PIN.
 */
import type { Catalog, CommandRequest, CommandResponse, EventData, EventType, HealthReport, PartStatus } from '../../contract';
import type { ServiceAudioSample } from '../../contract/service';
import type { RobotConfig } from '../config/schema';
import type { MotionPort } from '../devices/motion/port';
import type { PrinterPort } from '../devices/printer/port';
import type { TicketJobBuilder } from '../devices/printer/ticket/ticket-job';
import type { Logger } from '../log';
import type { QueueStore } from '../store/queue-store';
import type { LogRing } from './log-ring';
import type { AuditOutboxEvent, ServiceAudit } from '../store/service-audit';
import { deviceHandlers, reportHandlers, sessionHandlers, settingsHandlers } from './service-handlers';
import { openServiceParts } from './service-parts';

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

export type ServiceCommand = Extract<keyof typeof import('../../contract/service').serviceCommands, string>;
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

export function createServiceMode(deps: ServiceModeDeps): ServiceMode {
  const parts = openServiceParts(deps);
  const { audit, sessions, login, board, printer } = parts;
  const handlers: ServiceHandlers = { ...sessionHandlers(parts), ...settingsHandlers(parts), ...deviceHandlers(parts), ...reportHandlers(parts) };

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
