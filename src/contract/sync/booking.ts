/**
 * Sync protocol v2 — booking a later slot and requesting a home visit at the robot (issue 18).
 *
 * The center decides every place: robots only ask. Personal data (phone, name, address) travels
 * once, robot → center, is stored only at the center, and comes back masked. Both writes are
 * idempotent by the robot's `requestId`, so a lost answer or a retry never books twice.
 * Offline the robot does not book: it says booking needs the center and offers a ticket.
 */
import { z } from 'zod';
import { LANGUAGES } from '../version';
import { Appointment } from './lookups';
import { IsoDay, ServerTime } from './primitives';

/** A Vietnamese mobile number as typed on the keypad: 10 digits, 03/05/07/08/09 then 8 digits. */
export const VnMobilePhone = z.string().regex(/^0[35789]\d{8}$/, 'a Vietnamese mobile number: 10 digits starting 03, 05, 07, 08 or 09');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const Language = z.enum(LANGUAGES);
const ServiceId = z.string().min(1).max(48);
const PersonName = z.string().trim().min(1).max(80);

/** GET /v1/booking/options — what the center offers robots (shown before any personal data is asked). */
export const HomeVisitCategory = z.enum(['elderly', 'disability']);
export type HomeVisitCategory = z.infer<typeof HomeVisitCategory>;
export const BookingOptionsResponse = z.object({
  /** How many working days ahead a slot may be booked (today counts as day 0). */
  daysAhead: z.number().int().min(0).max(60),
  homeVisitCategories: z.array(HomeVisitCategory).max(10),
  /** Days personal data is kept after the appointment or visit (shown in the consent text). */
  retentionDays: z.number().int().min(1).max(3650),
  serverTime: ServerTime,
});
export type BookingOptionsResponse = z.infer<typeof BookingOptionsResponse>;

/** GET /v1/booking/slots?serviceId=&from=YYYY-MM-DD&days=1..14 — free places per slot of the service's counter group. */
export const SlotsQuery = z.object({ serviceId: ServiceId, from: IsoDay, days: z.coerce.number().int().min(1).max(14) }).strict();
export const BookableSlot = z.object({ day: IsoDay, time: ClockTime, placesLeft: z.number().int().min(0).max(1000) });
export type BookableSlot = z.infer<typeof BookableSlot>;
export const SlotsResponse = z.object({
  serviceId: ServiceId,
  counterGroup: z.string().max(48),
  slots: z.array(BookableSlot).max(2000),
  serverTime: ServerTime,
});
export type SlotsResponse = z.infer<typeof SlotsResponse>;

/** POST /v1/booking/appointments — takes one place of a slot, or answers BOOKING_SLOT_FULL. */
export const BookingRequest = z
  .object({
    requestId: z.string().uuid(),
    serviceId: ServiceId,
    day: IsoDay,
    time: ClockTime,
    phone: VnMobilePhone,
    name: PersonName.optional(),
    language: Language,
    /** The visitor agreed to the consent text on the screen; without it nothing is stored. */
    consent: z.literal(true),
  })
  .strict();
export type BookingRequest = z.infer<typeof BookingRequest>;
export const BookingResponse = z.object({
  appointment: Appointment,
  /** The signed appointment QR ("LR1A...."), the one check-in already accepts. */
  qrText: z.string().max(2048),
  /** Counter group's label for the slip, e.g. "Quầy 1–3"; the robot translates nothing it cannot. */
  counterGroup: z.string().max(48),
  maskedPhone: z.string().max(20),
  serverTime: ServerTime,
});
export type BookingResponse = z.infer<typeof BookingResponse>;

/** POST /v1/home-visits — a home visit request for a category the center allows. */
export const HomeVisitAddress = z
  .object({ ward: z.string().trim().min(1).max(80), street: z.string().trim().min(1).max(120), houseNumber: z.string().trim().min(1).max(20) })
  .strict();
export type HomeVisitAddress = z.infer<typeof HomeVisitAddress>;
export const HomeVisitRequest = z
  .object({
    requestId: z.string().uuid(),
    serviceId: ServiceId,
    category: HomeVisitCategory,
    address: HomeVisitAddress,
    phone: VnMobilePhone,
    name: PersonName.optional(),
    preferredDays: z.array(IsoDay).min(1).max(5),
    language: Language,
    consent: z.literal(true),
  })
  .strict();
export type HomeVisitRequest = z.infer<typeof HomeVisitRequest>;
export const HomeVisitStatus = z.enum(['requested', 'scheduled', 'done', 'cancelled']);
export type HomeVisitStatus = z.infer<typeof HomeVisitStatus>;
/** What a robot or the citizen's status page may see of a visit: nothing unmasked. */
export const HomeVisit = z.object({
  visitId: z.string().max(40),
  serviceId: ServiceId,
  category: HomeVisitCategory,
  status: HomeVisitStatus,
  preferredDays: z.array(IsoDay).max(5),
  scheduled: z.object({ day: IsoDay, time: ClockTime }).nullable(),
  maskedPhone: z.string().max(20),
  language: Language,
});
export type HomeVisit = z.infer<typeof HomeVisit>;
export const HomeVisitResponse = z.object({
  visit: HomeVisit,
  /** Absolute URL of the visit's status page, printed as the slip's QR. */
  statusUrl: z.string().url().max(300),
  serverTime: ServerTime,
});
export type HomeVisitResponse = z.infer<typeof HomeVisitResponse>;
