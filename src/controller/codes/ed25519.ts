/**
 * node:crypto Ed25519 behind the injected `verify` / `sign` functions of src/core/codes.
 * Keys come from config as base64 of the raw 32-byte public key or as PEM (SPKI); several
 * keys may be configured so the center can rotate its key without a robot outage.
 */
import { createPrivateKey, createPublicKey, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import type { SignMessage, VerifySignature } from '../../core/codes';

/** DER prefix of an SPKI Ed25519 public key (RFC 8410); the raw 32 key bytes follow. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) {
    const key = createPublicKey(trimmed);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('public key is not Ed25519');
    return key;
  }
  const raw = Buffer.from(trimmed, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (base64) or PEM');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** True when any configured key verifies; an empty list verifies nothing. */
export function createEd25519Verifier(publicKeys: readonly string[]): VerifySignature {
  const keys = publicKeys.map(ed25519PublicKey);
  return (message, signature) => keys.some((key) => cryptoVerify(null, message, key, signature));
}

/** For the center and the simulators: signs with a PEM (PKCS#8) private key. */
export function createEd25519Signer(privateKeyPem: string): SignMessage {
  const key = createPrivateKey(privateKeyPem);
  return (message) => new Uint8Array(cryptoSign(null, message, key));
}

/** Raw public key as base64, the form config stores. */
export function rawPublicKeyBase64(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_ED25519_PREFIX.length).toString('base64');
}
