/**
 * Codes the robot reads (scanner, camera, keyboard wedge) and what they mean once parsed.
 *
 * The signed payloads (appointment, badge) are produced by the center and read by the robot,
 * so their wire schemas live here, shared by both. Parsing is src/core/codes.
 */
import { z } from 'zod';

/** Scanned text longer than this (UTF-8 bytes) is refused before any parsing. */
export const MAX_SCAN_BYTES = 2048;

/** Prefix of a signed appointment code: "LR1A.<payload>.<signature>" (Lobby Robot, v1, Appointment). */
export const APPOINTMENT_CODE_PREFIX = 'LR1A';
/** Prefix of a signed technician badge: "LR1B.<payload>.<signature>". */
export const BADGE_CODE_PREFIX = 'LR1B';

const EpochSeconds = z.number().int().min(1_500_000_000).max(4_102_444_800); // 2017 .. 2100
const ServiceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/);
const OpaqueId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);
/**
 * A name already masked by the center ("Ng*** V** A"): the robot greets with it but never
 * sees the full name. Anything without a mask character is refused, so a full name cannot slip in.
 */
const MaskedName = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[^\p{Cc}\p{Cf}]*\*[^\p{Cc}\p{Cf}]*$/u, 'masked name must contain "*" and no control characters');

/** The JSON inside an appointment code; one-letter keys keep the QR small. */
export const AppointmentPayload = z
  .object({
    /** appointment id in the center's booking system */
    a: OpaqueId,
    /** catalog service id */
    s: ServiceId,
    /** slot start, epoch seconds */
    t: EpochSeconds,
    /** code expiry, epoch seconds (the center sets it, usually the end of the slot's day) */
    x: EpochSeconds,
    n: MaskedName.optional(),
  })
  .strict()
  .refine((p) => p.x > p.t, { message: 'expiry must be after the slot start', path: ['x'] });
export type AppointmentPayload = z.infer<typeof AppointmentPayload>;

export const BADGE_ROLES = ['technician', 'supervisor'] as const;

/** The JSON inside a technician badge. */
export const BadgePayload = z
  .object({
    /** badge id */
    b: OpaqueId,
    r: z.enum(BADGE_ROLES),
    /** issued at / valid from, epoch seconds */
    i: EpochSeconds,
    /** expires at, epoch seconds */
    x: EpochSeconds,
    n: MaskedName.optional(),
  })
  .strict()
  .refine((p) => p.x > p.i, { message: 'expiry must be after issue', path: ['x'] });
export type BadgePayload = z.infer<typeof BadgePayload>;

const IsoInstant = z.iso.datetime();

/** A dossier code per Circular 01/2018/TT-VPCP: "<unit code>-<yymmdd>-<sequence>". */
export const DossierCodeFields = z.object({
  /** the whole code, normalised to upper case */
  code: z.string(),
  /** receiving unit's identifier (QCVN 102:2016/BTTTT), e.g. "000.00.01.H29" */
  unitCode: z.string(),
  /** receipt date, YYYY-MM-DD */
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** that day's sequence number at the unit, from 1 */
  sequence: z.number().int().positive(),
});
export type DossierCodeFields = z.infer<typeof DossierCodeFields>;

export const CODE_FORMATS = ['appointment', 'dossier', 'portal-link', 'badge', 'ticket'] as const;
export type CodeFormat = (typeof CODE_FORMATS)[number];

export const ParsedCode = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('appointment'),
    appointmentId: z.string(),
    serviceId: z.string(),
    slotStart: IsoInstant,
    expiresAt: IsoInstant,
    maskedName: z.string().optional(),
  }),
  z.object({
    format: z.literal('dossier'),
    /** "code": the bare code was scanned or typed; "receipt": found inside a receipt's QR text or link */
    via: z.enum(['code', 'receipt']),
    dossier: DossierCodeFields,
  }),
  z.object({
    format: z.literal('portal-link'),
    /** host of the national public service portal link, e.g. "dichvucong.gov.vn" */
    host: z.string(),
    dossier: DossierCodeFields,
  }),
  z.object({
    format: z.literal('badge'),
    badgeId: z.string(),
    role: z.enum(BADGE_ROLES),
    validFrom: IsoInstant,
    expiresAt: IsoInstant,
    maskedName: z.string().optional(),
  }),
  z.object({
    format: z.literal('ticket'),
    ticketId: z.string().uuid(),
  }),
]);
export type ParsedCode = z.infer<typeof ParsedCode>;
export type ParsedCodeOf<F extends CodeFormat> = Extract<ParsedCode, { format: F }>;
