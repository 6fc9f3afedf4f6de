/**
 * What every code parser returns: a typed value or a typed error, never a throw. A scan is
 * untrusted input from a device, so refusal is an ordinary outcome, not an exception.
 */
import type { ErrorCode } from '../../contract';

export interface CodeFailure {
  ok: false;
  code: ErrorCode;
  /** For technicians and tests; never shown to citizens and never contains the scanned text. */
  detail: string;
}
export interface CodeSuccess<T> {
  ok: true;
  value: T;
}
export type CodeResult<T> = CodeSuccess<T> | CodeFailure;

export function success<T>(value: T): CodeSuccess<T> {
  return { ok: true, value };
}

export function failure(code: ErrorCode, detail: string): CodeFailure {
  return { ok: false, code, detail };
}

/** Instants are passed in as a Date or epoch milliseconds (core has no clock). */
export type Instant = Date | number;

export function toEpochMs(at: Instant): number {
  return typeof at === 'number' ? at : at.getTime();
}
