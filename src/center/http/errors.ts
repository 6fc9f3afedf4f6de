/** Typed failures of the center's HTTP API: a stable code, an HTTP status, optional field issues. */
import type { ZodType } from 'zod';
import type { ErrorCode } from '../../contract/error-codes';

export class CenterError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly issues?: string[],
  ) {
    super(code);
    this.name = 'CenterError';
  }
}

/** The HTTP status a storage outcome code maps to. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'CENTER_COUNTER_UNKNOWN':
    case 'CENTER_NOT_FOUND':
      return 404;
    case 'CENTER_QUEUE_EMPTY':
    case 'CENTER_NO_CURRENT_TICKET':
    case 'CENTER_NUMBERS_EXHAUSTED':
    case 'CENTER_NO_ROBOT_SLOT':
    case 'SYNC_ROBOT_ID_TAKEN':
    case 'RATING_TICKET_NOT_COMPLETED':
    case 'RATING_ALREADY_GIVEN':
      return 409;
    case 'SYNC_ENROLMENT_CODE_INVALID':
    case 'SYNC_NOT_ENROLLED':
    case 'SYNC_TOKEN_EXPIRED':
      return 401;
    case 'SYNC_DEVICE_REVOKED':
      return 403;
    default:
      return 400;
  }
}

export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] {
  return error.issues.slice(0, 20).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`.slice(0, 300));
}

/** Validates anything from the network; a failure is CENTER_INVALID_REQUEST naming the fields. */
export function parse<T>(schema: ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new CenterError(400, 'CENTER_INVALID_REQUEST', issuesOf(r.error));
  return r.data;
}
