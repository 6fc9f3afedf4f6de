/**
 * The robot's HTTP client for the center: every call has a deadline, every answer is read up to a
 * size bound and validated with the protocol's zod schema before anything trusts it. Failures
 * come out as CodedError: SYNC_CENTER_UNREACHABLE (no answer), SYNC_RESPONSE_INVALID (an answer
 * that is not what the protocol says), or the center's own code (SYNC_TOKEN_EXPIRED, ...).
 * Each answer's x-server-time updates the measured clock skew.
 */
import type { ZodType } from 'zod';
import { CodedError, ERROR_CODES, type ErrorCode } from '../../contract/error-codes';
import { SERVER_TIME_HEADER } from '../../contract/sync';

export interface CenterHttpOptions {
  baseUrl: string;
  now: () => number;
  timeoutMs?: number;
  maxResponseBytes?: number;
  fetchImpl?: typeof fetch;
}

export class CenterHttp {
  /** serverTime − local time, ms, from the last answer (midpoint of the round trip). */
  skewMs = 0;
  /** Requests sent so far: a pass that sent none has not proven the center reachable. */
  requests = 0;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly opts: CenterHttpOptions) {
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.maxBytes = opts.maxResponseBytes ?? 1024 * 1024;
    this.fetchImpl = opts.fetchImpl ?? fetch;
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  async request<T>(method: 'GET' | 'POST', path: string, schema: ZodType<T>, opts: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<{ status: number; body: T | null; headers: Headers }> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? this.timeoutMs);
    const sentAt = this.opts.now();
    this.requests++;
    try {
      let res: Response;
      try {
        res = await this.fetchImpl(this.opts.baseUrl + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), signal: controller.signal });
      } catch (e) {
        throw new CodedError('SYNC_CENTER_UNREACHABLE', `${method} ${path}: ${(e as Error).message}`);
      }
      const text = await this.readBounded(res, `${method} ${path}`);
      const serverTime = Number(res.headers.get(SERVER_TIME_HEADER));
      if (Number.isFinite(serverTime) && serverTime > 0) this.skewMs = Math.round(serverTime - (sentAt + this.opts.now()) / 2);
      if (res.status === 304) return { status: 304, body: null, headers: res.headers };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new CodedError('SYNC_RESPONSE_INVALID', `${method} ${path}: ${res.status}, not JSON`);
      }
      if (!res.ok) throw new CodedError(errorCodeOf(json, res.status), `${method} ${path}: ${res.status}`);
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new CodedError('SYNC_RESPONSE_INVALID', `${method} ${path}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { status: res.status, body: parsed.data, headers: res.headers };
    } finally {
      clearTimeout(timer);
    }
  }

  private async readBounded(res: Response, what: string): Promise<string> {
    if (!res.body) return '';
    if (Number(res.headers.get('content-length')) > this.maxBytes) {
      await res.body.cancel().catch(() => undefined);
      throw new CodedError('SYNC_RESPONSE_INVALID', `${what}: answer larger than ${this.maxBytes} bytes`);
    }
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new CodedError('SYNC_RESPONSE_INVALID', `${what}: answer larger than ${this.maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (e) {
      if (e instanceof CodedError) throw e;
      throw new CodedError('SYNC_CENTER_UNREACHABLE', `${what}: ${(e as Error).message}`);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

const KNOWN = new Set<string>(ERROR_CODES);

function errorCodeOf(json: unknown, status: number): ErrorCode {
  const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code === 'string' && KNOWN.has(code)) return code as ErrorCode;
  return status >= 500 ? 'SYNC_CENTER_UNREACHABLE' : 'SYNC_RESPONSE_INVALID';
}
