import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A per-boot secret: 32 random bytes, hex. Electron may hand one in so it survives restarts. */
export function newToken(): string {
  return randomBytes(32).toString('hex');
}

export function isWellFormedToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Only the controller's own pages may open the API from a browser. A missing Origin means a
 * non-browser client on this machine (CLI, tests); it still needs the token.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
