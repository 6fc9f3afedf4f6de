/**
 * Appointment check-in and dossier look-up (issue 6): what the touchscreen asks the controller and
 * what it gets back. A refusal is an ordinary outcome, not an API error: it carries its stable
 * code and the next step the screen offers (come back at a time, take a regular ticket, ask staff,
 * scan again), so the UI decides nothing.
 */
import { z } from 'zod';
import { ERROR_CODES } from './error-codes';
import { MAX_SCAN_BYTES } from './scan-codes';
import { TicketWait } from './staff';
import { Ticket } from './ticket';
import { LANGUAGES } from './version';

const Language = z.enum(LANGUAGES);
const IsoInstant = z.iso.datetime({ offset: true });

export const CHECK_IN_NEXT_STEPS = ['come-back', 'regular-ticket', 'ask-staff', 'rescan'] as const;
export type CheckInNextStep = (typeof CHECK_IN_NEXT_STEPS)[number];

export const AppointmentCheckInRequest = z
  .object({
    /** The appointment QR's text as scanned (wedge, camera, scanner) or typed. */
    text: z.string().min(1).max(MAX_SCAN_BYTES),
    language: Language,
  })
  .strict();

export const AppointmentCheckInResponse = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('checked-in'),
    ticket: Ticket,
    printed: z.boolean(),
    printError: z.enum(ERROR_CODES).optional(),
    serviceId: z.string().max(48),
    slotStart: IsoInstant,
    maskedName: z.string().max(80).optional(),
    /** 'center': recorded at the center now; 'queued': the center was unreachable, recorded from the outbox later. */
    recorded: z.enum(['center', 'queued']),
    /** People ahead and the counters, as printed (issue 17: the screen says where to go). */
    wait: TicketWait.optional(),
    whereToGo: z.array(z.string().max(100)).max(20).optional(),
  }),
  z.object({
    outcome: z.literal('refused'),
    code: z.enum(ERROR_CODES),
    nextStep: z.enum(CHECK_IN_NEXT_STEPS),
    /** The appointment's service, when the code could be read: "take a regular ticket" uses it. */
    serviceId: z.string().max(48).optional(),
    slotStart: IsoInstant.optional(),
    /** For 'come-back': from when check-in opens (too early) or the appointment's day (wrong day). */
    comeBackAt: IsoInstant.optional(),
  }),
]);
export type AppointmentCheckInResponse = z.infer<typeof AppointmentCheckInResponse>;

export const DOSSIER_STATUSES = ['received', 'processing', 'additional-documents-required', 'ready-for-pickup', 'returned'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DossierLookupRequest = z
  .object({
    /** A dossier code, a receipt's QR text or a portal link: whatever was scanned or typed. */
    text: z.string().min(1).max(MAX_SCAN_BYTES),
    language: Language,
  })
  .strict();

export const DossierLookupResponse = z.object({
  dossier: z.object({
    code: z.string().max(40),
    serviceId: z.string().max(48),
    status: z.enum(DOSSIER_STATUSES),
    receivedDay: z.string().max(10),
    dueDay: z.string().max(10),
    maskedName: z.string().max(80),
  }),
  /** Set when the result is ready: the service of the result-pickup ticket the screen offers. */
  pickupServiceId: z.string().max(48).optional(),
});
export type DossierLookupResponse = z.infer<typeof DossierLookupResponse>;
