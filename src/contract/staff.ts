/**
 * A visitor asking for a person (touchscreen journeys, issue 9): from the "call staff" home
 * action, or sent by the touchscreen itself when a ticket could not be printed. The controller
 * records it and hands it to a StaffNotifier (src/controller/staff) that reaches the center.
 */
import { z } from 'zod';
import { LANGUAGES } from './version';

export const STAFF_CALL_REASONS = ['printer-failed', 'help'] as const;
export const StaffCallReason = z.enum(STAFF_CALL_REASONS);
export type StaffCallReason = z.infer<typeof StaffCallReason>;

export const StaffCallRequest = z
  .object({
    reason: StaffCallReason,
    /** The visitor's language: staff know whom to send (an interpreter for a foreign visitor). */
    language: z.enum(LANGUAGES),
    /** The ticket that could not be printed; never personal data. */
    ticketId: z.uuid().optional(),
  })
  .strict();
export type StaffCallRequest = z.infer<typeof StaffCallRequest>;

/** One recorded call, as the center receives it. */
export const StaffCall = StaffCallRequest.extend({
  id: z.uuid(),
  robotId: z.string().max(32),
  /** ISO instant. */
  calledAt: z.string().max(40),
  /** The ticket's display number for a printer failure ("A007"), so staff find the visitor. */
  ticketDisplay: z.string().max(12).optional(),
});
export type StaffCall = z.infer<typeof StaffCall>;

export const StaffCallResponse = z.object({
  callId: z.uuid(),
  calledAt: z.string().max(40),
  /** True when the same call was already made a moment ago: staff are not called twice. */
  repeated: z.boolean(),
});
export type StaffCallResponse = z.infer<typeof StaffCallResponse>;

/** What a new ticket's visitor is told about the wait (src/core/queue/wait-estimate). */
export const TicketWait = z.object({
  peopleAhead: z.number().int().min(0).max(100_000),
  minMinutes: z.number().int().min(0).max(100_000),
  maxMinutes: z.number().int().min(0).max(100_000),
});
export type TicketWait = z.infer<typeof TicketWait>;
