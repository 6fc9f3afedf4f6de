import { z } from 'zod';
import { LANGUAGES } from './version';

export const TICKET_STATES = ['issued', 'printing', 'printed', 'print_failed', 'voided', 'reprinted'] as const;
export const TicketState = z.enum(TICKET_STATES);
export type TicketState = z.infer<typeof TicketState>;

export const Ticket = z.object({
  id: z.string().uuid(),
  serviceId: z.string(),
  /** Business day in Asia/Ho_Chi_Minh, YYYY-MM-DD. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  number: z.number().int().positive(),
  /** What the citizen sees and hears: prefix + zero-padded number, e.g. "A007". */
  display: z.string(),
  language: z.enum(LANGUAGES),
  state: TicketState,
  issuedAt: z.string(),
  /** Priority category id (elderly, appointment, ...); absent for a normal ticket. */
  categoryId: z.string().max(48).optional(),
  /** The robot that issued it: with `id` the center's idempotency key. */
  robotId: z.string().max(32).optional(),
});
export type Ticket = z.infer<typeof Ticket>;

/**
 * The columns every store of a ticket keeps, the robot's SQLite and the center's (SQLite or
 * PostgreSQL) alike: who issued which number, for which service and counter group, on which day.
 * Each side's row type extends it with what only it keeps (print attempts, the center's status).
 */
export interface TicketIdentityColumns {
  robot_id: string;
  service_id: string;
  counter_group: string;
  prefix: string;
  day: string;
  number: number;
  display: string;
  category_id: string | null;
}
