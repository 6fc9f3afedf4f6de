/**
 * The robot <-> center sync protocol, version 1 (docs/sync-protocol.md explains it in prose).
 *
 * HTTP + JSON under /v1. Every response carries the center's clock in the `x-server-time` header
 * (ms since the epoch) and, for JSON bodies, in `serverTime`, so a robot can measure its skew.
 * A failure is `{ error: { code, issues? }, serverTime }` with a stable code from error-codes.ts.
 * Robots authenticate with `Authorization: Bearer <device token>`; staff pages with
 * `Authorization: Staff <staff key>`. Every schema is bounded: nothing from the network is trusted.
 */
import { z } from 'zod';
import { Catalog } from './catalog';
import { ERROR_CODES } from './error-codes';
import { StaffCallReason } from './staff';
import { TICKET_STATES } from './ticket';
import { LANGUAGES } from './version';

/** Bump on any incompatible change below; the center answers older robots while it can. */
export const SYNC_PROTOCOL_VERSION = 1;
export const SYNC_PROTOCOL_HEADER = 'x-sync-protocol';
export const SERVER_TIME_HEADER = 'x-server-time';
/** No request body of the protocol is near this; anything bigger is refused with CENTER_BODY_TOO_LARGE. */
export const SYNC_MAX_BODY_BYTES = 512 * 1024;
export const SYNC_MAX_BATCH = 200;
export const SYNC_MAX_LEASE_REQUESTS = 20;

const RobotId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'robot id: lower-case letters, digits, dashes, up to 32');
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Prefix = z.string().regex(/^[A-Z]{1,2}$/);
const ServerTime = z.number().int().nonnegative();
const ErrorCode = z.enum(ERROR_CODES);

export const SyncError = z.object({
  error: z.object({ code: ErrorCode, issues: z.array(z.string().max(300)).max(20).optional() }),
  serverTime: ServerTime,
});
export type SyncError = z.infer<typeof SyncError>;

// ---------------------------------------------------------------- info

export const CenterInfo = z.object({
  protocol: z.number().int(),
  minProtocol: z.number().int(),
  centerName: z.string().max(300),
  /**
   * Ed25519 public key (base64, raw 32 bytes) that signs appointment QRs, for a technician to copy
   * into the robot's config codes.centerPublicKeys. Robots never trust it from here (see docs).
   */
  appointmentKey: z.string().max(100).optional(),
  serverTime: ServerTime,
});
export type CenterInfo = z.infer<typeof CenterInfo>;

// ---------------------------------------------------------------- enrolment and tokens

/** One-time codes: 8 characters without look-alikes (no 0/O, 1/I/L). */
export const EnrolmentCode = z.string().regex(/^[A-HJKMNP-Z2-9]{8}$/, 'enrolment code: 8 letters/digits');

export const EnrolRequest = z
  .object({
    code: EnrolmentCode,
    robotId: RobotId,
    version: z.string().max(40),
    /** The slot the robot was configured with (and may already have issued fallback numbers from); granted when free. */
    preferredSlot: z.number().int().min(1).max(64).optional(),
  })
  .strict();
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const DeviceToken = z.object({
  token: z.string().min(32).max(128),
  /** After this instant the token is refused with SYNC_TOKEN_EXPIRED. */
  expiresAt: ServerTime,
  /** Refresh from this instant on (well ahead of expiry, so a robot offline for a while still makes it). */
  refreshAfter: ServerTime,
});
export type DeviceToken = z.infer<typeof DeviceToken>;

export const EnrolResponse = z.object({
  robotId: RobotId,
  /** 1..fallbackSlots, distinct among the center's robots: picks the robot's fallback number series. */
  robotSlot: z.number().int().min(1).max(64),
  device: DeviceToken,
  serverTime: ServerTime,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** POST /v1/token/refresh with the current token; the old one stays valid for a short grace. */
export const RefreshResponse = z.object({ device: DeviceToken, serverTime: ServerTime });
export type RefreshResponse = z.infer<typeof RefreshResponse>;

/** Staff: POST /v1/admin/enrolment-codes. */
export const CreateEnrolmentCodeRequest = z
  .object({ robotId: RobotId.optional(), validMinutes: z.number().int().min(1).max(7 * 24 * 60).default(24 * 60) })
  .strict();
export const CreateEnrolmentCodeResponse = z.object({ code: EnrolmentCode, expiresAt: ServerTime, serverTime: ServerTime });

// ---------------------------------------------------------------- catalog

/**
 * GET /v1/catalog, with `If-None-Match: <etag>` answered by 304 when unchanged. `counters`,
 * `priorityWeights` and `numbering` are what the center calls and leases with; the robot must
 * split its number space the same way (see number blocks below).
 */
export const NumberSpace = z.object({
  start: z.number().int().min(1),
  dailyCap: z.number().int().min(1),
  fallbackSlots: z.number().int().min(1).max(64),
  fallbackSize: z.number().int().min(1),
  blockSize: z.number().int().min(1),
});
export type NumberSpace = z.infer<typeof NumberSpace>;

export const CatalogResponse = z.object({
  catalog: Catalog,
  counters: z.array(z.object({ id: z.string().max(48), label: z.string().max(40), counterGroup: z.string().max(40) })).max(100),
  priorityWeights: z.record(z.string().max(48), z.number().int().min(1).max(100)),
  numbering: z.object({ default: NumberSpace, byPrefix: z.record(z.string(), NumberSpace) }),
  etag: z.string().max(80),
  serverTime: ServerTime,
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;

// ---------------------------------------------------------------- number blocks

/**
 * Numbers are unique per (prefix, business day in Asia/Ho_Chi_Minh) across every robot. The
 * space [start, dailyCap] is split: the center leases blocks from the low part; the top part
 * holds one fallback series per robot slot, used only by a robot that has no leased numbers
 * left. The center never leases into the fallback part, so no network is needed to stay unique.
 */
export const NumberRange = z.object({ first: z.number().int().min(1), last: z.number().int().min(1) });
export type NumberRange = z.infer<typeof NumberRange>;

export const LeaseRequestItem = z
  .object({
    /** Chosen by the robot; asking again with the same id returns the same block, never a new one. */
    requestId: z.string().uuid(),
    prefix: Prefix,
    day: IsoDay,
  })
  .strict();
export const LeaseRequest = z.object({ requests: z.array(LeaseRequestItem).min(1).max(SYNC_MAX_LEASE_REQUESTS) }).strict();
export type LeaseRequest = z.infer<typeof LeaseRequest>;

export const Lease = z.object({ leaseId: z.string().max(64), prefix: Prefix, day: IsoDay, first: z.number().int(), last: z.number().int() });
export type Lease = z.infer<typeof Lease>;

export const LeaseResult = z.discriminatedUnion('ok', [
  z.object({ requestId: z.string(), ok: z.literal(true), lease: Lease }),
  z.object({ requestId: z.string(), ok: z.literal(false), code: ErrorCode }),
]);
export type LeaseResult = z.infer<typeof LeaseResult>;

export const LeaseResponse = z.object({
  results: z.array(LeaseResult).max(SYNC_MAX_LEASE_REQUESTS),
  robotSlot: z.number().int().min(1),
  serverTime: ServerTime,
});
export type LeaseResponse = z.infer<typeof LeaseResponse>;

// ---------------------------------------------------------------- ticket ingestion

/** The ticket as the robot holds it (the robot's own id is the center's id too: a UUID). */
export const TicketSnapshot = z
  .object({
    id: z.string().uuid(),
    serviceId: z.string().min(1).max(48),
    day: IsoDay,
    number: z.number().int().min(1).max(999999),
    display: z.string().min(2).max(12),
    language: z.enum(LANGUAGES),
    state: z.enum(TICKET_STATES),
    /** ISO time, corrected by the robot's measured skew so the center can order across robots. */
    issuedAt: z.string().datetime({ offset: true }),
    categoryId: z.string().max(48).optional(),
    robotId: RobotId.optional(),
  })
  .strip();
export type TicketSnapshot = z.infer<typeof TicketSnapshot>;

/**
 * One change of one ticket, as the robot's outbox holds it. Idempotency key: the robot id (from
 * the token) + `ticket.id`; `version` grows with each change, the center keeps the highest.
 */
export const TicketChange = z
  .object({
    key: z.string().max(160).optional(),
    ticket: TicketSnapshot,
    version: z.number().int().min(1).max(1_000_000),
    kind: z.enum(['normal', 'priority', 'appointment']).default('normal'),
    prefix: Prefix,
    printAttempts: z.number().int().min(0).max(100).default(0),
    attention: z.string().max(64).nullable().default(null),
    changedAt: z.string().datetime({ offset: true }),
  })
  .strip();
export type TicketChange = z.infer<typeof TicketChange>;
export type TicketChangeInput = z.input<typeof TicketChange>;

export const IngestRequest = z.object({ changes: z.array(z.unknown()).min(1).max(SYNC_MAX_BATCH) }).strict();

/**
 * Per item: stored (new or newer version), duplicate (this version already stored), stale (an
 * older version than stored), rejected (will never be accepted: drop it and flag it). Every
 * status but a missing result means "acknowledge it"; `warning` flags stored-but-odd items.
 */
export const IngestItemResult = z.object({
  index: z.number().int().min(0),
  ticketId: z.string().max(64).nullable(),
  status: z.enum(['stored', 'duplicate', 'stale', 'rejected']),
  code: ErrorCode.optional(),
  issues: z.array(z.string().max(300)).max(10).optional(),
});
export type IngestItemResult = z.infer<typeof IngestItemResult>;

export const IngestResponse = z.object({ results: z.array(IngestItemResult).max(SYNC_MAX_BATCH), serverTime: ServerTime });
export type IngestResponse = z.infer<typeof IngestResponse>;

// ---------------------------------------------------------------- heartbeat and health

/** At most this many crash reports are named in one heartbeat (the newest); `count` has them all. */
export const CRASH_SUMMARY_MAX = 10;

/**
 * Crash dumps and fatal-error reports kept on the robot (<data>/crashes), summarised for the
 * center's fleet view: names, times and sizes only — never the dump's bytes or an error message.
 */
export const CrashReportSummary = z
  .object({
    count: z.number().int().min(0).max(1e6),
    totalBytes: z.number().int().min(0).max(1e13),
    latest: z
      .array(
        z
          .object({
            kind: z.enum(['minidump', 'fatal-error']),
            /** Path under <data>/crashes, e.g. electron/completed/<uuid>.dmp */
            file: z.string().max(160).regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+){0,3}$/),
            at: ServerTime,
            sizeBytes: z.number().int().min(0).max(1e12),
            /** A fatal-error report's stable code when it had one (ErrorCode or a Node.js errno). */
            code: z.string().max(64).regex(/^[A-Z][A-Z0-9_]*$/).optional(),
          })
          .strict(),
      )
      .max(CRASH_SUMMARY_MAX),
  })
  .strict();
export type CrashReportSummary = z.infer<typeof CrashReportSummary>;

export const DeviceHealth = z
  .object({
    version: z.string().max(40),
    uptimeSeconds: z.number().min(0).max(1e9),
    outboxLength: z.number().int().min(0).max(1e9),
    /** printer, scanner, motion, mic, ...: state and a stable code when not ok. */
    parts: z
      .record(
        z.string().max(32),
        z.object({ state: z.enum(['ok', 'degraded', 'fault', 'disabled', 'starting']), code: z.string().max(64).optional(), adapter: z.string().max(80).optional() }),
      )
      .refine((r) => Object.keys(r).length <= 20, 'at most 20 parts'),
    /** The robot's own clock, ms since the epoch: the center shows the skew on the fleet page. */
    robotTime: z.number().int().nonnegative(),
    /** Crash reports kept on the robot; absent from robots older than crash reporting. */
    crashReports: CrashReportSummary.optional(),
  })
  .strict();
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const HeartbeatResponse = z.object({
  /** The catalog's current ETag: fetch GET /v1/catalog again when it differs from yours. */
  catalogEtag: z.string().max(80),
  /** The last id of the event stream, so a robot can tell it has missed events. */
  lastEventId: z.number().int().min(0),
  serverTime: ServerTime,
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

// ---------------------------------------------------------------- appointments and dossiers

/** Names are masked by the center ("Nguyễn V. A."): a lobby robot never needs them in full. */
export const Appointment = z.object({
  code: z.string().max(32),
  serviceId: z.string().max(48),
  day: IsoDay,
  time: z.string().regex(/^\d{2}:\d{2}$/),
  status: z.enum(['booked', 'checked-in', 'cancelled', 'missed']),
  maskedName: z.string().max(80),
});
export type Appointment = z.infer<typeof Appointment>;

export const Dossier = z.object({
  code: z.string().max(40),
  serviceId: z.string().max(48),
  status: z.enum(['received', 'processing', 'additional-documents-required', 'ready-for-pickup', 'returned']),
  receivedDay: IsoDay,
  dueDay: IsoDay,
  maskedName: z.string().max(80),
});
export type Dossier = z.infer<typeof Dossier>;

export const LookupCode = z.string().regex(/^[A-Za-z0-9.\-]{4,40}$/);
export const AppointmentResponse = z.object({ appointment: Appointment, serverTime: ServerTime });
export const DossierResponse = z.object({ dossier: Dossier, serverTime: ServerTime });

/**
 * POST /v1/appointments/:code/check-in. Idempotent by `checkInId` (chosen by the robot): the same
 * id again answers 'checked-in' again, so a lost answer or a queued retry is harmless; another id
 * for an appointment already checked in answers 'already-checked-in' (a second robot, a second scan).
 */
export const CheckInRequest = z
  .object({
    checkInId: z.string().uuid(),
    /** The appointment ticket the robot issued, when it did. */
    ticketId: z.string().uuid().optional(),
    /** When the robot checked the citizen in (ISO, robot clock corrected by its skew). */
    at: z.string().datetime({ offset: true }),
  })
  .strict();
export type CheckInRequest = z.infer<typeof CheckInRequest>;
export const CheckInOutcome = z.enum(['checked-in', 'already-checked-in', 'cancelled', 'missed']);
export type CheckInOutcome = z.infer<typeof CheckInOutcome>;
export const CheckInResponse = z.object({ outcome: CheckInOutcome, appointment: Appointment, serverTime: ServerTime });
export type CheckInResponse = z.infer<typeof CheckInResponse>;
/** Staff: GET /v1/admin/appointments/:code/qr — the signed QR text a booking system hands the citizen. */
export const AppointmentQrResponse = z.object({ text: z.string().max(2048), serverTime: ServerTime });
export type AppointmentQrResponse = z.infer<typeof AppointmentQrResponse>;

// ---------------------------------------------------------------- counters

export const CounterAction = z.enum(['call-next', 'recall', 'skip', 'transfer', 'complete']);
export type CounterAction = z.infer<typeof CounterAction>;
export const TransferRequest = z.object({ toCounterGroup: z.string().min(1).max(40) }).strict();

export const CalledTicket = z.object({
  ticketId: z.string(),
  display: z.string(),
  serviceId: z.string(),
  counterGroup: z.string(),
  categoryId: z.string().nullable(),
});
export type CalledTicket = z.infer<typeof CalledTicket>;

export const CounterResponse = z.object({
  counterId: z.string(),
  /** The ticket now at this counter (null after skip, complete or transfer). */
  current: CalledTicket.nullable(),
  serverTime: ServerTime,
});
export type CounterResponse = z.infer<typeof CounterResponse>;

// ---------------------------------------------------------------- public board and ticket status

export const BoardCounter = z.object({ id: z.string(), label: z.string(), counterGroup: z.string(), serving: z.string().nullable() });
export const Board = z.object({
  counters: z.array(BoardCounter),
  /** Waiting tickets per counter group. */
  waiting: z.record(z.string(), z.number().int().min(0)),
  lastEventId: z.number().int().min(0),
  serverTime: ServerTime,
});
export type Board = z.infer<typeof Board>;

export const TicketStatus = z.object({
  ticketId: z.string(),
  display: z.string(),
  status: z.enum(['pending', 'waiting', 'called', 'served', 'skipped', 'voided']),
  peopleAhead: z.number().int().min(0),
  /** A range, never negative; null once the ticket is no longer waiting. */
  waitMinutes: z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).nullable(),
  counterLabel: z.string().nullable(),
  serverTime: ServerTime,
});
export type TicketStatus = z.infer<typeof TicketStatus>;

// ---------------------------------------------------------------- realtime stream

/**
 * GET /v1/stream: Server-Sent Events. Each event has an increasing integer `id:` and a JSON
 * `data:` line `{ id, at, type, data }`. Resume after a drop with the `Last-Event-ID` header (what
 * EventSource does by itself) or `?after=<id>`. When the id is older than the center keeps, the
 * first event is `stream.reset`: fetch the board again. Events carry no personal data.
 */
export const STREAM_EVENT_TYPES = [
  'stream.reset',
  'ticket.queued',
  'ticket.called',
  'ticket.recalled',
  'ticket.skipped',
  'ticket.transferred',
  'ticket.served',
  'ticket.voided',
  'device.enrolled',
  'device.revoked',
  'catalog.changed',
  // robot events (staff calls): a visitor asked for a person; a member of staff went
  'staff.called',
  'staff.acknowledged',
] as const;
export const StreamEventType = z.enum(STREAM_EVENT_TYPES);
export type StreamEventType = z.infer<typeof StreamEventType>;

export const StreamEventData = z.object({
  ticketId: z.string().optional(),
  display: z.string().optional(),
  counterId: z.string().optional(),
  counterLabel: z.string().optional(),
  counterGroup: z.string().optional(),
  /** Waiting tickets in the counter group after this event. */
  waiting: z.number().int().min(0).optional(),
  robotId: z.string().optional(),
  /** staff.called / staff.acknowledged: the call, its reason and when it was made (ms, center clock). */
  callId: z.string().optional(),
  reason: z.string().optional(),
  calledAt: z.number().int().optional(),
});
export type StreamEventData = z.infer<typeof StreamEventData>;

export const StreamEvent = z.object({ id: z.number().int().min(0), at: ServerTime, type: StreamEventType, data: StreamEventData });
export type StreamEvent = z.infer<typeof StreamEvent>;

// ---------------------------------------------------------------- fleet (staff)

export const FleetRobot = z.object({
  robotId: z.string(),
  robotSlot: z.number().int(),
  enrolledAt: ServerTime,
  revoked: z.boolean(),
  tokenExpiresAt: ServerTime.nullable(),
  lastSeenAt: ServerTime.nullable(),
  /** robotTime - serverTime at the last heartbeat, ms. */
  skewMs: z.number().int().nullable(),
  health: DeviceHealth.nullable(),
  /** Service audit rows received from this robot; absent from centers older than audit sync. */
  audit: z.object({ count: z.number().int().min(0), lastAt: ServerTime.nullable(), lastAction: z.string().nullable() }).optional(),
});
export const FleetResponse = z.object({ robots: z.array(FleetRobot), serverTime: ServerTime });
export type FleetResponse = z.infer<typeof FleetResponse>;

// ---------------------------------------------------------------- robot events: staff calls and service audit

/**
 * Two small queues besides tickets travel robot → center, each on its own route (their keys,
 * limits and readers differ; a center that lacks one answers 404 and the robot keeps those items):
 * POST /v1/staff-calls/batch { calls } and POST /v1/audit/batch { events }. Each item is validated
 * alone and answered alone, so one malformed item never holds back the others. The robot
 * acknowledges an item only on a result naming it at its index.
 */
export const SYNC_MAX_STAFF_CALLS = 50;
export const SYNC_MAX_AUDIT_EVENTS = 100;
/** An audit row's detail above this many characters of JSON is stored as `{ truncated, size }`. */
export const AUDIT_DETAIL_MAX_CHARS = 4000;

/** A staff call as it travels: the robot's StaffCall, with `calledAt` on the center's clock. */
export const SyncStaffCall = z
  .object({
    id: z.string().uuid(),
    robotId: RobotId,
    reason: StaffCallReason,
    language: z.enum(LANGUAGES),
    ticketId: z.string().uuid().optional(),
    ticketDisplay: z.string().min(1).max(12).optional(),
    calledAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type SyncStaffCall = z.infer<typeof SyncStaffCall>;

export const StaffCallsBatchRequest = z.object({ calls: z.array(z.unknown()).min(1).max(SYNC_MAX_STAFF_CALLS) }).strict();
export const AuditBatchRequest = z.object({ events: z.array(z.unknown()).min(1).max(SYNC_MAX_AUDIT_EVENTS) }).strict();

/**
 * Per item: stored (new), duplicate (this id/key is already stored: acknowledge it), rejected
 * (malformed, or claims another robot: acknowledge and drop it, it will never be accepted).
 * `id` is the staff call's id or the audit event's key, null when the item had none readable.
 */
export const RobotEventResult = z.object({
  index: z.number().int().min(0),
  id: z.string().max(160).nullable(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  code: ErrorCode.optional(),
  issues: z.array(z.string().max(300)).max(10).optional(),
});
export type RobotEventResult = z.infer<typeof RobotEventResult>;

export const RobotEventsResponse = z.object({ results: z.array(RobotEventResult).max(SYNC_MAX_AUDIT_EVENTS), serverTime: ServerTime });
export type RobotEventsResponse = z.infer<typeof RobotEventsResponse>;

/** Staff: GET /v1/staff-calls (open calls, oldest first) and POST /v1/staff-calls/:callId/acknowledge. */
export const CenterStaffCall = z.object({
  callId: z.string(),
  robotId: z.string(),
  reason: z.string(),
  language: z.string(),
  ticketDisplay: z.string().nullable(),
  calledAt: ServerTime,
  receivedAt: ServerTime,
  acknowledgedAt: ServerTime.nullable(),
});
export type CenterStaffCall = z.infer<typeof CenterStaffCall>;
export const StaffCallsResponse = z.object({ calls: z.array(CenterStaffCall).max(200), serverTime: ServerTime });
export const StaffCallAckResponse = z.object({ call: CenterStaffCall, serverTime: ServerTime });

/** Staff: a robot's service audit trail as the center holds it (GET /v1/fleet/:robotId/audit, newest first). */
export const CenterAuditRow = z.object({
  key: z.string(),
  auditId: z.number().int(),
  at: ServerTime,
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type CenterAuditRow = z.infer<typeof CenterAuditRow>;
