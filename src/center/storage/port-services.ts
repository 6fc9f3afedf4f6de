/**
 * The storage port's records of issue 18's services (home visits, ratings, statistics, booking)
 * and the shared rate buckets (issue 19): what CenterStorage's methods take and give for them.
 */
import type { ErrorCode } from '../../contract/error-codes';
import type { Appointment, HomeVisitAddress, HomeVisitCategory, HomeVisitStatus, RATING_REASONS, RatingScore } from '../../contract/sync';
import type { Language } from '../../contract/version';
import type { HomeVisitAction } from '../home-visits/states';
import type { CenterTicketStatus } from './port';

export type RatingReason = (typeof RATING_REASONS)[number];
export type RatingSourceName = 'phone' | 'counter' | 'robot';

/** A home visit request as the robot sent it, with the ids and masked phone the center made. */
export interface NewHomeVisit {
  visitId: string;
  /** The unguessable part of the citizen's status link (/v/<token>). */
  statusToken: string;
  robotId: string;
  requestId: string;
  serviceId: string;
  category: HomeVisitCategory;
  language: Language;
  preferredDays: string[];
  phone: string;
  maskedPhone: string;
  name: string | null;
  address: HomeVisitAddress;
  nowMs: number;
}

/** A stored home visit. Personal fields are null once retention purged them. */
export interface HomeVisitRecord {
  visitId: string;
  statusToken: string | null;
  robotId: string;
  serviceId: string;
  category: HomeVisitCategory;
  language: Language;
  preferredDays: string[];
  status: HomeVisitStatus;
  scheduled: { day: string; time: string } | null;
  staffName: string | null;
  phone: string | null;
  maskedPhone: string;
  name: string | null;
  address: HomeVisitAddress | null;
  requestedAtMs: number;
  updatedAtMs: number;
}

export type HomeVisitChange = { action: Extract<HomeVisitAction, 'schedule'>; day: string; time: string; staffName: string } | { action: Exclude<HomeVisitAction, 'schedule'> };
export type HomeVisitChangeOutcome = { ok: true; visit: HomeVisitRecord } | { ok: false; code: 'HOME_VISIT_NOT_FOUND' | 'HOME_VISIT_STATE_CONFLICT' };
/** A citizen's rating of one served ticket (issue 18). Reasons and comment are already validated and bounded. */
export interface RateInput {
  ticketId: string;
  score: RatingScore;
  reasons: readonly RatingReason[];
  comment: string | null;
  source: RatingSourceName;
  /** When set, only a ticket this counter served may be rated (the counter's rating tablet). */
  counterId?: string;
  nowMs: number;
}

/** A stored rating; `staffSession` is the hash of the session that completed the ticket, null if none. */
export interface StoredRating {
  ticketId: string;
  score: RatingScore;
  reasons: RatingReason[];
  comment: string | null;
  source: RatingSourceName;
  counterId: string | null;
  serviceId: string;
  staffSession: string | null;
  day: string;
  createdAtMs: number;
}

/** `existing` comes with RATING_ALREADY_GIVEN, so a robot resending the same rating can be told it is done. */
export type RateOutcome = { ok: true } | { ok: false; code: ErrorCode; existing?: StoredRating };

/**
 * What the statistics need to know besides the rows (issue 18): the catalog's mapping of services
 * to fields, the wait targets and the category kinds, passed in so the storage stays catalog-free.
 */
export interface StatsInput {
  /** Business days, both included. */
  from: string;
  to: string;
  /** Today's business day: a booked appointment of an earlier day never checked in is missed. */
  today: string;
  /** The center zone's offset from UTC (Asia/Ho_Chi_Minh: +7 h all year, no daylight saving). */
  utcOffsetMs: number;
  /** serviceId → fieldId, from the catalog. */
  serviceFields: Record<string, string>;
  /** Wait target (issue → call) in minutes, and per-service overrides. */
  targetMinutes: number;
  targetByService: Record<string, number>;
  /** Category ids whose kind is 'priority', and those whose kind is 'appointment'. */
  priorityCategories: readonly string[];
  appointmentCategories: readonly string[];
}

/** One ticket of the CSV export; `origin` is 'robot' when its robot id is an enrolled device. */
export interface StatsTicketRow {
  seq: number;
  ticketId: string;
  day: string;
  display: string;
  serviceId: string;
  counterGroup: string;
  counterId: string | null;
  categoryId: string | null;
  origin: 'robot' | 'staff';
  robotId: string;
  status: CenterTicketStatus;
  issuedAtMs: number;
  calledAtMs: number | null;
  doneAtMs: number | null;
}

export interface RateTokenInput {
  key: string;
  perMinute: number;
  burst: number;
  nowMs: number;
  /** Use the token (false: only look, e.g. before an attempt of which only failures count). */
  take: boolean;
}

export interface BookingInput {
  robotId: string;
  requestId: string;
  /** The appointment code the center generated (used only when the request is new). */
  code: string;
  serviceId: string;
  counterGroup: string;
  day: string;
  time: string;
  placesPerSlot: number;
  /** False when the slot is not (or no longer) in the calendar: only a repeated request is answered. */
  open: boolean;
  language: string;
  /** Personal data: stored in its own table only, deleted by the retention job. */
  phone: string;
  name: string | null;
  maskedPhone: string;
  maskedName: string;
  nowMs: number;
}

export type BookingOutcome =
  | { ok: true; appointment: Appointment; counterGroup: string; maskedPhone: string; replay: boolean }
  | { ok: false; code: 'BOOKING_SLOT_FULL' | 'BOOKING_SLOT_UNAVAILABLE' };

export interface SlotTaken {
  day: string;
  time: string;
  taken: number;
}
