/**
 * Look-ups a citizen waits for at the screen: appointments, check-ins, dossiers, ticket status,
 * ratings and booking requests. Each has the short look-up deadline (default 4 s) and throws a
 * CodedError (CENTER_NOT_FOUND, SYNC_CENTER_UNREACHABLE, ...) the screen turns into a message.
 */
import type { ZodType } from 'zod';
import {
  AppointmentResponse, CheckInResponse, DossierResponse, RatingResponse, TicketStatus,
  type Appointment, type CheckInRequest, type Dossier, type RatingRequest,
} from '../../contract/sync';
import { currentToken } from './device-token';
import { toCenterTime, type SyncContext } from './sync-context';

export interface CenterLookups {
  /** GET /v1/appointments/:code. */
  lookupAppointment(code: string): Promise<Appointment>;
  /** POST /v1/appointments/:code/check-in: idempotent by request.checkInId. */
  checkInAppointment(code: string, request: CheckInRequest): Promise<CheckInResponse>;
  /** GET /v1/dossiers/:code. */
  lookupDossier(code: string): Promise<Dossier>;
  /** GET /v1/tickets/:id/status (issue 18: is it served, is it rated); needs no device token. */
  ticketStatus(ticketId: string): Promise<TicketStatus>;
  /** POST /v1/robot/ratings/:id: once per ticket; the same rating sent again is answered as done. */
  rateTicket(ticketId: string, rating: RatingRequest): Promise<void>;
  /** One booking request (issue 18): device token, the look-up deadline. */
  ask<T>(method: 'GET' | 'POST', path: string, schema: ZodType<T>, body?: unknown): Promise<T>;
}

export function createLookups(ctx: SyncContext): CenterLookups {
  const timeoutMs = () => ctx.options.lookupTimeoutMs ?? 4000;
  const ask = async <T>(method: 'GET' | 'POST', path: string, schema: ZodType<T>, body?: unknown): Promise<T> => {
    const token = await currentToken(ctx);
    return (await ctx.http.request(method, path, schema, { token, body, timeoutMs: timeoutMs() })).body!;
  };
  const code = encodeURIComponent;
  return {
    lookupAppointment: async (c) => (await ask('GET', `/v1/appointments/${code(c)}`, AppointmentResponse)).appointment,
    checkInAppointment: (c, request) => ask('POST', `/v1/appointments/${code(c)}/check-in`, CheckInResponse, { ...request, at: toCenterTime(ctx, request.at) }),
    lookupDossier: async (c) => (await ask('GET', `/v1/dossiers/${code(c)}`, DossierResponse)).dossier,
    ticketStatus: async (id) => (await ctx.http.request('GET', `/v1/tickets/${code(id)}/status`, TicketStatus, { timeoutMs: timeoutMs() })).body!,
    rateTicket: async (id, rating) => void (await ask('POST', `/v1/robot/ratings/${code(id)}`, RatingResponse, rating)),
    ask,
  };
}
