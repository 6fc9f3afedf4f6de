/**
 * The number space of one ticket prefix per business day, as the center sees it.
 *
 * [start, dailyCap] is split in two: the leasable range at the bottom, which only the center hands
 * out in blocks (each number to one robot, never twice), and at the top one fallback series of
 * `fallbackSize` numbers per robot slot, which a robot uses only when it holds no leased number.
 * The arithmetic is the same as src/core/queue/numbering.ts of the queue branch (same defaults),
 * so robots and center agree on the split; once both branches are merged this file should just
 * call that module with the catalog's numbering rule.
 */
export interface NumberSpaceRule {
  start: number;
  dailyCap: number;
  fallbackSlots: number;
  fallbackSize: number;
  blockSize: number;
}

/** The queue branch's defaults: 1..999, four robot slots of 50 fallback numbers, blocks of 20. */
export const DEFAULT_NUMBER_SPACE: NumberSpaceRule = { start: 1, dailyCap: 999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 };

export interface Range {
  first: number;
  last: number;
}

export function leasableRange(rule: NumberSpaceRule): Range {
  return { first: rule.start, last: rule.dailyCap - rule.fallbackSlots * rule.fallbackSize };
}

export function fallbackRange(rule: NumberSpaceRule, slot: number): Range {
  if (!Number.isInteger(slot) || slot < 1 || slot > rule.fallbackSlots) throw new RangeError(`robot slot ${slot} outside 1..${rule.fallbackSlots}`);
  const first = leasableRange(rule).last + 1 + (slot - 1) * rule.fallbackSize;
  return { first, last: first + rule.fallbackSize - 1 };
}

/** The block after everything leased so far (`leasedUpTo`: last number leased, null if none); null when used up. */
export function nextBlock(rule: NumberSpaceRule, leasedUpTo: number | null): Range | null {
  const range = leasableRange(rule);
  const first = Math.max(range.first, (leasedUpTo ?? 0) + 1);
  if (first > range.last) return null;
  return { first, last: Math.min(range.last, first + Math.max(1, rule.blockSize) - 1) };
}

/** Whose number is it: a leased block, the fallback series of a slot, or nobody's (outside the space). */
export function ownerOf(rule: NumberSpaceRule, n: number): { kind: 'leasable' } | { kind: 'fallback'; slot: number } | { kind: 'outside' } {
  const leasable = leasableRange(rule);
  if (n >= leasable.first && n <= leasable.last) return { kind: 'leasable' };
  if (n > leasable.last && n <= rule.dailyCap) return { kind: 'fallback', slot: Math.floor((n - leasable.last - 1) / rule.fallbackSize) + 1 };
  return { kind: 'outside' };
}
