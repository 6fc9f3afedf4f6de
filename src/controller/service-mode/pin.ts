/**
 * Service PIN hashing with scrypt (node:crypto, memory-hard): the config holds
 * "scrypt$<logN>$<r>$<p>$<salt>$<hash>" and never the PIN. Hashing runs on libuv's pool so a
 * login never stalls the servo ticks.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { PIN_HASH_PATTERN } from '../config/service-schema';

const LOG_N = 14;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(pin: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export async function hashPin(pin: string, salt: Buffer = randomBytes(16)): Promise<string> {
  const key = await derive(pin, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong PIN and for anything that is not a well-formed hash (never throws on input). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  if (!PIN_HASH_PATTERN.test(stored)) return false;
  const [, logN, r, p, salt, hash] = stored.split('$') as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  if (Number(logN) > 20 || Number(r) > 16 || Number(p) > 4) return false;
  const key = await derive(pin, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
