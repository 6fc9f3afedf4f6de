import type { ZodType } from 'zod';
import type { Enrolment } from '../sync/sync-client';

/** What booking needs of the center link (the sync client provides it). */
export interface BookingCenter {
  state(): { online: boolean; enrolment: Enrolment };
  /** One authenticated request with the look-up deadline; throws CodedError. */
  ask<T>(method: 'GET' | 'POST', path: string, schema: ZodType<T>, body?: unknown): Promise<T>;
}
