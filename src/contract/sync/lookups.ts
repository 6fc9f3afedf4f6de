/** Sync protocol v1 — appointment and dossier look-up, and appointment check-in. */
import { z } from 'zod';
import { IsoDay, ServerTime } from './primitives';

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
