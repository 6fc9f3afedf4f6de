/**
 * The center's appointment QR: "LR1A.<payload>.<signature>" (see signed-code.ts), payload
 * { a: appointment id, s: service id, t: slot start, x: expiry, n?: masked name }.
 * Forged codes (bad signature) and expired ones are refused; whether the citizen is early,
 * late or on the wrong day is the check-in flow's decision, not the parser's.
 */
import { APPOINTMENT_CODE_PREFIX, AppointmentPayload, type ParsedCodeOf } from '../../contract';
import { failure, success, toEpochMs, type CodeResult, type Instant } from './result';
import { cleanScanText } from './scan-text';
import { openSignedCode, sealSignedCode, type SignMessage, type VerifySignature } from './signed-code';

export interface SignedCodeContext {
  now: Instant;
  verify: VerifySignature;
}

export function isAppointmentCandidate(text: string): boolean {
  return text.startsWith(`${APPOINTMENT_CODE_PREFIX}.`);
}

export function parseAppointmentCode(raw: string, ctx: SignedCodeContext): CodeResult<ParsedCodeOf<'appointment'>> {
  const clean = cleanScanText(raw);
  if (!clean.ok) return clean;
  const opened = openSignedCode(clean.value, APPOINTMENT_CODE_PREFIX, AppointmentPayload, ctx.verify, {
    malformed: 'APPOINTMENT_MALFORMED',
    signature: 'APPOINTMENT_SIGNATURE_INVALID',
  });
  if (!opened.ok) return opened;
  const p = opened.value;
  if (toEpochMs(ctx.now) >= p.x * 1000) return failure('APPOINTMENT_EXPIRED', 'past the expiry the center set');
  return success({
    format: 'appointment',
    appointmentId: p.a,
    serviceId: p.s,
    slotStart: new Date(p.t * 1000).toISOString(),
    expiresAt: new Date(p.x * 1000).toISOString(),
    ...(p.n !== undefined ? { maskedName: p.n } : {}),
  });
}

/** The center's side: payload validated first, so the robot can never be handed a code it refuses. */
export function encodeAppointmentCode(payload: AppointmentPayload, sign: SignMessage): string {
  return sealSignedCode(APPOINTMENT_CODE_PREFIX, AppointmentPayload.parse(payload), sign);
}
