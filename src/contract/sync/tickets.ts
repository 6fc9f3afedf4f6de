/** Sync protocol v1 — idempotent ticket ingestion: changes batched from the robot's outbox. */
import { z } from 'zod';
import { TICKET_STATES } from '../ticket';
import { LANGUAGES } from '../version';
import { SYNC_MAX_BATCH } from './common';
import { ErrorCode, IsoDay, Prefix, RobotId, ServerTime } from './primitives';

/** The ticket as the robot holds it (the robot's own id is the center's id too: a UUID). */
export const TicketSnapshot = z
  .object({
    id: z.string().uuid(),
    serviceId: z.string().min(1).max(48),
    day: IsoDay,
    number: z.number().int().min(1).max(999999),
    display: z.string().min(2).max(12),
    language: z.enum(LANGUAGES),
    state: z.enum(TICKET_STATES),
    /** ISO time, corrected by the robot's measured skew so the center can order across robots. */
    issuedAt: z.string().datetime({ offset: true }),
    categoryId: z.string().max(48).optional(),
    robotId: RobotId.optional(),
  })
  .strip();
export type TicketSnapshot = z.infer<typeof TicketSnapshot>;

/**
 * One change of one ticket, as the robot's outbox holds it. Idempotency key: the robot id (from
 * the token) + `ticket.id`; `version` grows with each change, the center keeps the highest.
 */
export const TicketChange = z
  .object({
    key: z.string().max(160).optional(),
    ticket: TicketSnapshot,
    version: z.number().int().min(1).max(1_000_000),
    kind: z.enum(['normal', 'priority', 'appointment']).default('normal'),
    prefix: Prefix,
    printAttempts: z.number().int().min(0).max(100).default(0),
    attention: z.string().max(64).nullable().default(null),
    changedAt: z.string().datetime({ offset: true }),
  })
  .strip();
export type TicketChange = z.infer<typeof TicketChange>;
export type TicketChangeInput = z.input<typeof TicketChange>;

export const IngestRequest = z.object({ changes: z.array(z.unknown()).min(1).max(SYNC_MAX_BATCH) }).strict();

/**
 * Per item: stored (new or newer version), duplicate (this version already stored), stale (an
 * older version than stored), rejected (will never be accepted: drop it and flag it). Every
 * status but a missing result means "acknowledge it"; `warning` flags stored-but-odd items.
 */
export const IngestItemResult = z.object({
  index: z.number().int().min(0),
  ticketId: z.string().max(64).nullable(),
  status: z.enum(['stored', 'duplicate', 'stale', 'rejected']),
  code: ErrorCode.optional(),
  issues: z.array(z.string().max(300)).max(10).optional(),
});
export type IngestItemResult = z.infer<typeof IngestItemResult>;

export const IngestResponse = z.object({ results: z.array(IngestItemResult).max(SYNC_MAX_BATCH), serverTime: ServerTime });
export type IngestResponse = z.infer<typeof IngestResponse>;
