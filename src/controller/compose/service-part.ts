/**
 * Service mode (issue 10) from the parts it shows to a technician: the store, printer, board,
 * health, the center link's sync view and the voice (speaker test). It follows scans (badge
 * log-in) and microphone levels through the robot events.
 */
import type { Catalog, HealthReport } from '../../contract';
import type { RobotConfig } from '../config/schema';
import type { MotionPort } from '../devices/motion/port';
import type { PrinterPort } from '../devices/printer/port';
import { loadPromptBook } from '../devices/voice/prompts';
import type { Logger } from '../log';
import { createServiceMode, type ServiceMode, type ServiceModeDeps } from '../service-mode/create-service-mode';
import type { LogRing } from '../service-mode/log-ring';
import type { ServiceAudit } from '../store/service-audit';
import { syncServiceView } from '../service-mode/sync-view';
import type { QueueStore } from '../store/queue-store';
import type { CenterLink } from '../sync/create-sync';
import type { Teardown } from '../teardown';
import type { VoiceWiring } from '../voice';
import type { RobotEvents } from './robot-events';

export interface ServiceDeps {
  config: RobotConfig;
  configFile?: string;
  catalog: () => Catalog;
  store: QueueStore;
  audit: ServiceAudit;
  printer: PrinterPort;
  motion: MotionPort;
  voice: VoiceWiring;
  link: CenterLink | null;
  health: () => HealthReport;
  events: RobotEvents;
  token: string;
  now: () => Date;
  log: Logger;
  logRing?: LogRing;
  /** Views a caller stands in for (tests). */
  views?: Pick<ServiceModeDeps, 'sync' | 'voice'>;
  opened: Teardown;
}

export function openServiceMode(deps: ServiceDeps): ServiceMode {
  const { link, voice, events } = deps;
  const service = createServiceMode({
    config: deps.config, configFile: deps.configFile, catalog: deps.catalog, store: deps.store, audit: deps.audit, printer: deps.printer, motion: deps.motion,
    health: deps.health, log: deps.log, logRing: deps.logRing, now: deps.now, secrets: () => [deps.token],
    broadcast: (event, data) => events.broadcast(event, data),
    toSession: (session, event, data) => events.sendToSession(session, event, data),
    sync: () => (link ? syncServiceView(link.client, link.status().url, link.credentials) : undefined),
    voice: () => ({
      status: () => voice.health().speaker ?? { state: 'disabled', adapter: 'none' },
      // the greeting, spoken in the language under test
      speakTest: async (language) => void (await voice.handlers['voice.say']({ text: loadPromptBook()[language].greeting ?? 'Xin chào', language })),
    }),
    ...deps.views,
  });
  deps.opened.add('service mode', () => service.close());
  events.onScanned((e) => service.noteScan(e));
  events.onAudioSample((s) => service.publishAudio(s));
  return service;
}
