/**
 * Appointment check-in (robots) and the signed appointment QR (staff, for demos and for a booking
 * system to send to citizens). Every check-in is recorded once; see docs/sync-protocol.md.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CheckInRequest, LookupCode, type AppointmentQrResponse, type CheckInResponse } from '../../contract/sync';
import type { AppointmentSigner } from '../appointment-signing';
import type { CenterContext } from '../context';
import { deviceHook, requireDevice, requireStaff } from '../http/auth';
import { CenterError, parse } from '../http/errors';

export function appointmentRoutes(app: FastifyInstance, ctx: CenterContext, opts: { signer: AppointmentSigner }): void {
  const codeParam = z.object({ code: LookupCode }).strict();

  app.post('/v1/appointments/:code/check-in', { onRequest: deviceHook(ctx) }, async (req): Promise<CheckInResponse> => {
    const { robotId } = await requireDevice(ctx, req);
    const { code } = parse(codeParam, req.params);
    const body = parse(CheckInRequest, req.body);
    const done = await ctx.storage.checkInAppointment({ code, checkInId: body.checkInId, robotId, ticketId: body.ticketId, nowMs: ctx.now() });
    if (!done) throw new CenterError(404, 'CENTER_NOT_FOUND');
    // the appointment code identifies a person's booking: log the outcome, not the code
    ctx.log.info({ robotId, outcome: done.outcome }, 'appointment check-in');
    return { outcome: done.outcome, appointment: done.appointment, serverTime: ctx.now() };
  });

  app.get('/v1/admin/appointments/:code/qr', async (req): Promise<AppointmentQrResponse> => {
    requireStaff(ctx, req);
    const { code } = parse(codeParam, req.params);
    const appointment = await ctx.storage.findAppointment(code);
    if (!appointment) throw new CenterError(404, 'CENTER_NOT_FOUND');
    return { text: opts.signer.codeFor(appointment), serverTime: ctx.now() };
  });
}
