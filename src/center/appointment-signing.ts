/**
 * The center's Ed25519 key that signs appointment QRs. It is created on first start beside the
 * database (<dataDir>/appointment-signing-key.pem, readable only by the center's user) so the
 * codes it hands out stay valid across restarts; robots hold only the public half, in their
 * config (codes.centerPublicKeys). `lobby-robot start` passes the embedded center's public key to
 * its robot directly; a technician copies a remote center's key from GET /v1/info or its log.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOrCreateOnce } from './secret-files';
import { CodedError } from '../contract/error-codes';
import type { Appointment } from '../contract/sync';
import { encodeAppointmentCode } from '../core/codes';
import { slotInstant } from '../core/appointments/check-in';

export const APPOINTMENT_KEY_FILE = 'appointment-signing-key.pem';
/** DER prefix of an SPKI Ed25519 public key (RFC 8410); the raw 32 key bytes follow. */
const SPKI_ED25519_PREFIX_BYTES = 12;

export interface AppointmentSigner {
  /** base64 of the raw 32-byte public key: the form the robot's config takes. */
  publicKeyBase64: string;
  /** The QR text of one appointment: "LR1A.<payload>.<signature>". */
  codeFor(appointment: Appointment): string;
}

export function loadAppointmentKey(dataDir: string): KeyObject {
  const file = join(dataDir, APPOINTMENT_KEY_FILE);
  if (existsSync(file)) return readKey(file);
  // instances sharing the data folder and starting together all keep the one key written first
  readOrCreateOnce(file, () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  return readKey(file);
}

/** A key file that is not an Ed25519 private key stops the center: a new key would void every QR handed out. */
function readKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CodedError('STARTUP_SIGNING_KEY_INVALID', `${file}: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CodedError('STARTUP_SIGNING_KEY_INVALID', `${file}: not an Ed25519 key`);
  return key;
}

export function appointmentSigner(privateKey: KeyObject): AppointmentSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the appointment signing key must be Ed25519');
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    publicKeyBase64: der.subarray(SPKI_ED25519_PREFIX_BYTES).toString('base64'),
    codeFor(a) {
      const slot = slotInstant(a.day, a.time).getTime() / 1000;
      // valid until the end of the appointment's day in Ha Noi: the robot refuses it after that
      const endOfDay = slotInstant(a.day, '00:00').getTime() / 1000 + 24 * 3600;
      // only a name the center has masked with "*" may travel in the QR
      const name = a.maskedName.includes('*') ? { n: a.maskedName } : {};
      return encodeAppointmentCode({ a: a.code, s: a.serviceId, t: slot, x: endOfDay, ...name }, (m) => new Uint8Array(sign(null, m, privateKey)));
    },
  };
}
