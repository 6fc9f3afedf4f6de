/**
 * What every route of the center needs: storage, clock, catalog with its ETag, the number-space
 * rule per prefix, priority weights, counters, secrets and limits. Built once at start-up.
 *
 * Counters, priority weights and numbering are read from the catalog when it carries them (the
 * queue branch adds `counters`, `priorityCategories`, `numbering`, `numberingByPrefix`); else
 * the defaults below apply, which match the queue branch's defaults.
 */
import { createHash } from 'node:crypto';
import type { Catalog } from '../contract/catalog';
import type { NumberSpace } from '../contract/sync';
import { DEFAULT_MAX_OVERTAKES } from '../core/queue/call-order';
import type { BookingConfig } from './config/booking';
import type { Weights } from './domain/calling';
import { DEFAULT_NUMBER_SPACE, type NumberSpaceRule } from './domain/number-space';
import type { CounterRecord } from './storage/port';
import type { CenterStorage } from './storage/port';

export interface CenterLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The other branches of the deployment, as an enrolment (whose code names no branch) needs them. */
export interface BranchDirectory {
  /** Every branch, this one included, each with the hook that wakes its stream after a write. */
  all(): readonly { ctx: CenterContext; afterWrite: () => void }[];
}

export interface CenterContext {
  /** The ward center (branch) this context serves; every record it reads or writes is this branch's. */
  branchId: string;
  /** The branch's name for a city administrator's listings (its catalog's center name when not declared). */
  branchName: string;
  /** The city administrator's key (distinct from every branch's staff key): reads any branch's fleet and statistics. */
  adminKey?: string;
  directory?: BranchDirectory;
  storage: CenterStorage;
  now: () => number;
  log: CenterLog;
  catalog: Catalog;
  catalogEtag: string;
  counters: CounterRecord[];
  weights: Weights;
  /** The calling rule's bound: later-issued tickets that may be called before a waiting one. */
  maxOvertakes: number;
  numbering: { default: NumberSpaceRule; byPrefix: Record<string, NumberSpaceRule> };
  prefixes: Set<string>;
  staffKey: string;
  tokenTtlMs: number;
  /** How long a rotated-out token still works: covers a refresh whose answer was lost. */
  tokenGraceMs: number;
  /** How long a staff page's sign-in lasts: a working day. */
  staffSessionMs: number;
  /** The `booking` section of the center's config: capacity calendar, home-visit categories, retention. */
  booking: BookingConfig;
  /** The address phones reach the center at (status links of home visits); the request's Host when unset. */
  publicUrl?: string;
}

/** Default counter weights of the queue branch (Decree 61/2018 groups); normal tickets weigh 1. */
export const DEFAULT_PRIORITY_WEIGHTS: Weights = { elderly: 3, disability: 3, pregnant: 3, 'child-under-6': 2, meritorious: 3, appointment: 2 };

export const DEFAULT_TOKEN_TTL_MS = 30 * 24 * 3600_000;
/** A working day with its breaks: signed in at 07:00, still signed in at the evening close. */
export const DEFAULT_STAFF_SESSION_MS = 12 * 3600_000;

interface QueueCatalogFields {
  counters?: { id: string; label: string; counterGroup: string }[];
  priorityCategories?: { id: string; weight: number }[];
  numbering?: Partial<NumberSpaceRule>;
  numberingByPrefix?: Record<string, Partial<NumberSpaceRule>>;
  calling?: { maxOvertakes?: number };
}

function pickRule(r: Partial<NumberSpaceRule> | undefined, base: NumberSpaceRule): NumberSpaceRule {
  const out = { ...base };
  for (const k of Object.keys(base) as (keyof NumberSpaceRule)[]) {
    const v = r?.[k];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) out[k] = v;
  }
  if (out.dailyCap - out.fallbackSlots * out.fallbackSize - out.start + 1 < out.blockSize) throw new RangeError('numbering: fallback series leave no room for one leased block');
  return out;
}

export function deriveCounters(catalog: Catalog): CounterRecord[] {
  const fromCatalog = (catalog as Catalog & QueueCatalogFields).counters;
  if (fromCatalog?.length) return fromCatalog.map((c) => ({ id: c.id, label: c.label, counterGroup: c.counterGroup }));
  const groups = [...new Set(catalog.services.map((s) => s.counterGroup))];
  return groups.map((g, i) => ({ id: `counter-${i + 1}`, label: `Quầy ${i + 1}`, counterGroup: g }));
}

export function deriveWeights(catalog: Catalog): Weights {
  const cats = (catalog as Catalog & QueueCatalogFields).priorityCategories;
  return cats?.length ? Object.fromEntries(cats.map((c) => [c.id, c.weight])) : DEFAULT_PRIORITY_WEIGHTS;
}

export function deriveMaxOvertakes(catalog: Catalog): number {
  const n = (catalog as Catalog & QueueCatalogFields).calling?.maxOvertakes;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_MAX_OVERTAKES;
}

export function deriveNumbering(catalog: Catalog, override?: Partial<NumberSpaceRule>): CenterContext['numbering'] {
  const q = catalog as Catalog & QueueCatalogFields;
  const base = pickRule(override, pickRule(q.numbering, DEFAULT_NUMBER_SPACE));
  const byPrefix: Record<string, NumberSpaceRule> = {};
  for (const [prefix, r] of Object.entries(q.numberingByPrefix ?? {})) byPrefix[prefix] = pickRule(r, base);
  return { default: base, byPrefix };
}

export function ruleFor(ctx: Pick<CenterContext, 'numbering'>, prefix: string): NumberSpace {
  return ctx.numbering.byPrefix[prefix] ?? ctx.numbering.default;
}

export function etagOf(value: unknown): string {
  return `"c-${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24)}"`;
}
