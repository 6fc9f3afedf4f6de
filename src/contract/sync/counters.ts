/** Sync protocol v1 — counter operations, the public board and the phone ticket-status page. */
import { z } from 'zod';
import { LANGUAGES } from '../version';
import { ServerTime } from './primitives';

export const CounterAction = z.enum(['call-next', 'recall', 'skip', 'transfer', 'complete']);
export type CounterAction = z.infer<typeof CounterAction>;
export const TransferRequest = z.object({ toCounterGroup: z.string().min(1).max(40) }).strict();

export const CalledTicket = z.object({
  ticketId: z.string(),
  display: z.string(),
  serviceId: z.string(),
  counterGroup: z.string(),
  categoryId: z.string().nullable(),
  /** The robot crashed while printing it: the sheet may or may not exist (staff settle it, issue 16). */
  printUncertain: z.boolean().optional(),
});
export type CalledTicket = z.infer<typeof CalledTicket>;

export const CounterResponse = z.object({
  counterId: z.string(),
  /** The ticket now at this counter (null after skip, complete or transfer). */
  current: CalledTicket.nullable(),
  serverTime: ServerTime,
});
export type CounterResponse = z.infer<typeof CounterResponse>;

// ---------------------------------------------------------------- public board and ticket status

export const BoardCounter = z.object({ id: z.string(), label: z.string(), counterGroup: z.string(), serving: z.string().nullable() });
export const Board = z.object({
  counters: z.array(BoardCounter),
  /** Waiting tickets per counter group. */
  waiting: z.record(z.string(), z.number().int().min(0)),
  lastEventId: z.number().int().min(0),
  serverTime: ServerTime,
});
export type Board = z.infer<typeof Board>;

export const TicketStatus = z.object({
  ticketId: z.string(),
  display: z.string(),
  status: z.enum(['pending', 'waiting', 'called', 'served', 'skipped', 'voided']),
  peopleAhead: z.number().int().min(0),
  /** A range, never negative; null once the ticket is no longer waiting. */
  waitMinutes: z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).nullable(),
  counterLabel: z.string().nullable(),
  /** Callable although its printing was interrupted by a crash; the page must not say "being printed". */
  printUncertain: z.boolean().optional(),
  /** The phone page's words: the service and the counter by id (see PageLabels), in the ticket's language first. */
  serviceId: z.string().optional(),
  counterId: z.string().nullable().optional(),
  language: z.enum(LANGUAGES).optional(),
  /** Issue 18: whether the (served) ticket has its rating already; the phone page then thanks instead of asking. */
  rated: z.boolean().optional(),
  serverTime: ServerTime,
});
export type TicketStatus = z.infer<typeof TicketStatus>;

// ---------------------------------------------------------------- print-uncertain tickets (issue 16)

/**
 * A ticket the robot was printing when it crashed. It is callable (waiting) at once, because a
 * sheet may be in a citizen's hand; staff see the list and settle each one: `callable` (the sheet
 * exists, or keep it in the queue anyway: the mark goes) or `void` (no sheet: out of the queue).
 */
export const PrintUncertainTicket = z.object({
  ticketId: z.string(),
  display: z.string(),
  serviceId: z.string(),
  counterGroup: z.string(),
  robotId: z.string(),
  status: TicketStatus.shape.status,
  issuedAt: z.number().int(),
});
export type PrintUncertainTicket = z.infer<typeof PrintUncertainTicket>;

export const PrintUncertainQuery = z.object({ counterGroup: z.string().min(1).max(40).optional() }).strict();
export const PrintUncertainList = z.object({ tickets: z.array(PrintUncertainTicket).max(500), serverTime: ServerTime });
export type PrintUncertainList = z.infer<typeof PrintUncertainList>;

export const SettleOutcome = z.enum(['callable', 'void']);
export type SettleOutcome = z.infer<typeof SettleOutcome>;
export const SettleRequest = z.object({ outcome: SettleOutcome }).strict();
export const SettleResponse = z.object({ ticket: PrintUncertainTicket.extend({ printUncertain: z.boolean() }), serverTime: ServerTime });
export type SettleResponse = z.infer<typeof SettleResponse>;
