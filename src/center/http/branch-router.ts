/**
 * One listening port for every branch (ward center) of a deployment. Each branch is a Fastify app
 * of its own (its context, storage, stream and limits); this router picks the app of a request
 * from what the request carries, reading headers only (the body is left to the chosen app):
 *
 * 1. a path under /b/<branchId>/ (pages and their API calls; a city's lobby display), else
 * 2. a device token (`Bearer <branch>.<secret>`: robots need no branch in their config), else
 * 3. a staff key (`Staff <key>`: each branch has its own), else
 * 4. a staff page's session cookie (`<branch>.<secret>`), else
 * 5. the home branch (the first declared; the only one of a single-ward center).
 *
 * A credential of an undeclared branch goes home, where it is refused as unknown.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { branchOfCredential } from '../branches/branch-id';
import { sessionCookieOf } from './auth';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RoutedBranch {
  id: string;
  staffKey: string;
  routing: Handler;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function branchInPath(url: string): { id: string; rest: string } | null {
  const m = /^\/b\/([^/?#]{1,64})(.*)$/s.exec(url);
  if (!m) return null;
  const rest = m[2] ?? '';
  return { id: m[1]!, rest: rest.startsWith('/') ? rest : `/${rest}` };
}

export function branchRouter(branches: readonly RoutedBranch[], home: Handler, now: () => number): Handler {
  const byId = new Map(branches.map((b) => [b.id, b]));
  const keys = branches.map((b) => ({ id: b.id, hash: digest(b.staffKey) }));
  const byStaffKey = (key: string) => {
    const h = digest(key);
    // every key is compared (constant time each), so timing does not tell which branch matched
    let found: string | undefined;
    for (const k of keys) if (timingSafeEqual(h, k.hash)) found = k.id;
    return found;
  };
  const branchOfHeaders = (req: IncomingMessage): string | undefined => {
    const auth = req.headers.authorization;
    if (typeof auth === 'string' && auth.length <= 300) {
      const [scheme, value] = auth.split(' ', 2);
      if (scheme === 'Bearer' && value) return branchOfCredential(value);
      if (scheme === 'Staff' && value) return byStaffKey(value);
    }
    const cookie = sessionCookieOf(req);
    return cookie ? branchOfCredential(cookie) : undefined;
  };
  return (req, res) => {
    const inPath = branchInPath(req.url ?? '/');
    if (inPath) {
      const branch = byId.get(inPath.id);
      if (!branch) {
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'x-server-time': String(now()) });
        res.end(JSON.stringify({ error: { code: 'CENTER_BRANCH_UNKNOWN' }, serverTime: now() }));
        return;
      }
      req.url = inPath.rest;
      branch.routing(req, res);
      return;
    }
    const id = branchOfHeaders(req);
    const branch = id === undefined ? undefined : byId.get(id);
    if (!branch || branch === branches[0]) home(req, res);
    else branch.routing(req, res);
  };
}
