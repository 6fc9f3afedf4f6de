/** JSON over fetch to the center that served the page; a refusal becomes its stable error code. */
import { ERROR_CODES, type ErrorCode } from '../../contract/error-codes';

export type PageErrorCode = ErrorCode | 'OFFLINE';

export class ApiError extends Error {
  constructor(readonly code: PageErrorCode) {
    super(code);
  }
}

const known = (c: unknown): c is ErrorCode => typeof c === 'string' && (ERROR_CODES as readonly string[]).includes(c);

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
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
