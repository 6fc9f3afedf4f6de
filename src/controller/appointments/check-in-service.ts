/**
 * Appointment check-in, end to end on the robot:
 *
 *  1. the QR's signature and expiry are verified with the center's public keys (config);
 *  2. the center is asked for the appointment (its status and slot are the truth: cancelled,
 *     already checked in, moved); when it cannot be reached the signed code alone decides;
 *  3. the window around the slot (config appointments.earlyMinutes / lateMinutes), the day;
 *  4. the check-in is claimed here (one SQLite statement: of two scans at once, one wins), then an
 *     appointment ticket is issued (the catalog's 'appointment' priority category) and printed;
 *     no ticket, no check-in: a refusal or a voided ticket releases the claim. A crash between
 *     claim and ticket leaves a claim without one, released at the next start (a duplicate
 *     ticket is cheaper than turning a citizen away);
 *  5. the check-in is sent to the center (idempotent); unreachable: it stays in the local outbox
 *     and the sync client sends it later.
 *
 * A refusal is an answer with its code and next step, not an exception. Offline, two robots could
 * each check the same code in; the center answers the later one 'already-checked-in' when it
 * arrives and the robot logs it — a duplicate ticket is cheaper than turning a citizen away.
 * Nothing personal is logged: not the code, not the appointment id, not the name.
 */
import { randomUUID } from 'node:crypto';
import { isCodedError, type AppointmentCheckInResponse, type Catalog, type ErrorCode, type Language } from '../../contract';
import type { Appointment, CheckInResponse, CheckInRequest, Dossier } from '../../contract/sync';
import { checkInWindow, nextStepFor, slotInstant, statusRefusal, type CheckInWindow } from '../../core/appointments/check-in';
import { detectCode, type VerifySignature } from '../../core/codes';
import type { Logger } from '../log';
import type { IssueResult } from '../queue/issue-ticket';
import type { CheckInLog } from '../store/check-in-log';

/** What check-in and dossier look-up need of the center (the sync client provides it). */
export interface AppointmentCenter {
  lookupAppointment(code: string): Promise<Appointment>;
  checkInAppointment(code: string, request: CheckInRequest): Promise<CheckInResponse>;
  lookupDossier(code: string): Promise<Dossier>;
}

export interface CheckInDeps {
  verify: VerifySignature;
  now: () => Date;
  window: CheckInWindow;
  /** null: no center configured, the robot decides alone. */
  center: AppointmentCenter | null;
  catalog: () => Catalog;
  issue: (serviceId: string, language: Language, categoryId: string) => Promise<IssueResult>;
  checkIns: CheckInLog;
  log: Logger;
  /** After a check-in is queued for the center: wake the sync loop. */
  onQueued?: () => void;
}

type Refusal = Extract<AppointmentCheckInResponse, { outcome: 'refused' }>;

function refuse(code: ErrorCode, extra: { serviceId?: string; slotStart?: Date; comeBackAt?: Date } = {}): Refusal {
  return {
    outcome: 'refused',
    code,
    nextStep: nextStepFor(code, extra.comeBackAt),
    ...(extra.serviceId ? { serviceId: extra.serviceId } : {}),
    ...(extra.slotStart ? { slotStart: extra.slotStart.toISOString() } : {}),
    ...(extra.comeBackAt ? { comeBackAt: extra.comeBackAt.toISOString() } : {}),
  };
}

/** Codes that mean "the center cannot answer now", as opposed to an answer. */
function isOffline(e: unknown): boolean {
  return !isCodedError(e) || e.code !== 'CENTER_NOT_FOUND';
}

/** The appointment a check-in is for: from the signed QR (checked with the center when it answers), or from the center alone for a typed booking code. */
interface Resolved {
  appointmentId: string;
  serviceId: string;
  slotStart: Date;
  maskedName?: string;
  online: boolean;
}

/** A booking code typed on the screen ("LH-000123"): only the center knows it, so it must answer. */
async function resolveTyped(deps: CheckInDeps, text: string): Promise<Resolved | Refusal | undefined> {
  const code = text.trim().toUpperCase();
  if (!deps.center || !/^[A-Z]{1,4}-?\d{3,10}$/.test(code)) return undefined;
  if (deps.checkIns.find(code)) return refuse('APPOINTMENT_ALREADY_CHECKED_IN');
  try {
    const record = await deps.center.lookupAppointment(code);
    const slotStart = slotInstant(record.day, record.time);
    const refused = statusRefusal(record.status);
    if (refused) return refuse(refused, { serviceId: record.serviceId, slotStart });
    return { appointmentId: record.code, serviceId: record.serviceId, slotStart, maskedName: record.maskedName, online: true };
  } catch (e) {
    return refuse(isOffline(e) ? 'SYNC_CENTER_UNREACHABLE' : 'APPOINTMENT_NOT_FOUND');
  }
}

async function resolve(deps: CheckInDeps, text: string, now: Date): Promise<Resolved | Refusal> {
  const parsed = detectCode(text, { now, verify: deps.verify });
  if (!parsed.ok || parsed.value.format !== 'appointment') {
    const typed = await resolveTyped(deps, text);
    if (typed) return typed;
    return refuse(parsed.ok ? 'APPOINTMENT_NOT_APPOINTMENT_CODE' : parsed.code);
  }
  const code = parsed.value;
  let serviceId = code.serviceId;
  let slotStart = new Date(code.slotStart);
  if (deps.checkIns.find(code.appointmentId)) return refuse('APPOINTMENT_ALREADY_CHECKED_IN', { serviceId, slotStart });

  let online = false;
  if (deps.center) {
    try {
      const record = await deps.center.lookupAppointment(code.appointmentId);
      online = true;
      // the center's record wins: a moved slot or a changed service is what the counter expects
      serviceId = record.serviceId;
      slotStart = slotInstant(record.day, record.time);
      const refused = statusRefusal(record.status);
      if (refused) return refuse(refused, { serviceId, slotStart });
    } catch (e) {
      if (!isOffline(e)) return refuse('APPOINTMENT_NOT_FOUND', { serviceId, slotStart });
      deps.log.warn({ code: isCodedError(e) ? e.code : 'SYNC_CENTER_UNREACHABLE' }, 'center unreachable: appointment checked from its signed code alone');
    }
  }
  return { appointmentId: code.appointmentId, serviceId, slotStart, ...(code.maskedName ? { maskedName: code.maskedName } : {}), online };
}

export async function checkInAppointment(deps: CheckInDeps, text: string, language: Language): Promise<AppointmentCheckInResponse> {
  const now = deps.now();
  const resolved = await resolve(deps, text, now);
  if ('outcome' in resolved) return resolved;
  const { serviceId, slotStart, online } = resolved;
  const window = checkInWindow(slotStart, now, deps.window);
  if (!window.ok) return refuse(window.code, { serviceId, slotStart, ...(window.comeBackAt ? { comeBackAt: window.comeBackAt } : {}) });

  const category = deps.catalog().priorityCategories.find((c) => c.kind === 'appointment');
  if (!deps.catalog().services.some((s) => s.id === serviceId) || !category) return refuse('SERVICE_UNKNOWN', { serviceId, slotStart });

  // claimed before the ticket is issued and printed: a second scan of the code meanwhile is refused here
  const entry = { appointmentId: resolved.appointmentId, checkInId: randomUUID(), at: now.toISOString() };
  if (!deps.checkIns.claim(entry)) return refuse('APPOINTMENT_ALREADY_CHECKED_IN', { serviceId, slotStart });
  let issued: IssueResult;
  try {
    issued = await deps.issue(serviceId, language, category.id);
  } catch (e) {
    deps.checkIns.release(entry.checkInId);
    if (!isCodedError(e)) throw e;
    return refuse(e.code, { serviceId, slotStart, ...(e.nextOpeningAt ? { comeBackAt: new Date(e.nextOpeningAt) } : {}) });
  }
  const base = {
    outcome: 'checked-in' as const,
    ticket: issued.ticket,
    printed: issued.printed,
    ...(issued.printError ? { printError: issued.printError } : {}),
    serviceId,
    slotStart: slotStart.toISOString(),
    ...(resolved.maskedName ? { maskedName: resolved.maskedName } : {}),
    // the same people ahead and counters as the printed ticket says
    wait: issued.wait,
    whereToGo: issued.whereToGo,
  };
  // a ticket that could not be printed and was voided is no check-in: the citizen may try again
  if (issued.ticket.state === 'voided') {
    deps.checkIns.release(entry.checkInId);
    return { ...base, recorded: 'queued' };
  }
  // only now is it a check-in the center hears of: a voided ticket must not reach it as one
  deps.checkIns.attachTicket(entry.checkInId, issued.ticket.id);

  if (online && deps.center) {
    try {
      const r = await deps.center.checkInAppointment(entry.appointmentId, { checkInId: entry.checkInId, ticketId: issued.ticket.id, at: entry.at });
      deps.checkIns.checkInSent(entry.checkInId, r.outcome);
      if (r.outcome !== 'checked-in') deps.log.warn({ outcome: r.outcome, ticket: issued.ticket.id }, 'the center had this appointment checked in already');
      return { ...base, recorded: 'center' };
    } catch (e) {
      deps.log.warn({ code: isCodedError(e) ? e.code : 'SYNC_CENTER_UNREACHABLE' }, 'check-in queued for the center');
    }
  }
  deps.onQueued?.();
  return { ...base, recorded: 'queued' };
}
