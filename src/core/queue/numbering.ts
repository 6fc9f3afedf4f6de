/**
 * Ticket numbers unique per (prefix, business day) across every robot of a center, also while
 * the center is unreachable.
 *
 * The number space [start, dailyCap] of a prefix is split in two:
 *   - the leasable range [start, dailyCap - fallbackSlots * fallbackSize], which only the center
 *     hands out, in blocks, each block to one robot (it never leases a number twice);
 *   - the fallback series at the top, one disjoint run of `fallbackSize` numbers per robot slot
 *     (a slot is assigned to each robot at enrolment, distinct within a center).
 * A robot issues from its leased blocks first and from its own fallback run only when it holds
 * no usable block, so two robots can never print the same number even with no network at all.
 * Inside a source the cursor only moves forward and is stored in the same transaction as the
 * ticket, so a crash or a void never gives a number out again.
 */
import type { Catalog, NumberingRule } from '../../contract';

/** The rule of one prefix: the catalog's, with that prefix's overrides (checked when the catalog was parsed). */
export function numberingFor(catalog: Pick<Catalog, 'numbering' | 'numberingByPrefix'>, prefix: string): NumberingRule {
  const override = catalog.numberingByPrefix[prefix];
  return override ? ({ ...catalog.numbering, ...override } as NumberingRule) : catalog.numbering;
}

export interface NumberRange {
  first: number;
  last: number;
}

export function leasableRange(rule: NumberingRule): NumberRange {
  return { first: rule.start, last: rule.dailyCap - rule.fallbackSlots * rule.fallbackSize };
}

/** The fallback run of robot slot 1..fallbackSlots. */
export function fallbackRange(rule: NumberingRule, slot: number): NumberRange {
  if (!Number.isInteger(slot) || slot < 1 || slot > rule.fallbackSlots) {
    throw new RangeError(`robot slot ${slot} outside 1..${rule.fallbackSlots}`);
  }
  const first = leasableRange(rule).last + 1 + (slot - 1) * rule.fallbackSize;
  return { first, last: first + rule.fallbackSize - 1 };
}

/**
 * The center's side: the next block after everything already leased for this prefix and day
 * (`leasedUpTo` = last number of the latest block, null if none). Null when the leasable range
 * is used up.
 */
export function nextLeaseBlock(rule: NumberingRule, leasedUpTo: number | null, size = rule.blockSize): NumberRange | null {
  const range = leasableRange(rule);
  const first = Math.max(range.first, (leasedUpTo ?? 0) + 1);
  if (first > range.last) return null;
  return { first, last: Math.min(range.last, first + Math.max(1, size) - 1) };
}

export interface NumberSource {
  id: number;
  kind: 'lease' | 'fallback';
  first: number;
  last: number;
  /** Next number to give out; > last when used up. */
  next: number;
}

export function remaining(s: NumberSource): number {
  return Math.max(0, s.last - s.next + 1);
}

/** Leased blocks first, oldest first; the robot's fallback run only when no block is usable. */
export function pickSource(sources: readonly NumberSource[]): NumberSource | null {
  // one pass, no arrays: it runs inside every issue's transaction
  let lease: NumberSource | null = null;
  let fallback: NumberSource | null = null;
  for (const s of sources) {
    if (remaining(s) <= 0) continue;
    if (s.kind === 'lease') {
      if (!lease || s.id < lease.id) lease = s;
    } else fallback ??= s;
  }
  return lease ?? fallback;
}

/** Why nothing is left: the whole day's space is gone, or only this robot's share is. */
export function exhaustionCode(rule: NumberingRule, sources: readonly NumberSource[]): 'QUEUE_DAILY_CAP_REACHED' | 'QUEUE_NO_NUMBERS_AVAILABLE' {
  const leasedTop = Math.max(0, ...sources.filter((s) => s.kind === 'lease').map((s) => s.last));
  return leasedTop >= leasableRange(rule).last ? 'QUEUE_DAILY_CAP_REACHED' : 'QUEUE_NO_NUMBERS_AVAILABLE';
}
