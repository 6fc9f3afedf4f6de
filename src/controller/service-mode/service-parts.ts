/**
 * The parts of service mode every group of handlers shares: the live config (service mode changes
 * it), the config document on disk, the audit trail, the panels, the one session and the login.
 * Built in dependency order so no part refers to one declared after it.
 */
import type { CommandRequest, CommandResponse } from '../../contract';
import type { ServiceSettingKey } from '../../contract/service';
import type { RobotConfig } from '../config/schema';
import { VERSION } from '../version';
import { BoardPanel } from './board-panel';
import type { ServiceCommand, ServiceModeDeps } from './create-service-mode';
import { PrinterPanel } from './printer-panel';
import type { ServiceAudit } from '../store/service-audit';
import { ServiceLogin } from './service-login';
import { ServiceSessions, type EndReason, type ServiceSessionInfo } from './sessions';
import { configDocument, type ConfigDocument } from './settings';

/** Records an audit entry under the acting technician. */
export type Recorder = (action: string, change?: Record<string, unknown>) => void;

/** Wraps an action so it runs only inside a valid session, with an audit function bound to its actor. */
export type Guard = <T extends ServiceCommand>(
  command: T,
  fn: (p: CommandRequest<T>, s: ServiceSessionInfo, rec: Recorder) => Promise<CommandResponse<T>> | CommandResponse<T>,
) => (p: CommandRequest<T>) => Promise<CommandResponse<T>> | CommandResponse<T>;

export interface ServiceParts {
  deps: ServiceModeDeps;
  /** The config as service mode has changed it so far (live settings and the PIN take effect here). */
  live: { config: RobotConfig };
  doc: ConfigDocument;
  /** Settings saved that take effect at the next start. */
  restartPending: Set<ServiceSettingKey>;
  audit: ServiceAudit;
  printer: PrinterPanel;
  board: BoardPanel;
  sessions: ServiceSessions;
  login: ServiceLogin;
  guarded: Guard;
}

/** The session ends: flush the board panel, audit it, tell the page, and put the robot back to idle. */
function endSession(deps: ServiceModeDeps, board: BoardPanel, audit: ServiceAudit) {
  return (s: ServiceSessionInfo, reason: EndReason) => {
    board.flush();
    audit.record(s.actor, 'service.logout', { reason });
    deps.broadcast('service.ended', { reason });
    deps.motion.runBehaviour('idle').catch(() => undefined);
    deps.log.info({ reason }, 'service mode ended');
  };
}

function createLogin(deps: ServiceModeDeps, live: ServiceParts['live'], audit: ServiceAudit, sessions: ServiceSessions, nowMs: () => number): ServiceLogin {
  const service = () => live.config.service;
  return new ServiceLogin({
    audit, sessions, nowMs, simulator: live.config.profile === 'simulator',
    policy: () => ({ maxAttempts: service().maxAttempts, baseSeconds: service().lockoutBaseSeconds, maxSeconds: service().lockoutMaxSeconds }),
    pinHash: () => service().pinHash,
    badgeWindowMs: () => service().badgeWindowSeconds * 1000,
    inactivitySeconds: () => service().inactivitySeconds,
    onEnter: () => {
      deps.log.info('service mode entered');
      // servos relaxed and the light amber: the robot shows it is being serviced
      deps.motion.runBehaviour('serviceMode').catch(() => undefined);
    },
  });
}

export function openServiceParts(deps: ServiceModeDeps): ServiceParts {
  const nowMs = () => deps.now().getTime();
  const live = { config: deps.config };
  const config = deps.config;
  const doc = configDocument(deps.configFile, JSON.parse(JSON.stringify(deps.config)) as Record<string, unknown>);
  const audit = deps.audit ?? deps.store.serviceAudit(config.robotId, nowMs);
  const printer = new PrinterPanel(config.printer, { printer: deps.printer, store: deps.store, catalog: deps.catalog, statusUrlTemplate: config.ticketStatusUrl, nowMs, robotId: config.robotId, version: VERSION });
  // presence is shown only while a technician is in: the board asks the session (called after both exist)
  const board = new BoardPanel(deps.motion, (present) => sessions.active() && deps.broadcast('service.presence', { present }));
  const sessions: ServiceSessions = new ServiceSessions({ inactivityMs: () => live.config.service.inactivitySeconds * 1000, nowMs, onEnd: endSession(deps, board, audit) });
  const login = createLogin(deps, live, audit, sessions, nowMs);
  const guarded: Guard = (_command, fn) => (p) => {
    const s = sessions.check((p as { session: string }).session);
    return fn(p, s, (action, change) => audit.record(s.actor, action, change));
  };
  return { deps, live, doc, restartPending: new Set(), audit, printer, board, sessions, login, guarded };
}
