/** JSON over fetch to the center that served the page; a refusal becomes its stable error code. */
import { ERROR_CODES, type ErrorCode } from '../../contract/error-codes';

export type PageErrorCode = ErrorCode | 'OFFLINE';

export class ApiError extends Error {
  constructor(readonly code: PageErrorCode) {
    super(code);
  }
}

/**
 * A page served under a branch's path (/b/<branch-id>/…, a ward of a city's center) talks to that
 * branch: its API paths get the same prefix. At the root (a single-ward center) nothing changes.
 */
export function branchBase(pathname: string = location.pathname): string {
  return /^\/b\/[a-z0-9-]{1,32}(?=\/|$)/.exec(pathname)?.[0] ?? '';
}

/** A root-relative path of the center (/v1/…, /counter) as this page's branch reaches it. */
export const inBranch = (path: string): string => branchBase() + path;

const known = (c: unknown): c is ErrorCode => typeof c === 'string' && (ERROR_CODES as readonly string[]).includes(c);

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(inBranch(path), {
      method: init.method ?? 'GET',
      // the staff session is an HttpOnly cookie: sent by the browser, never read by this code
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError('OFFLINE');
  }
  const body = res.status === 204 ? {} : ((await res.json().catch(() => ({}))) as { error?: { code?: unknown } });
  if (!res.ok) throw new ApiError(known(body.error?.code) ? body.error.code : 'INTERNAL_ERROR');
  return body as T;
}

export const codeOf = (e: unknown): PageErrorCode => (e instanceof ApiError ? e.code : 'INTERNAL_ERROR');
