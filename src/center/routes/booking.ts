/**
 * Booking a later slot at a robot (sync protocol v2, issue 18): the options robots show before
 * asking anything personal, the free places per slot of a service's counter group, and the
 * booking itself. The center alone hands out places (one storage transaction per booking), so two
 * robots never get the same last place. Phone and name are stored only here and leave masked.
 */
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { BookingRequest, SlotsQuery, type BookingOptionsResponse, type BookingResponse, type SlotsResponse } from '../../contract/sync';
import type { Service } from '../../contract/catalog';
import { addDays, centerWallTime } from '../../core/queue/center-time';
import { maskName, maskPhone } from '../../core/personal-mask';
import type { AppointmentSigner } from '../appointment-signing';
import { capacityOf, type BookingConfig } from '../config/booking';
import type { CenterContext } from '../context';
import { groupCalendar, isBookable, slotsBetween, type CenterNow, type GroupCalendar } from '../domain/capacity';
import { deviceHook, requireDevice } from '../http/auth';
import { CenterError, issuesOf, parse } from '../http/errors';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** "BK-" and 8 characters nobody misreads on a slip: 31^8 ≈ 8.5e11 codes, guessed by nobody. */
export function newBookingCode(): string {
  let s = 'BK-';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** What the slip prints for a counter group: its counters' signs ("Quầy 1, Quầy 2"), else its name. */
export function groupLabel(ctx: Pick<CenterContext, 'counters'>, counterGroup: string): string {
  const labels = ctx.counters.filter((c) => c.counterGroup === counterGroup).map((c) => c.label);
  const text = labels.length ? labels.join(', ') : counterGroup;
  return text.length <= 48 ? text : `${text.slice(0, 47)}…`;
}

export function bookingRoutes(app: FastifyInstance, ctx: CenterContext, opts: { booking: BookingConfig; signer: AppointmentSigner }): void {
  const { booking } = opts;
  const deviceOnly = { onRequest: deviceHook(ctx) };
  const centerNow = (): CenterNow => {
    const w = centerWallTime(new Date(ctx.now()));
    return { day: w.day, minutes: w.minutes };
  };
  const serviceOf = (serviceId: string): { service: Service; calendar: GroupCalendar } => {
    const service = ctx.catalog.services.find((s) => s.id === serviceId);
    if (!service) throw new CenterError(404, 'CENTER_NOT_FOUND');
    return { service, calendar: groupCalendar(ctx.catalog, capacityOf(booking, service.counterGroup), booking.holidays) };
  };

  app.get('/v1/booking/options', deviceOnly, async (req): Promise<BookingOptionsResponse> => {
    await requireDevice(ctx, req);
    return { daysAhead: booking.daysAhead, homeVisitCategories: booking.homeVisitCategories, retentionDays: booking.retentionDays, serverTime: ctx.now() };
  });

  app.get('/v1/booking/slots', deviceOnly, async (req): Promise<SlotsResponse> => {
    await requireDevice(ctx, req);
    const q = parse(SlotsQuery, req.query);
    const { service, calendar } = serviceOf(q.serviceId);
    const slots = slotsBetween(calendar, centerNow(), booking.daysAhead, q.from, q.days);
    const taken = new Map((await ctx.storage.placesTaken(service.counterGroup, q.from, addDays(q.from, q.days - 1))).map((t) => [`${t.day} ${t.time}`, t.taken]));
    return {
      serviceId: service.id,
      counterGroup: groupLabel(ctx, service.counterGroup),
      slots: slots.map((s) => ({ ...s, placesLeft: Math.max(0, calendar.placesPerSlot - (taken.get(`${s.day} ${s.time}`) ?? 0)) })),
      serverTime: ctx.now(),
    };
  });

  app.post('/v1/booking/appointments', deviceOnly, async (req, reply): Promise<BookingResponse> => {
    const { robotId } = await requireDevice(ctx, req);
    const checked = BookingRequest.safeParse(req.body);
    if (!checked.success) {
      // the issues name fields and rules, never the values typed (a phone must not travel back into logs)
      const phoneWrong = checked.error.issues.some((i) => i.path[0] === 'phone');
      throw new CenterError(400, phoneWrong ? 'BOOKING_PHONE_INVALID' : 'CENTER_INVALID_REQUEST', issuesOf(checked.error));
    }
    const body = checked.data;
    const { service, calendar } = serviceOf(body.serviceId);
    const done = await ctx.storage.bookAppointment({
      robotId, requestId: body.requestId, code: newBookingCode(), serviceId: service.id, counterGroup: service.counterGroup,
      day: body.day, time: body.time, open: isBookable(calendar, centerNow(), booking.daysAhead, body),
      placesPerSlot: calendar.placesPerSlot, language: body.language,
      phone: body.phone, name: body.name ?? null, maskedPhone: maskPhone(body.phone), maskedName: maskName(body.name), nowMs: ctx.now(),
    });
    if (!done.ok) throw new CenterError(done.code === 'BOOKING_SLOT_FULL' ? 409 : 422, done.code);
    // who booked stays out of the log: the robot, the outcome and the slot are enough to follow it
    ctx.log.info({ robotId, serviceId: service.id, day: body.day, time: body.time, replay: done.replay }, 'slot booked');
    reply.code(done.replay ? 200 : 201);
    return { appointment: done.appointment, qrText: opts.signer.codeFor(done.appointment), counterGroup: groupLabel(ctx, done.counterGroup), maskedPhone: done.maskedPhone, serverTime: ctx.now() };
  });
}
