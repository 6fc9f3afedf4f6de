/**
 * The touchscreen API's handlers, from the parts that answer them: issuing a ticket (store,
 * printer, the center's live queue), check-in, staff calls, the lobby board, dossier look-up,
 * ratings, bookings, procedures, voice and service mode.
 */
import { randomUUID } from 'node:crypto';
import { API_PROTOCOL_VERSION, LANGUAGES, type HealthReport, type Language, type ProcedureGuide } from '../../contract';
import type { Handlers } from '../api/dispatcher';
import { checkInAppointment } from '../appointments/check-in-service';
import { lookupDossier } from '../appointments/dossier-lookup';
import { bookingHandlers } from '../booking/booking-handlers';
import { createEd25519Verifier } from '../codes/ed25519';
import { DEMO_PROCEDURES } from '../config/demo-catalog';
import type { RobotConfig } from '../config/schema';
import type { PrinterPort } from '../devices/printer/port';
import { slipJobBuilder } from '../devices/printer/ticket/slip-job';
import { ticketStatusUrl } from '../devices/printer/ticket/ticket-job';
import type { Logger } from '../log';
import { procedureHandlers } from '../procedures/procedure-handlers';
import { issueTicket, type IssueDeps } from '../queue/issue-ticket';
import { openRating, sendRating, ticketBaseOf } from '../ratings/robot-rating';
import type { Scanning } from '../scanning';
import type { ServiceMode } from '../service-mode/create-service-mode';
import { staffCalls } from '../staff/staff-calls';
import type { QueueStore } from '../store/queue-store';
import type { CenterLink } from '../sync/create-sync';
import type { VoiceWiring } from '../voice';
import type { CatalogHolder, Outboxes } from './center-part';
import type { RobotEvents } from './robot-events';

export interface HandlerDeps {
  config: RobotConfig;
  catalog: CatalogHolder;
  procedures?: ProcedureGuide;
  store: QueueStore;
  outboxes: Outboxes;
  printer: PrinterPort;
  scanning: Scanning;
  voice: VoiceWiring;
  service: ServiceMode;
  link: CenterLink | null;
  health: () => HealthReport;
  events: RobotEvents;
  now: () => Date;
  log: Logger;
}

export function apiHandlers(deps: HandlerDeps): Handlers {
  const { config, catalog, store, outboxes, printer, link, events, now, log } = deps;
  const center = link?.client ?? null;
  const procedures = () => deps.procedures ?? DEMO_PROCEDURES;
  const issue = ticketIssuer(deps);
  const ratings = {
    center, ticketBaseUrl: config.codes.ticketBaseUrl ?? ticketBaseOf(config.ticketStatusUrl), outbox: outboxes.ratings,
    displayOf: (id: string) => store.get(id)?.display, nowMs: () => now().getTime(), log,
  };
  const verify = createEd25519Verifier(config.codes.centerPublicKeys);
  return {
    ...deps.service.handlers,
    hello: () => ({ protocol: API_PROTOCOL_VERSION, robotId: config.robotId, defaultLanguage: config.defaultLanguage, languages: [...LANGUAGES], ui: config.screen }),
    'catalog.get': () => catalog.get(),
    'status.get': () => deps.health(),
    'code.submit': ({ text, source }) => deps.scanning.submit(text, source),
    ...procedureHandlers(procedures),
    ...deps.voice.handlers,
    'ticket.issue': ({ serviceId, language, categoryId }) => issue(serviceId, language, categoryId),
    'appointment.checkIn': ({ text, language }) =>
      checkInAppointment({ verify, now, window: config.appointments, center, catalog: catalog.get, issue, checkIns: outboxes.checkIns, log, onQueued: () => center?.kick() }, text, language),
    'staff.call': staffCalls({
      notifier: outboxes.staffCalls, robotId: config.robotId, now, newId: randomUUID, log,
      ticketDisplay: (id) => store.get(id)?.display,
      onCalled: (call) => events.broadcast('staff.called', call),
    }),
    'lobby.get': () => {
      const s = center?.state();
      return { now: now().toISOString(), online: !!s?.online, nowServing: s?.online ? s.nowServing : {}, waiting: s?.online ? s.waiting : {} };
    },
    'dossier.lookup': ({ text }) => lookupDossier({ center, catalog: catalog.get, now, log }, text),
    'rating.open': ({ text }) => openRating(ratings, text),
    'rating.send': ({ ticketId, rating }) => sendRating(ratings, ticketId, rating),
    ...bookingHandlers({ center, printer, slipJob: slipJobBuilder(config.printer), catalog: catalog.get, procedures, log }),
  };
}

/** Issues a ticket: stored before it prints, announced to the UI, and the sync loop woken. */
function ticketIssuer({ config, catalog, store, printer, service, link, events, log }: HandlerDeps) {
  /** The center's queue length for the service's counter group, when the link is up. */
  const live = (serviceId: string) => {
    const s = link?.client.state();
    const group = catalog.get().services.find((x) => x.id === serviceId)?.counterGroup;
    const waiting = s?.online && group !== undefined ? s.waiting[group] : undefined;
    return waiting === undefined ? undefined : { peopleAhead: waiting };
  };
  const issueDeps: IssueDeps = {
    store, printer, ticketJob: service.ticketJob, catalog: catalog.get, log, live,
    statusUrl: (t) => ticketStatusUrl(config.ticketStatusUrl, t),
    onTicket: (t) => {
      events.broadcast('ticket.updated', t);
      link?.client.kick();
    },
  };
  return (serviceId: string, language: Language, categoryId?: string) => issueTicket(issueDeps, serviceId, language, categoryId);
}
