/**
 * Every error a citizen, a technician or a script can meet carries one of these stable codes.
 * Messages are looked up by code in locales/<lang>/errors.json (a test checks every code there);
 * nothing ever matches on a message text.
 */
export const ERROR_CODES = [
  // API envelope
  'BAD_MESSAGE',
  'UNKNOWN_COMMAND',
  'INVALID_PAYLOAD',
  'UNSUPPORTED_PROTOCOL',
  'INTERNAL_ERROR',
  // config
  'CONFIG_INVALID',
  // queue
  'SERVICE_UNKNOWN',
  'TICKET_NOT_FOUND',
  // printer
  'PRINTER_OFFLINE',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_CUTTER_ERROR',
  'PRINTER_TIMEOUT',
  'PRINTER_DISCONNECTED',
  // center backend and robot sync (issue 7: center sync)
  'CENTER_INVALID_REQUEST',
  'CENTER_BODY_TOO_LARGE',
  'CENTER_RATE_LIMITED',
  'CENTER_NOT_FOUND',
  'CENTER_STAFF_UNAUTHORIZED',
  'CENTER_NO_ROBOT_SLOT',
  'CENTER_NUMBERS_EXHAUSTED',
  'CENTER_PREFIX_UNKNOWN',
  'CENTER_COUNTER_UNKNOWN',
  'CENTER_QUEUE_EMPTY',
  'CENTER_NO_CURRENT_TICKET',
  'CENTER_STORAGE_FAILED',
  'SYNC_ENROLMENT_CODE_INVALID',
  'SYNC_NOT_ENROLLED',
  'SYNC_TOKEN_EXPIRED',
  'SYNC_DEVICE_REVOKED',
  'SYNC_PROTOCOL_UNSUPPORTED',
  'SYNC_DAY_NOT_LEASABLE',
  'SYNC_TICKET_CONFLICT',
  'SYNC_NUMBER_DUPLICATE',
  'SYNC_CENTER_UNREACHABLE',
  'SYNC_RESPONSE_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure with a stable code; `detail` is for logs and technicians, never shown as is to citizens. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'CodedError';
  }
}

export function isCodedError(e: unknown): e is CodedError {
  return e instanceof CodedError;
}
