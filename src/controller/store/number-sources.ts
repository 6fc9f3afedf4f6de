/**
 * Number sources in SQLite: blocks leased from the center and this robot's fallback run, one
 * row each. A source's cursor is not written by an issue: the view number_cursors derives it from
 * the highest number issued from the source, so the ticket's insert moves it and nothing else can
 * disagree. The stored `next` is only a floor: set when a run is used up or closed.
 */
import type { Catalog, NumberingRule } from '../../contract';
import { CodedError } from '../../contract/error-codes';
import { fallbackRange, leasableRange, nextLeaseBlock, numberingFor, remaining, type NumberSource } from '../../core/queue';
import { audit } from './journal';
import { stmt, type Db } from './database';

interface SourceRow {
  id: number;
  kind: 'lease' | 'fallback';
  first: number;
  last: number;
  next: number;
}

/** The sources of (prefix, day), or only those of one kind, with their cursors. */
export function sourcesFor(db: Db, prefix: string, day: string, kind?: NumberSource['kind']): NumberSource[] {
  if (kind) return stmt(db, 'SELECT id, kind, first, last, next FROM number_cursors WHERE prefix = ? AND day = ? AND kind = ? ORDER BY first').all(prefix, day, kind) as SourceRow[];
  return stmt(db, 'SELECT id, kind, first, last, next FROM number_cursors WHERE prefix = ? AND day = ? ORDER BY first').all(prefix, day) as SourceRow[];
}

/**
 * The fallback run of this robot's slot for (prefix, day), created on first need. A run of
 * another slot still holding numbers (started before the center granted this one, or under a
 * rule since changed) is closed first: its unused numbers belong to the robot holding that slot.
 */
export function ensureFallback(db: Db, rule: NumberingRule, slot: number, prefix: string, day: string, atMs: number): FallbackClosed[] {
  const r = fallbackRange(rule, slot);
  const closed = closeOtherRuns(db, prefix, day, r.first);
  stmt(db, 
    `INSERT INTO number_sources (prefix, day, kind, lease_id, first, last, next, created_at_ms)
     VALUES (?, ?, 'fallback', NULL, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(prefix, day, r.first, r.last, r.first, atMs);
  return closed;
}

export interface FallbackClosed {
  prefix: string;
  day: string;
  first: number;
  /** Last number this robot gave out from the run (first - 1: none). */
  usedUpTo: number;
}

/** Closes every fallback run of (prefix, day) but the one starting at `keepFirst`; an unused one is removed. */
export function closeOtherRuns(db: Db, prefix: string, day: string, keepFirst: number): FallbackClosed[] {
  const open = stmt(db, "SELECT id, first, next FROM number_cursors WHERE prefix = ? AND day = ? AND kind = 'fallback' AND first != ? AND next <= last")
    .all(prefix, day, keepFirst) as { id: number; first: number; next: number }[];
  for (const run of open) {
    // no ticket points at a run whose cursor never moved (the cursor is the tickets' highest number)
    if (run.next === run.first) stmt(db, 'DELETE FROM number_sources WHERE id = ?').run(run.id);
    else stmt(db, 'UPDATE number_sources SET last = ?, next = ? WHERE id = ?').run(run.next - 1, run.next, run.id);
  }
  return open.map((run) => ({ prefix, day, first: run.first, usedUpTo: run.next - 1 }));
}

/**
 * A new slot from the center: open runs of `fromDay` and later that belong to another slot are
 * closed (their unused numbers are that slot's holder's); the next ticket opens the new slot's run.
 * Throws before changing anything when the slot does not fit a prefix's rule.
 */
export function switchFallbackSlot(db: Db, catalog: Catalog, slot: number, fromDay: string): void {
  catalog.services.forEach((s) => fallbackRange(numberingFor(catalog, s.prefix), slot));
  const open = stmt(db, "SELECT DISTINCT prefix, day FROM number_cursors WHERE kind = 'fallback' AND day >= ? AND next <= last").all(fromDay) as { prefix: string; day: string }[];
  for (const run of open) closeOtherRuns(db, run.prefix, run.day, fallbackRange(numberingFor(catalog, run.prefix), slot).first);
}

/** A robot alone in its center takes the next block itself when its leases run dry. */
export function selfLease(db: Db, rule: NumberingRule, robotId: string, prefix: string, day: string, atMs: number): void {
  const leases = sourcesFor(db, prefix, day, 'lease');
  if (leases.some((s) => s.next <= s.last)) return;
  const block = nextLeaseBlock(rule, leases.length ? Math.max(...leases.map((s) => s.last)) : null);
  if (!block) return;
  const lease = { leaseId: `self:${robotId}:${prefix}:${day}:${block.first}`, prefix, day, ...block };
  addLease(db, rule, lease, atMs);
  audit(db, atMs, 'robot', 'lease.self', null, { ...lease });
}

/**
 * The ticket just inserted took the source's last number: its stored floor says so, and the view
 * stops looking up its tickets (a day of small leased blocks would otherwise cost a lookup per block
 * on every issue). One extra row written once per block.
 */
export function markUsedUp(db: Db, sourceId: number): void {
  stmt(db, 'UPDATE number_sources SET next = last + 1 WHERE id = ?').run(sourceId);
}

export interface Lease {
  leaseId: string;
  prefix: string;
  day: string;
  first: number;
  last: number;
}

/**
 * Stores a block the center leased to this robot. Idempotent by lease id. A block outside the
 * leasable range or overlapping one already held is refused: trusting it could print a
 * duplicate, so the robot keeps its fallback run instead.
 */
export function addLease(db: Db, rule: NumberingRule, lease: Lease, atMs: number): 'added' | 'known' {
  const range = leasableRange(rule);
  if (!Number.isInteger(lease.first) || !Number.isInteger(lease.last) || lease.first < range.first || lease.last > range.last || lease.first > lease.last) {
    throw new CodedError('QUEUE_NO_NUMBERS_AVAILABLE', `lease ${lease.leaseId} [${lease.first}, ${lease.last}] outside ${range.first}..${range.last}`);
  }
  const known = stmt(db, 'SELECT prefix, day, first, last FROM number_sources WHERE lease_id = ?').get(lease.leaseId) as Lease | undefined;
  if (known) {
    if (known.prefix !== lease.prefix || known.day !== lease.day || known.first !== lease.first || known.last !== lease.last) {
      throw new CodedError('QUEUE_NO_NUMBERS_AVAILABLE', `lease ${lease.leaseId} changed its range`);
    }
    return 'known';
  }
  const overlap = stmt(db, 'SELECT id FROM number_sources WHERE prefix = ? AND day = ? AND first <= ? AND last >= ?')
    .get(lease.prefix, lease.day, lease.last, lease.first);
  if (overlap) throw new CodedError('QUEUE_NO_NUMBERS_AVAILABLE', `lease ${lease.leaseId} overlaps numbers already held`);
  stmt(db, 
    `INSERT INTO number_sources (prefix, day, kind, lease_id, first, last, next, created_at_ms) VALUES (?, ?, 'lease', ?, ?, ?, ?, ?)`,
  ).run(lease.prefix, lease.day, lease.leaseId, lease.first, lease.last, lease.first, atMs);
  return 'added';
}

export interface LeaseNeed {
  prefix: string;
  day: string;
  /** Numbers left in leased blocks. */
  remaining: number;
  /** Highest leased number held, so the center can continue after it (null: none yet). */
  leasedUpTo: number | null;
}

/** Prefixes whose leased numbers for `day` have fallen below `lowWater`: ask the center for more. */
export function leaseNeeds(db: Db, prefixes: readonly string[], day: string, lowWater: number): LeaseNeed[] {
  const out: LeaseNeed[] = [];
  for (const prefix of prefixes) {
    const leases = sourcesFor(db, prefix, day, 'lease');
    const left = leases.reduce((n, s) => n + remaining(s), 0);
    if (left < lowWater) out.push({ prefix, day, remaining: left, leasedUpTo: leases.length ? Math.max(...leases.map((s) => s.last)) : null });
  }
  return out;
}
