/**
 * Booking a later slot and requesting a home visit at the touchscreen (issue 18): the UI ⇄
 * controller commands. The controller asks the center (sync protocol v2, ./sync/booking.ts) and
 * prints the slip; offline or not enrolled every command answers BOOKING_NEEDS_CENTER at once.
 * Personal data goes in once and comes back masked only.
 */
import { z } from 'zod';
import { ERROR_CODES } from './error-codes';
import { Appointment } from './sync/lookups';
import { ClockTime, HomeVisit, HomeVisitAddress, HomeVisitCategory, VnMobilePhone } from './sync/booking';
import { LANGUAGES } from './version';

const Language = z.enum(LANGUAGES);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ServiceId = z.string().min(1).max(48);
const ProcedureId = z.string().min(1).max(48);
const PersonName = z.string().trim().min(1).max(80);

export const BookingOptionsCommand = {
  request: z.object({}).strict(),
  response: z.object({
    daysAhead: z.number().int().min(0).max(60),
    homeVisitCategories: z.array(HomeVisitCategory).max(10),
    retentionDays: z.number().int().min(1).max(3650),
    /** The center's business day now (its clock, Asia/Ho_Chi_Minh): the day picker's "today". */
    today: Day,
  }),
};

/** Free places of one service's counter group, grouped by day; only slots with a place left. */
export const BookingSlotsCommand = {
  request: z.object({ serviceId: ServiceId }).strict(),
  response: z.object({
    serviceId: ServiceId,
    counterGroup: z.string().max(48),
    days: z.array(z.object({ day: Day, slots: z.array(z.object({ time: ClockTime, placesLeft: z.number().int().min(1).max(1000) })).max(200) })).max(61),
  }),
};

const SlipOutcome = {
  printed: z.boolean(),
  printError: z.enum(ERROR_CODES).optional(),
};

export const BookingBookCommand = {
  request: z
    .object({
      /** Chosen by the screen once per confirmation: a second tap after a lost answer books nothing twice. */
      requestId: z.string().uuid(),
      serviceId: ServiceId,
      /** The guide's procedure, when booked from it: its documents are printed on the slip. */
      procedureId: ProcedureId.optional(),
      day: Day,
      time: ClockTime,
      phone: VnMobilePhone,
      name: PersonName.optional(),
      language: Language,
      consent: z.literal(true),
    })
    .strict(),
  response: z.object({
    appointment: Appointment,
    counterGroup: z.string().max(48),
    maskedPhone: z.string().max(20),
    /** The signed appointment QR, shown large on screen when the slip did not come out. */
    qrText: z.string().max(2048),
    ...SlipOutcome,
  }),
};

export const HomeVisitRequestCommand = {
  request: z
    .object({
      requestId: z.string().uuid(),
      serviceId: ServiceId,
      procedureId: ProcedureId.optional(),
      category: HomeVisitCategory,
      address: HomeVisitAddress,
      phone: VnMobilePhone,
      name: PersonName.optional(),
      preferredDays: z.array(Day).min(1).max(5),
      language: Language,
      consent: z.literal(true),
    })
    .strict(),
  response: z.object({ visit: HomeVisit, statusUrl: z.string().max(300), ...SlipOutcome }),
};

export type BookingOptions = z.infer<typeof BookingOptionsCommand.response>;
export type BookingSlots = z.infer<typeof BookingSlotsCommand.response>;
export type BookingBookRequest = z.infer<typeof BookingBookCommand.request>;
export type BookingBookResult = z.infer<typeof BookingBookCommand.response>;
export type HomeVisitCommandRequest = z.infer<typeof HomeVisitRequestCommand.request>;
export type HomeVisitCommandResult = z.infer<typeof HomeVisitRequestCommand.response>;

export const bookingCommands = {
  /** What the center offers (days ahead, home-visit categories, retention days); BOOKING_NEEDS_CENTER offline. */
  'booking.options': BookingOptionsCommand,
  /** Free slots of a service from the center's business day on. */
  'booking.slots': BookingSlotsCommand,
  /** Takes one place (BOOKING_SLOT_FULL when another robot or the web took the last) and prints the slip. */
  'booking.book': BookingBookCommand,
  /** A home visit request for a category the center allows; prints the slip with the status page's QR. */
  'homeVisit.request': HomeVisitRequestCommand,
} as const;

/** The screen validates the phone as it is typed, with the center's own rule. */
export { VnMobilePhone, HomeVisitCategory, type HomeVisit } from './sync/booking';
