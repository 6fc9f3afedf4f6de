/**
 * The envelope shared by appointment codes and badges:
 *
 *     <PREFIX>.<base64url(UTF-8 JSON payload)>.<base64url(Ed25519 signature)>
 *
 * The signature covers the ASCII bytes of "<PREFIX>.<payload part>", so the prefix separates
 * domains: a badge signature can never be replayed as an appointment. Signature checking is
 * injected (`verify`) so core stays pure; the controller passes node:crypto Ed25519 with the
 * center's public key(s) from config.
 */
import type { ErrorCode } from '../../contract';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { failure, success, type CodeResult } from './result';

export type VerifySignature = (message: Uint8Array, signature: Uint8Array) => boolean;
export type SignMessage = (message: Uint8Array) => Uint8Array;

export const ED25519_SIGNATURE_BYTES = 64;
const PART = /^[A-Za-z0-9_-]+$/;

/** The part of a zod schema used here: core depends on the contract's schemas, not on zod. */
export interface PayloadSchema<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }> } };
}

export interface EnvelopeErrors {
  malformed: ErrorCode;
  signature: ErrorCode;
}

function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0x7f;
  return out;
}

/** A verifier that throws is a broken verifier: the code is treated as not verified. */
function safeVerify(verify: VerifySignature, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(message, signature) === true;
  } catch {
    return false;
  }
}

/** Splits, verifies the signature first, then decodes and validates the payload. */
export function openSignedCode<T>(
  text: string,
  prefix: string,
  schema: PayloadSchema<T>,
  verify: VerifySignature,
  errors: EnvelopeErrors,
): CodeResult<T> {
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== prefix) return failure(errors.malformed, `expected ${prefix}.<payload>.<signature>`);
  const [, payloadPart = '', signaturePart = ''] = parts;
  if (!PART.test(payloadPart) || !PART.test(signaturePart)) return failure(errors.malformed, 'parts must be base64url');
  const signature = decodeBase64Url(signaturePart);
  if (!signature || signature.length !== ED25519_SIGNATURE_BYTES) return failure(errors.signature, 'signature is not 64 bytes');
  if (!safeVerify(verify, asciiBytes(`${prefix}.${payloadPart}`), signature)) return failure(errors.signature, 'signature does not verify');

  const payloadBytes = decodeBase64Url(payloadPart);
  if (!payloadBytes) return failure(errors.malformed, 'payload is not canonical base64url');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    return failure(errors.malformed, 'payload is not UTF-8 JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.map(String).join('.') || '(payload)').join(', ');
    return failure(errors.malformed, `payload fields invalid: ${where}`);
  }
  return success(parsed.data);
}

/** Builds a signed code (used by the center, the CLI's tests and the simulators). */
export function sealSignedCode(prefix: string, payload: object, sign: SignMessage): string {
  const payloadPart = encodeBase64Url(new TextEncoder().encode(JSON.stringify(payload)));
  const signature = sign(asciiBytes(`${prefix}.${payloadPart}`));
  return `${prefix}.${payloadPart}.${encodeBase64Url(signature)}`;
}
