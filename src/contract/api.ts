/**
 * The UI <-> controller API: one WebSocket, JSON text frames.
 *
 *   UI -> controller  { v, id, type, payload }           a command
 *   controller -> UI  { v, id, ok: true, result }        its reply
 *                     { v, id, ok: false, error }        or a typed error (id null if unreadable)
 *                     { v, event, data }                 a pushed event
 *
 * Each command has one request and one response schema below; the UI's client and the
 * controller's dispatcher are both typed from this table, so they cannot drift apart.
 */
import { z } from 'zod';
import { Catalog, LocalizedText } from './catalog';
import { bookingCommands } from './booking-api';
import { AppointmentCheckInRequest, AppointmentCheckInResponse, DossierLookupRequest, DossierLookupResponse } from './check-in';
import { ERROR_CODES } from './error-codes';
import { HealthReport } from './health';
import { LobbyStatus } from './lobby';
import { MAX_SCAN_BYTES, ParsedCode } from './scan-codes';
import { LegalDocument, Procedure } from './procedure';
import { StaffCall, StaffCallRequest, StaffCallResponse, TicketWait } from './staff';
import { RatingOpenRequest, RatingSendRequest, RatingSendResponse, RatingTicket } from './rating';
import { serviceCommands, serviceEvents } from './service';
import { Ticket } from './ticket';
import { API_PROTOCOL_VERSION, LANGUAGES } from './version';
import { VoiceSayRequest, VoiceSayResponse, VoiceSessionRequest, VoiceSessionResponse, VoiceStateEvent, VoiceStopRequest, VoiceStopResponse, VoiceWakeEvent } from './voice';

/** Bound on one frame: a command is a few hundred bytes; anything near this is hostile. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const LanguageSchema = z.enum(LANGUAGES);

/** How the touchscreen behaves; from the robot's config. */
export const UiSettings = z.object({
  /** Pixels per inch of the touchscreen: touch targets are sized in millimetres from it. */
  dpi: z.number().min(50).max(600),
  /** Inactivity before the "need more time?" prompt. */
  idleSeconds: z.number().int().min(15).max(600),
  /** How long that prompt waits before the session is cleared (never under 20 s). */
  moreTimeSeconds: z.number().int().min(20).max(300),
});
export type UiSettings = z.infer<typeof UiSettings>;

export const commands = {
  hello: {
    request: z.object({ client: z.string().max(64) }).strict(),
    response: z.object({
      protocol: z.number().int(),
      robotId: z.string(),
      defaultLanguage: LanguageSchema,
      languages: z.array(LanguageSchema),
      ui: UiSettings,
    }),
  },
  'catalog.get': {
    request: z.object({}).strict(),
    response: Catalog,
  },
  'ticket.issue': {
    request: z
      .object({
        serviceId: z.string().min(1).max(48),
        language: LanguageSchema,
        /** A priority category of the catalog (elderly, appointment, ...); absent for a normal ticket. */
        categoryId: z.string().min(1).max(48).optional(),
      })
      .strict(),
    response: z.object({
      ticket: Ticket,
      printed: z.boolean(),
      printError: z.enum(ERROR_CODES).optional(),
      /** People ahead and a range of minutes, as printed on the ticket. */
      wait: TicketWait,
      /** Labels of the counters serving this service ("Quầy 1"), as printed; empty when the catalog has none. */
      whereToGo: z.array(z.string().max(100)).max(20),
      /** The ticket's phone status page (its QR), shown large on screen when the paper did not come out. */
      statusUrl: z.string().max(400).optional(),
    }),
  },
  /** A visitor asks for a person, or the touchscreen reports a ticket it could not print (issue 9). */
  'staff.call': {
    request: StaffCallRequest,
    response: StaffCallResponse,
  },
  /** A code read by the touchscreen itself: keyboard-wedge burst, camera, or typed by hand. */
  'code.submit': {
    request: z.object({ text: z.string().min(1).max(MAX_SCAN_BYTES), source: z.enum(['wedge', 'camera', 'typed']) }).strict(),
    response: z.object({ code: ParsedCode.optional(), error: z.enum(ERROR_CODES).optional(), repeated: z.boolean() }),
  },
  /** The whole procedure guide (a few hundred kB at most): the UI searches and filters it locally. */
  'procedure.list': {
    request: z.object({}).strict(),
    response: z.object({
      compiledOn: z.string(),
      disclaimer: LocalizedText,
      procedures: z.array(Procedure).max(500),
    }),
  },
  /** One procedure with the legal documents it cites; PROCEDURE_UNKNOWN when the id is not in the guide. */
  'procedure.get': {
    request: z.object({ id: z.string().min(1).max(48) }).strict(),
    response: z.object({ procedure: Procedure, legalDocuments: z.array(LegalDocument).max(8) }),
  },
  'status.get': {
    request: z.object({}).strict(),
    response: HealthReport,
  },
  /** Voice (issue 8): read a text aloud (VOICE_DISABLED without a loudspeaker); returns when it starts. */
  'voice.say': { request: VoiceSayRequest, response: VoiceSayResponse },
  /** The screen was touched: stop speaking and end the voice conversation. */
  'voice.stop': { request: VoiceStopRequest, response: VoiceStopResponse },
  /** The touchscreen session's language (null when it ends): a wake word is answered in it. */
  'voice.session': { request: VoiceSessionRequest, response: VoiceSessionResponse },
  // service mode (issue 10): src/contract/service.ts
  ...serviceCommands,
  /** Appointment check-in (issue 6): verifies the signed QR, asks the center, issues the appointment ticket. */
  'appointment.checkIn': { request: AppointmentCheckInRequest, response: AppointmentCheckInResponse },
  /** Dossier look-up (issue 6): status from the center; DOSSIER_LOOKUP_OFFLINE when it cannot be reached. */
  'dossier.lookup': { request: DossierLookupRequest, response: DossierLookupResponse },
  /** The lobby at a glance for the touchscreen's top band (issue 17): clock, now serving, waiting. */
  'lobby.get': { request: z.object({}).strict(), response: LobbyStatus },
  /** Rating (issue 18): a scanned ticket QR → the served ticket to rate (RATING_* codes, RATING_NEEDS_CENTER offline). */
  'rating.open': { request: RatingOpenRequest, response: RatingTicket },
  'rating.send': { request: RatingSendRequest, response: RatingSendResponse },
  // booking and home visits (issue 18): src/contract/booking-api.ts
  ...bookingCommands,
} as const;

export type CommandType = keyof typeof commands;
export type CommandRequest<T extends CommandType> = z.infer<(typeof commands)[T]['request']>;
export type CommandResponse<T extends CommandType> = z.infer<(typeof commands)[T]['response']>;

export const events = {
  'status.changed': HealthReport,
  'ticket.updated': Ticket,
  /** A code read by any scanner of the robot, parsed (or refused with its code); never the raw text. */
  'code.scanned': z.object({ scannerId: z.string(), source: z.string(), code: ParsedCode.optional(), error: z.enum(ERROR_CODES).optional() }),
  'voice.state': VoiceStateEvent,
  'voice.wake': VoiceWakeEvent,
  /** A staff call was recorded (service mode and the robot's motion may react to it). */
  'staff.called': StaffCall,
  /** The presence sensor's level (issue 17): the idle screen's face looks toward a visitor. */
  'presence.changed': z.object({ present: z.boolean() }),
  ...serviceEvents,
} as const;
export type EventType = keyof typeof events;
export type EventData<T extends EventType> = z.infer<(typeof events)[T]>;

/** The envelope is checked first, then the payload against its command's schema. */
export const CommandEnvelope = z
  .object({
    v: z.number().int(),
    id: z.string().min(1).max(64),
    type: z.string().min(1).max(64),
    payload: z.unknown(),
  })
  .strict();
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

export const ApiError = z.object({
  code: z.enum(ERROR_CODES),
  /** Which fields were wrong, for INVALID_PAYLOAD: "path: expectation" lines. */
  issues: z.array(z.string()).max(20).optional(),
  /** Queue refusals (QUEUE_CENTER_CLOSED, QUEUE_LUNCH_BREAK, ...): the next opening, ISO instant. */
  nextOpeningAt: z.string().max(40).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const ReplyMessage = z.union([
  z.object({ v: z.number(), id: z.string().nullable(), ok: z.literal(true), result: z.unknown() }),
  z.object({ v: z.number(), id: z.string().nullable(), ok: z.literal(false), error: ApiError }),
]);
export type ReplyMessage = z.infer<typeof ReplyMessage>;

export const EventMessage = z.object({ v: z.number(), event: z.string(), data: z.unknown() });
export type EventMessage = z.infer<typeof EventMessage>;

export const ServerMessage = z.union([ReplyMessage, EventMessage]);

export { API_PROTOCOL_VERSION };
