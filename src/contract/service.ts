/**
 * Service mode (issue 10): the technician's commands and events. Every command but `service.login`
 * carries the session token `service.login` returned; the controller checks it on each call (the
 * UI hiding a panel is not a security boundary). Spread into `commands` / `events` of api.ts.
 */
import { z } from 'zod';
import { ERROR_CODES } from './error-codes';
import { HealthReport, PartStatus } from './health';
import { BehaviourName, MotionStatus, Pose, Rgb, ServoName } from './motion';
import { LANGUAGES } from './version';

export const ServiceSession = z.string().regex(/^[0-9a-f]{64}$/, 'a service session token');
const withSession = <T extends z.ZodRawShape>(shape: T) => z.object({ session: ServiceSession, ...shape }).strict();
const Empty = z.object({}).strict();

/** Settings a technician may change; each is applied live or needs a restart (see SETTING_APPLY). */
export const SERVICE_SETTING_KEYS = ['printer.density', 'printer.cut', 'service.inactivitySeconds', 'screen.idleSeconds', 'defaultLanguage'] as const;
export const ServiceSettingKey = z.enum(SERVICE_SETTING_KEYS);
export type ServiceSettingKey = z.infer<typeof ServiceSettingKey>;
export const SettingValue = z.union([z.number(), z.string().max(64), z.null()]);

export const ServiceLoginResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    session: ServiceSession,
    /** "badge:<id>" or "pin" (gesture entry: the technician is known only by the PIN). */
    actor: z.string().max(80),
    inactivitySeconds: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(ERROR_CODES),
    /** Wrong PINs left before the lock-out. */
    attemptsLeft: z.number().int().min(0),
    /** While locked out: when the next attempt is allowed (ISO instant). */
    lockedUntil: z.string().max(40).optional(),
  }),
]);
export type ServiceLoginResult = z.infer<typeof ServiceLoginResult>;

export const ServiceOverview = z.object({
  health: HealthReport,
  versions: z.record(z.string(), z.string()),
  disk: z.object({ freeBytes: z.number(), totalBytes: z.number() }).nullable(),
  sync: PartStatus,
  audio: PartStatus,
  /** Settings changed in this run that only take effect after a restart. */
  restartPending: z.array(ServiceSettingKey),
  /** The simulator profile without a configured PIN hash accepts the documented default PIN. */
  defaultPinInUse: z.boolean(),
});

const ServoCal = z.object({ trimUs: z.number().int().min(-300).max(300), minDeg: z.number().min(-90).max(0), maxDeg: z.number().min(0).max(90) }).strict();
export const ServiceBoard = z.object({
  adapter: z.string(),
  status: MotionStatus,
  code: z.string().optional(),
  estop: z.boolean(),
  presence: z.boolean().nullable(),
  pose: Pose,
  servos: z.record(ServoName, ServoCal),
  behaviours: z.array(BehaviourName),
});
export type ServiceBoard = z.infer<typeof ServiceBoard>;

export const ServicePrinter = z.object({
  status: PartStatus,
  /** Tickets printed since the printer first reported its paper near the end (this run). */
  paperNearEndTickets: z.number().int().nullable(),
  density: z.number().int().nullable(),
  cut: z.enum(['partial', 'full', 'none']).nullable(),
});

export const ServiceNetwork = z.object({
  centerUrl: z.string().nullable(),
  enrolment: z.enum(['enrolled', 'not-enrolled', 'revoked', 'expired', 'no-sync']),
  online: z.boolean(),
  outboxLength: z.number().int(),
  auditOutboxLength: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
});

export const ServiceAuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
});
export type ServiceAuditRow = z.infer<typeof ServiceAuditRow>;

export const ServiceLogs = z.object({
  /** Warnings and errors of this run grouped by stable code, newest first. */
  byCode: z.array(z.object({ code: z.string(), count: z.number().int(), lastAt: z.string() })).max(200),
  recent: z.array(z.object({ at: z.string(), level: z.string(), code: z.string().nullable(), msg: z.string() })).max(200),
  audit: z.array(ServiceAuditRow).max(200),
});

export const ServiceStats = z.object({
  day: z.string(),
  /** Tickets issued per hour of the day (Asia/Ho_Chi_Minh), index 0..23. */
  perHour: z.array(z.number().int()).length(24),
  perService: z.array(z.object({ serviceId: z.string(), issued: z.number().int(), averageWaitMinutes: z.number().nullable() })),
  /** Issue to call, over tickets called today; null before the first call. */
  averageWaitMinutes: z.number().nullable(),
  total: z.number().int(),
});

/** A ticket the robot was printing when it crashed (issue 16): callable at the center until settled here. */
export const ServiceUncertainTicket = z.object({ id: z.string(), display: z.string(), serviceId: z.string(), issuedAt: z.string(), state: z.string() });
export type ServiceUncertainTicket = z.infer<typeof ServiceUncertainTicket>;

export const serviceCommands = {
  'service.login': {
    request: z.object({ pin: z.string().regex(/^\d{4,12}$/, '4 to 12 digits'), via: z.enum(['gesture', 'badge']) }).strict(),
    response: ServiceLoginResult,
  },
  'service.logout': { request: withSession({}), response: Empty },
  /** Any touch in the technician UI: keeps the session from expiring. */
  'service.ping': { request: withSession({}), response: z.object({ inactivitySeconds: z.number().int() }) },
  'service.overview': { request: withSession({}), response: ServiceOverview },
  'service.printer.get': { request: withSession({}), response: ServicePrinter },
  'service.printer.testPage': { request: withSession({}), response: z.object({ printed: z.boolean(), error: z.enum(ERROR_CODES).optional() }) },
  /** The last ticket of the day as it prints, a PNG data URL; null when none was issued. */
  'service.printer.preview': { request: withSession({}), response: z.object({ display: z.string().nullable(), png: z.string().nullable() }) },
  'service.settings.set': {
    request: withSession({ key: ServiceSettingKey, value: SettingValue }),
    response: z.object({ applied: z.enum(['live', 'restart']), persisted: z.boolean() }),
  },
  /** The saved value of each setting (what applies now, or after the restart listed as pending). */
  'service.settings.get': {
    request: withSession({}),
    response: z.object({ values: z.record(ServiceSettingKey, SettingValue), restartPending: z.array(ServiceSettingKey) }),
  },
  /** The PIN's format is checked by the handler, so that a short PIN gets its own code (SERVICE_PIN_FORMAT). */
  'service.pin.change': {
    request: withSession({ pin: z.string().max(32) }),
    response: z.object({ persisted: z.boolean() }),
  },
  'service.board.get': { request: withSession({}), response: ServiceBoard },
  'service.board.move': { request: withSession({ servo: ServoName, angle: z.number().min(-90).max(90) }), response: Empty },
  'service.board.calibrate': { request: withSession({ servo: ServoName, calibration: ServoCal }), response: ServiceBoard },
  'service.board.light': { request: withSession({ colour: Rgb }), response: Empty },
  'service.board.behaviour': { request: withSession({ name: BehaviourName }), response: Empty },
  'service.board.stop': { request: withSession({}), response: Empty },
  'service.audio.speakerTest': { request: withSession({ language: z.enum(LANGUAGES) }), response: Empty },
  'service.network.get': { request: withSession({}), response: ServiceNetwork },
  'service.logs.get': { request: withSession({}), response: ServiceLogs },
  /** Logs, config and status without secrets, as one JSON document for a download. */
  'service.logs.export': {
    request: withSession({}),
    /** savedTo: the file on the USB stick (service.exportDir) when one is mounted, else null. */
    response: z.object({ filename: z.string(), content: z.string(), savedTo: z.string().nullable() }),
  },
  'service.stats.get': { request: withSession({}), response: ServiceStats },
  /** Tickets whose sheet may or may not exist after a crash while printing, oldest first. */
  'service.tickets.uncertain': { request: withSession({}), response: z.object({ tickets: z.array(ServiceUncertainTicket).max(500) }) },
  /** Settles one: `printed` (the sheet exists) or `void` (no sheet; the number is never given again). Audited. */
  'service.tickets.settle': {
    request: withSession({ ticketId: z.string().uuid(), outcome: z.enum(['printed', 'void']) }),
    response: z.object({ ticket: ServiceUncertainTicket }),
  },
} as const;

export const serviceEvents = {
  /** The controller ended the session (inactivity, logout elsewhere, restart of service). */
  'service.ended': z.object({ reason: z.enum(['inactivity', 'logout', 'replaced']) }),
  /** Published by the voice module while a service session is open (about 10 per second). */
  'service.audio': z.object({ micLevel: z.number().min(0).max(1), wakeScore: z.number().min(0).max(1), threshold: z.number().min(0).max(1) }),
  /** Presence sensor changes, for the board panel. */
  'service.presence': z.object({ present: z.boolean() }),
} as const;

export type ServiceAudioSample = z.infer<(typeof serviceEvents)['service.audio']>;

/**
 * What a robot sends the center for its service audit trail (outbox kind `service.audit`), for a
 * `POST /v1/audit/batch` route that acknowledges by `key` like ticket ingestion does.
 */
export const ServiceAuditEvent = z
  .object({
    key: z.string().min(1).max(120),
    robotId: z.string().max(32),
    auditId: z.number().int().positive(),
    at: z.string().max(40),
    actor: z.string().max(80),
    action: z.string().max(60),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .strict();
export const ServiceAuditBatch = z.object({ events: z.array(ServiceAuditEvent).min(1).max(100) }).strict();
export type ServiceAuditBatch = z.infer<typeof ServiceAuditBatch>;
