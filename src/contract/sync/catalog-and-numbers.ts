/** Sync protocol v1 — the catalog with its number space, and number blocks (leases) for offline issuance. */
import { z } from 'zod';
import { Catalog } from '../catalog';
import { SYNC_MAX_LEASE_REQUESTS } from './common';
import { ErrorCode, IsoDay, Prefix, ServerTime } from './primitives';

/**
 * GET /v1/catalog, with `If-None-Match: <etag>` answered by 304 when unchanged. `counters`,
 * `priorityWeights` and `numbering` are what the center calls and leases with; the robot must
 * split its number space the same way (see number blocks below).
 */
export const NumberSpace = z.object({
  start: z.number().int().min(1),
  dailyCap: z.number().int().min(1),
  fallbackSlots: z.number().int().min(1).max(64),
  fallbackSize: z.number().int().min(1),
  blockSize: z.number().int().min(1),
});
export type NumberSpace = z.infer<typeof NumberSpace>;

export const CatalogResponse = z.object({
  catalog: Catalog,
  counters: z.array(z.object({ id: z.string().max(48), label: z.string().max(40), counterGroup: z.string().max(40) })).max(100),
  priorityWeights: z.record(z.string().max(48), z.number().int().min(1).max(100)),
  numbering: z.object({ default: NumberSpace, byPrefix: z.record(z.string(), NumberSpace) }),
  etag: z.string().max(80),
  serverTime: ServerTime,
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;

// ---------------------------------------------------------------- number blocks

/**
 * Numbers are unique per (prefix, business day in Asia/Ho_Chi_Minh) across every robot. The
 * space [start, dailyCap] is split: the center leases blocks from the low part; the top part
 * holds one fallback series per robot slot, used only by a robot that has no leased numbers
 * left. The center never leases into the fallback part, so no network is needed to stay unique.
 */
export const NumberRange = z.object({ first: z.number().int().min(1), last: z.number().int().min(1) });
export type NumberRange = z.infer<typeof NumberRange>;

export const LeaseRequestItem = z
  .object({
    /** Chosen by the robot; asking again with the same id returns the same block, never a new one. */
    requestId: z.string().uuid(),
    prefix: Prefix,
    day: IsoDay,
  })
  .strict();
export const LeaseRequest = z.object({ requests: z.array(LeaseRequestItem).min(1).max(SYNC_MAX_LEASE_REQUESTS) }).strict();
export type LeaseRequest = z.infer<typeof LeaseRequest>;

export const Lease = z.object({ leaseId: z.string().max(64), prefix: Prefix, day: IsoDay, first: z.number().int(), last: z.number().int() });
export type Lease = z.infer<typeof Lease>;

export const LeaseResult = z.discriminatedUnion('ok', [
  z.object({ requestId: z.string(), ok: z.literal(true), lease: Lease }),
  z.object({ requestId: z.string(), ok: z.literal(false), code: ErrorCode }),
]);
export type LeaseResult = z.infer<typeof LeaseResult>;

export const LeaseResponse = z.object({
  results: z.array(LeaseResult).max(SYNC_MAX_LEASE_REQUESTS),
  robotSlot: z.number().int().min(1),
  serverTime: ServerTime,
});
export type LeaseResponse = z.infer<typeof LeaseResponse>;
