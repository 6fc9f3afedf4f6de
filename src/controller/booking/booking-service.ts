/**
 * Booking a later slot and requesting a home visit at the robot (issue 18). The center decides
 * every place, so nothing here works without it: not enrolled, offline, or an answer that does
 * not come within the look-up deadline is BOOKING_NEEDS_CENTER (the screen offers a ticket).
 * The center's refusals (BOOKING_SLOT_FULL, ...) pass through with their code. After a booking
 * the slip is printed; a slip that does not come out is said on the screen, the booking stands.
 * Nothing personal is logged: no phone, name, address, appointment code or QR text.
 */
import { CodedError, isCodedError, type BookingBookRequest, type BookingBookResult, type BookingOptions, type BookingSlots, type ErrorCode, type HomeVisitCommandRequest, type HomeVisitCommandResult } from '../../contract';
import { BookingOptionsResponse, BookingResponse, HomeVisitResponse, SlotsResponse } from '../../contract/sync';
import { businessDay } from '../../core/business-day';
import type { Logger } from '../log';
import type { PrinterPort } from '../devices/printer/port';
import type { SlipJobBuilder } from '../devices/printer/ticket/slip-job';
import type { SlipContent } from '../devices/printer/ticket/render-slip';
import type { BookingCenter } from './booking-center';
import { appointmentSlip, visitSlip, type SlipSources } from './slips';

/** Answers of the center a visitor can act on; anything else means the center cannot book now. */
const PASS_THROUGH = new Set<ErrorCode>(['BOOKING_SLOT_FULL', 'BOOKING_SLOT_UNAVAILABLE', 'BOOKING_PHONE_INVALID', 'HOME_VISIT_CATEGORY_NOT_ALLOWED', 'SERVICE_UNKNOWN']);
/** Calendar days asked for at once (the protocol's bound); daysAhead counts working days within them. */
const SLOT_WINDOW_DAYS = 14;

export interface BookingDeps extends SlipSources {
  /** null: no center configured. */
  center: BookingCenter | null;
  printer: PrinterPort;
  slipJob: SlipJobBuilder;
  log: Logger;
}

async function ask<T>(deps: BookingDeps, what: string, run: (c: BookingCenter) => Promise<T>): Promise<T> {
  const c = deps.center;
  const s = c?.state();
  // no hanging on a center known to be away: the visitor gets the ticket offer at once
  if (!c || !s || s.enrolment !== 'enrolled' || !s.online) throw new CodedError('BOOKING_NEEDS_CENTER', `${what}: center not available`);
  try {
    return await run(c);
  } catch (e) {
    if (isCodedError(e) && PASS_THROUGH.has(e.code)) throw e;
    deps.log.warn({ code: isCodedError(e) ? e.code : 'SYNC_CENTER_UNREACHABLE', what }, 'booking: the center could not answer');
    throw new CodedError('BOOKING_NEEDS_CENTER', `${what}: center did not answer`);
  }
}

export async function bookingOptions(deps: BookingDeps): Promise<BookingOptions> {
  const o = await ask(deps, 'options', (c) => c.ask('GET', '/v1/booking/options', BookingOptionsResponse));
  return { daysAhead: o.daysAhead, homeVisitCategories: o.homeVisitCategories, retentionDays: o.retentionDays, today: businessDay(new Date(o.serverTime)) };
}

export async function bookingSlots(deps: BookingDeps, serviceId: string): Promise<BookingSlots> {
  const options = await bookingOptions(deps);
  const q = new URLSearchParams({ serviceId, from: options.today, days: String(SLOT_WINDOW_DAYS) });
  const r = await ask(deps, 'slots', (c) => c.ask('GET', `/v1/booking/slots?${q}`, SlotsResponse));
  const byDay = new Map<string, { time: string; placesLeft: number }[]>();
  for (const s of [...r.slots].sort((a, b) => (a.day + a.time).localeCompare(b.day + b.time))) {
    if (s.placesLeft < 1 || s.day < options.today) continue;
    byDay.set(s.day, [...(byDay.get(s.day) ?? []), { time: s.time, placesLeft: s.placesLeft }].slice(0, 200));
  }
  // today counts as day 0: daysAhead working days after it, and days without a free place are not offered
  const days = [...byDay].slice(0, options.daysAhead + 1).map(([day, slots]) => ({ day, slots }));
  return { serviceId: r.serviceId, counterGroup: r.counterGroup, days };
}

export async function book(deps: BookingDeps, req: BookingBookRequest): Promise<BookingBookResult> {
  const { procedureId, ...body } = req;
  const r = await ask(deps, 'book', (c) => c.ask('POST', '/v1/booking/appointments', BookingResponse, body));
  deps.log.info({ service: req.serviceId, day: r.appointment.day }, 'appointment booked at the center');
  const printed = await printSlip(deps, appointmentSlip(deps, req, r, procedureId));
  return { appointment: r.appointment, counterGroup: r.counterGroup, maskedPhone: r.maskedPhone, qrText: r.qrText, ...printed };
}

export async function requestHomeVisit(deps: BookingDeps, req: HomeVisitCommandRequest): Promise<HomeVisitCommandResult> {
  const { procedureId: _procedure, ...body } = req;
  const r = await ask(deps, 'home visit', (c) => c.ask('POST', '/v1/home-visits', HomeVisitResponse, body));
  deps.log.info({ service: req.serviceId, category: req.category }, 'home visit requested at the center');
  const printed = await printSlip(deps, visitSlip(deps, req, r));
  return { visit: r.visit, statusUrl: r.statusUrl, ...printed };
}

async function printSlip(deps: BookingDeps, slip: SlipContent): Promise<{ printed: boolean; printError?: ErrorCode }> {
  try {
    await deps.printer.print(deps.slipJob(slip));
    return { printed: true };
  } catch (e) {
    const code: ErrorCode = isCodedError(e) ? e.code : 'PRINTER_UNEXPECTED_ERROR';
    deps.log.warn({ code, slip: slip.kind }, 'slip print failed');
    return { printed: false, printError: code };
  }
}
