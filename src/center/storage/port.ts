/**
 * What the center stores, as domain operations. Each method is atomic: the SQLite adapter runs
 * it in one IMMEDIATE transaction, and a server database adapter must do the same. Events for
 * the realtime stream are appended inside the same transaction as the change they describe, so
 * the stream can never miss or invent a change. Methods are async so a networked database fits.
 */
import type { ErrorCode } from '../../contract/error-codes';
import type { DeviceHealth, IngestItemResult, Lease, StreamEvent, StreamEventData, StreamEventType, TicketChange } from '../../contract/sync';
import type { Appointment, CheckInOutcome, Dossier, StatsFigures } from '../../contract/sync';
import type { CenterAuditRow, CenterStaffCall, RobotEventResult, SyncStaffCall } from '../../contract/sync';
import type { NumberSpaceRule } from '../domain/number-space';
import type { Weights } from '../domain/calling';
import type { HomeVisitStatus } from '../../contract/sync';
import type { BookingInput, BookingOutcome, SlotTaken, HomeVisitChange, HomeVisitChangeOutcome, HomeVisitRecord, NewHomeVisit, RateInput, RateOutcome, RateTokenInput, StatsInput, StatsTicketRow, StoredRating } from './port-services';

export * from './port-services';

export interface CheckInInput {
  code: string;
  checkInId: string;
  robotId: string;
  ticketId?: string;
  nowMs: number;
}

export interface TokenRecord {
  robotId: string;
  expiresAtMs: number;
  /** Set when the token was rotated: it stays usable until then (a lost refresh answer must not lock the robot out). */
  graceUntilMs: number | null;
  revoked: boolean;
}

export interface DeviceRecord {
  robotId: string;
  robotSlot: number;
  enrolledAtMs: number;
  revoked: boolean;
  tokenExpiresAtMs: number | null;
  lastSeenAtMs: number | null;
  skewMs: number | null;
  health: DeviceHealth | null;
  /** Enrolments after the first, and refused attempts to enrol this live id with an unbound code. */
  enrolment: { reEnrolments: number; lastReEnrolledAtMs: number | null; refusedTakeovers: number; lastRefusedAtMs: number | null };
}

export interface EnrolInput {
  codeHash: string;
  robotId: string;
  tokenHash: string;
  tokenExpiresAtMs: number;
  nowMs: number;
  fallbackSlots: number;
  preferredSlot?: number;
}

export type EnrolOutcome = { ok: true; robotSlot: number } | { ok: false; code: ErrorCode };

export interface LeaseInput {
  robotId: string;
  requestId: string;
  prefix: string;
  day: string;
  rule: NumberSpaceRule;
  nowMs: number;
}

export type LeaseOutcome = { ok: true; lease: Lease } | { ok: false; code: ErrorCode };

export interface CounterRecord {
  id: string;
  label: string;
  counterGroup: string;
}

export type CenterTicketStatus = 'pending' | 'waiting' | 'called' | 'served' | 'skipped' | 'voided';

export interface CenterTicket {
  ticketId: string;
  robotId: string;
  serviceId: string;
  counterGroup: string;
  prefix: string;
  day: string;
  number: number;
  display: string;
  categoryId: string | null;
  robotState: string;
  version: number;
  status: CenterTicketStatus;
  issuedAtMs: number;
  receivedSeq: number;
  counterId: string | null;
  /** Flagged by its robot after a crash while printing, not settled by staff yet (issue 16). */
  printUncertain: boolean;
  /** The language the citizen chose on the robot (the phone page and the announcement speak it). */
  language?: string;
}

export type WaitingCenterTicket = CenterTicket & { overtakenBy: number };
export type SettleOutcome = { ok: true; ticket: CenterTicket } | { ok: false; code: ErrorCode };

export interface IngestContext {
  robotId: string;
  nowMs: number;
  /** The counter group of a service, null when the catalog does not know it (stored anyway, flagged). */
  groupOf: (serviceId: string) => string | null;
}

export interface CounterOpInput {
  counterId: string;
  action: 'call-next' | 'recall' | 'skip' | 'transfer' | 'complete';
  toCounterGroup?: string;
  weights: Weights;
  maxOvertakes: number;
  /** Business day whose tickets are called. */
  day: string;
  nowMs: number;
  /** Hash of the staff session that pressed the button (null for a tool with the staff key): kept on the ticket it completes. */
  staffSession?: string | null;
}

export type CounterOpOutcome = { ok: true; current: CenterTicket | null } | { ok: false; code: ErrorCode };

export interface NewEvent {
  type: StreamEventType;
  data: StreamEventData;
}

/** An item of a robot-event batch that did not validate; `id` is its id or key when one was readable. */
export interface InvalidItem {
  invalid: string[];
  id: string | null;
}

export interface RobotEventContext {
  robotId: string;
  nowMs: number;
}

/** One service audit row as the route validated it (ServiceAuditEvent with `at` parsed). */
export interface AuditInput {
  key: string;
  robotId: string;
  auditId: number;
  atMs: number;
  actor: string;
  action: string;
  detail: Record<string, unknown> | null;
}

export interface FleetAuditSummary {
  count: number;
  lastAt: number | null;
  lastAction: string | null;
}


export interface CenterStorage {
  // devices and tokens
  createEnrolmentCode(codeHash: string, robotId: string | null, expiresAtMs: number, nowMs: number): Promise<void>;
  enrol(input: EnrolInput): Promise<EnrolOutcome>;
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  /** Adds the new token; the old one remains valid until `oldGraceUntilMs` (or its own expiry). */
  rotateToken(oldHash: string, newHash: string, newExpiresAtMs: number, oldGraceUntilMs: number, nowMs: number): Promise<void>;
  revokeDevice(robotId: string, nowMs: number): Promise<boolean>;
  recordHeartbeat(robotId: string, health: DeviceHealth, nowMs: number): Promise<void>;
  listDevices(): Promise<DeviceRecord[]>;
  slotOf(robotId: string): Promise<number | null>;

  // numbers and tickets
  leaseBlock(input: LeaseInput): Promise<LeaseOutcome>;
  ingest(changes: readonly (TicketChange | { invalid: string[] })[], ctx: IngestContext): Promise<IngestItemResult[]>;
  getTicket(ticketId: string): Promise<CenterTicket | null>;
  /** Waiting tickets of a group and day, each with how many later-issued tickets were called before it. */
  waitingIn(counterGroup: string, day: string): Promise<WaitingCenterTicket[]>;
  countWaiting(day: string): Promise<Record<string, number>>;
  /** Print-uncertain tickets of `day` still open (pending, waiting or called), oldest first. */
  printUncertain(day: string, counterGroup?: string): Promise<CenterTicket[]>;
  /** Staff settle a print-uncertain ticket: `callable` clears the mark (and queues it), `void` takes it out. */
  settleTicket(ticketId: string, outcome: 'callable' | 'void', nowMs: number): Promise<SettleOutcome>;

  // ratings (table `ratings`, read by the statistics too)
  /**
   * Rates a ticket once, in one transaction: CENTER_NOT_FOUND when unknown, RATING_TICKET_NOT_COMPLETED
   * unless its status is served (and, with `counterId`, served at that counter), RATING_ALREADY_GIVEN
   * when it has a rating. The row copies the ticket's counter, service, day and completing staff session.
   */
  rateTicket(input: RateInput): Promise<RateOutcome>;
  ratingOf(ticketId: string): Promise<StoredRating | null>;

  // counters
  syncCounters(counters: readonly CounterRecord[]): Promise<void>;
  listCounters(): Promise<(CounterRecord & { current: CenterTicket | null })[]>;
  counterOp(input: CounterOpInput): Promise<CounterOpOutcome>;

  // realtime stream
  eventsAfter(afterId: number, limit: number): Promise<StreamEvent[]>;
  firstEventId(): Promise<number>;
  lastEventId(): Promise<number>;
  appendEvent(event: NewEvent, nowMs: number): Promise<void>;

  // robot events: staff calls (a new one appends `staff.called`) and service audit rows
  storeStaffCalls(calls: readonly (SyncStaffCall | InvalidItem)[], ctx: RobotEventContext): Promise<RobotEventResult[]>;
  openStaffCalls(limit: number): Promise<CenterStaffCall[]>;
  /** Appends `staff.acknowledged` the first time; null when the call is unknown. */
  acknowledgeStaffCall(callId: string, nowMs: number): Promise<CenterStaffCall | null>;
  storeAudit(events: readonly (AuditInput | InvalidItem)[], ctx: RobotEventContext): Promise<RobotEventResult[]>;
  /** Per robot id. */
  auditSummaries(): Promise<Record<string, FleetAuditSummary>>;
  recentAudit(robotId: string, limit: number): Promise<CenterAuditRow[]>;

  // staff sign-in sessions (the counter and fleet pages); only a hash of the cookie is stored
  createStaffSession(sessionHash: string, expiresAtMs: number, nowMs: number): Promise<void>;
  /** True when the session exists, is not revoked and has not expired at `nowMs`. */
  staffSessionValid(sessionHash: string, nowMs: number): Promise<boolean>;
  /** Revokes one session, or every open one when `sessionHash` is null; returns how many. */
  revokeStaffSessions(sessionHash: string | null, nowMs: number): Promise<number>;

  // look-ups (seeded demo data in the reference center)
  findAppointment(code: string): Promise<Appointment | null>;
  findDossier(code: string): Promise<Dossier | null>;
  /** Records a check-in once; null when the appointment is unknown. */
  checkInAppointment(input: CheckInInput): Promise<{ outcome: CheckInOutcome; appointment: Appointment } | null>;

  // bookings (issue 18): a place of a slot becomes an appointment; personal data lives in its own table
  /**
   * One transaction: a repeated (robotId, requestId) answers the booking it made; else counts the
   * places taken of (counterGroup, day, time) and, below `placesPerSlot`, inserts the appointment,
   * its booking row and its personal data. A server database must serialise bookings of one slot
   * (e.g. `pg_advisory_xact_lock` on the slot, or SERIALIZABLE with a retry).
   */
  bookAppointment(input: BookingInput): Promise<BookingOutcome>;
  /** Places taken per slot of a counter group, days `fromDay`..`toDay` inclusive (cancelled ones free theirs). */
  placesTaken(counterGroup: string, fromDay: string, toDay: string): Promise<SlotTaken[]>;
  /** Deletes the personal data of bookings whose appointment day is on or before `cutoffDay`; returns how many. */
  purgeBookingPersonalData(cutoffDay: string): Promise<number>;

  // home visits (issue 18): personal data stays here, at the center, until retention purges it
  /** Stores the request once per (robotId, requestId); a repeat returns the first visit with created: false. */
  requestHomeVisit(input: NewHomeVisit): Promise<{ visit: HomeVisitRecord; created: boolean }>;
  /** The visit behind a status link; null when unknown or purged. */
  homeVisitByToken(statusToken: string): Promise<HomeVisitRecord | null>;
  /** Newest first, purged visits left out; `status` filters. */
  listHomeVisits(query: { status?: HomeVisitStatus; limit: number }): Promise<HomeVisitRecord[]>;
  /** Reads the status and applies the state rule (home-visits/states.ts) in one transaction. */
  changeHomeVisit(visitId: string, change: HomeVisitChange, nowMs: number): Promise<HomeVisitChangeOutcome>;
  /**
   * Erases phone, name, address, staff name and status link of every visit whose visit day (the
   * scheduled day, else the last preferred day) is on or before `cutoffDay`; the anonymous rest
   * (service, category, status, days) stays for statistics. Returns how many were purged.
   */
  purgeHomeVisitPersonalData(cutoffDay: string): Promise<number>;
  // statistics (issue 18): plain SQL in both adapters (window functions, CASE, integer division)
  /** Every figure of /v1/stats over a day range, computed by the database. */
  stats(input: StatsInput): Promise<StatsFigures>;
  /** Tickets of the range counted by stats, by receipt order after `afterSeq`, at most `limit` (CSV paging). */
  statsTickets(from: string, to: string, afterSeq: number, limit: number): Promise<StatsTicketRow[]>;

  // several instances (issue 19): what each instance would otherwise keep in its own memory
  /**
   * A token bucket per key (`<limiter>:<client address>`): refilled at `perMinute`, at most
   * `burst`. True when a token is there; with `take` it is used, in one statement, so two
   * instances never both spend the last one. SQLite (one process) may keep the buckets in memory.
   */
  rateToken(input: RateTokenInput): Promise<boolean>;
  /** Answers when the database answers (the balancer's health check); throws otherwise. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
