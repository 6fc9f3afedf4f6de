/** A fresh Ed25519 key pair per call, as the center would hold it; tests own their keys. */
import { generateKeyPairSync } from 'node:crypto';
import { createEd25519Signer, createEd25519Verifier, rawPublicKeyBase64 } from '../../../src/controller/codes/ed25519';

export function makeCenterKeys() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyBase64 = rawPublicKeyBase64(publicKey);
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return {
    publicKeyBase64,
    privateKeyPem,
    sign: createEd25519Signer(privateKeyPem),
    verify: createEd25519Verifier([publicKeyBase64]),
  };
}

/** 2026-01-15 09:30 in Hanoi (UTC+7) as epoch seconds. */
export const SLOT_0930 = Date.UTC(2026, 0, 15, 2, 30) / 1000;
/** End of that day in Hanoi. */
export const END_OF_DAY = Date.UTC(2026, 0, 15, 17, 0) / 1000;
