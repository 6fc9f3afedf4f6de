/**
 * Device tokens and the staff key. Secrets are random 32 bytes; the center stores only their
 * SHA-256, so a copied database cannot impersonate a robot. Comparisons of the staff key are
 * constant-time.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { DeviceToken } from '../../contract/sync';
import { branchOfCredential, withBranch } from '../branches/branch-id';
import type { CenterContext } from '../context';
import { CenterError } from './errors';

export const hashSecret = (s: string) => createHash('sha256').update(s).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newEnrolmentCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** A fresh token: refresh is due halfway through its life, so a robot has half a TTL of slack. */
export function issueToken(ctx: CenterContext): { device: DeviceToken; hash: string } {
  const now = ctx.now();
  // a token names its branch (before a dot; none for the default branch): the center routes the robot by it
  const token = withBranch(ctx.branchId, newSecret());
  return { device: { token, expiresAt: now + ctx.tokenTtlMs, refreshAfter: now + Math.floor(ctx.tokenTtlMs / 2) }, hash: hashSecret(token) };
}

function bearer(req: FastifyRequest, scheme: 'Bearer' | 'Staff' | 'Admin'): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string' || h.length > 300) return null;
  const [s, value] = h.split(' ', 2);
  return s === scheme && value ? value : null;
}

export interface DeviceIdentity {
  robotId: string;
  tokenHash: string;
}

const checked = new WeakMap<FastifyRequest, DeviceIdentity>();

/**
 * An onRequest hook for robot routes: the token is checked before the body is read, so a client
 * without a valid token cannot make the center parse half a megabyte of JSON.
 */
export function deviceHook(ctx: CenterContext) {
  return async (req: FastifyRequest) => {
    checked.set(req, await checkDevice(ctx, req));
  };
}

/** The robot of the request, checked by deviceHook (or now, when a route runs without it). */
export async function requireDevice(ctx: CenterContext, req: FastifyRequest): Promise<DeviceIdentity> {
  return checked.get(req) ?? checkDevice(ctx, req);
}

/** The robot of the request's device token, or a typed 401/403. */
async function checkDevice(ctx: CenterContext, req: FastifyRequest): Promise<DeviceIdentity> {
  const token = bearer(req, 'Bearer');
  if (!token) throw new CenterError(401, 'SYNC_NOT_ENROLLED');
  if (branchOfCredential(token) !== ctx.branchId) throw new CenterError(403, 'CENTER_BRANCH_MISMATCH');
  const tokenHash = hashSecret(token);
  const rec = await ctx.storage.findToken(tokenHash);
  if (!rec) throw new CenterError(401, 'SYNC_NOT_ENROLLED');
  if (rec.revoked) throw new CenterError(403, 'SYNC_DEVICE_REVOKED');
  const now = ctx.now();
  if (rec.expiresAtMs <= now || (rec.graceUntilMs !== null && rec.graceUntilMs <= now)) throw new CenterError(401, 'SYNC_TOKEN_EXPIRED');
  return { robotId: rec.robotId, tokenHash };
}

/** Requests whose staff session cookie was found valid by staffSessionHook, with the session's hash. */
const signedIn = new WeakMap<FastifyRequest, string>();

/** A staff page's session cookie: HttpOnly, so no script on any page can read it. */
export const STAFF_COOKIE = 'lobby_staff';

export function sessionCookieOf(req: Pick<FastifyRequest, 'headers'>): string | null {
  const header = req.headers.cookie;
  if (typeof header !== 'string' || header.length > 4096) return null;
  for (const part of header.split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === STAFF_COOKIE && value && /^(?:[a-z0-9-]{1,32}\.)?[A-Za-z0-9_-]{20,100}$/.test(value)) return value;
  }
  return null;
}

/**
 * An onRequest hook for every route: a request carrying a staff session cookie is checked against
 * the center's storage once, before any handler, so requireStaff stays a plain synchronous check.
 */
export function staffSessionHook(ctx: CenterContext) {
  return async (req: FastifyRequest) => {
    const session = sessionCookieOf(req);
    const hash = session ? hashSecret(session) : null;
    if (hash && (await ctx.storage.staffSessionValid(hash, ctx.now()))) signedIn.set(req, hash);
  };
}

/** The hash of the request's valid staff session (what the center stores), null for the staff key or none. */
export function staffSessionOf(req: FastifyRequest): string | null {
  return signedIn.get(req) ?? null;
}

/** Constant-time comparison of a presented key with the center's staff key. */
export function staffKeyMatches(ctx: CenterContext, key: string | null): boolean {
  const a = Buffer.from(hashSecret(key ?? ''));
  const b = Buffer.from(hashSecret(ctx.staffKey));
  return Boolean(key) && timingSafeEqual(a, b);
}

/** The city administrator's `Authorization: Admin <key>`, compared in constant time; false where none is configured. */
export function adminKeyMatches(ctx: Pick<CenterContext, 'adminKey'>, req: FastifyRequest): boolean {
  const key = bearer(req, 'Admin');
  if (!ctx.adminKey || !key) return false;
  return timingSafeEqual(Buffer.from(hashSecret(key)), Buffer.from(hashSecret(ctx.adminKey)));
}

/** Read-only views a city administrator may see in any branch (fleet, statistics): staff of the branch, or the admin. */
export function requireStaffOrAdmin(ctx: CenterContext, req: FastifyRequest): void {
  if (adminKeyMatches(ctx, req)) return;
  requireStaff(ctx, req);
}

/** Staff routes: a signed-in page (session cookie) or a tool with `Authorization: Staff <key>`. */
export function requireStaff(ctx: CenterContext, req: FastifyRequest): void {
  if (signedIn.has(req)) return;
  if (!staffKeyMatches(ctx, bearer(req, 'Staff'))) throw new CenterError(401, 'CENTER_STAFF_UNAUTHORIZED');
}
