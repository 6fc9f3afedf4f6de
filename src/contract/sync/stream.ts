/** Sync protocol v1 — the realtime stream: small events with ids, resumable from the last id. */
import { z } from 'zod';
import { ServerTime } from './primitives';

/**
 * GET /v1/stream: Server-Sent Events. Each event has an increasing integer `id:` and a JSON
 * `data:` line `{ id, at, type, data }`. Resume after a drop with the `Last-Event-ID` header (what
 * EventSource does by itself) or `?after=<id>`. When the id is older than the center keeps, the
 * first event is `stream.reset`: fetch the board again. Events carry no personal data.
 */
export const STREAM_EVENT_TYPES = [
  'stream.reset',
  'ticket.queued',
  'ticket.called',
  'ticket.recalled',
  'ticket.skipped',
  'ticket.transferred',
  'ticket.served',
  'ticket.voided',
  'device.enrolled',
  'device.revoked',
  'catalog.changed',
  // robot events (staff calls): a visitor asked for a person; a member of staff went
  'staff.called',
  'staff.acknowledged',
] as const;
export const StreamEventType = z.enum(STREAM_EVENT_TYPES);
export type StreamEventType = z.infer<typeof StreamEventType>;

export const StreamEventData = z.object({
  ticketId: z.string().optional(),
  display: z.string().optional(),
  counterId: z.string().optional(),
  counterLabel: z.string().optional(),
  counterGroup: z.string().optional(),
  /** Waiting tickets in the counter group after this event. */
  waiting: z.number().int().min(0).optional(),
  robotId: z.string().optional(),
  /** staff.called / staff.acknowledged: the call, its reason and when it was made (ms, center clock). */
  callId: z.string().optional(),
  reason: z.string().optional(),
  calledAt: z.number().int().optional(),
});
export type StreamEventData = z.infer<typeof StreamEventData>;

export const StreamEvent = z.object({ id: z.number().int().min(0), at: ServerTime, type: StreamEventType, data: StreamEventData });
export type StreamEvent = z.infer<typeof StreamEvent>;
