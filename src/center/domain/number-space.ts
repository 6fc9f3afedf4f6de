/**
 * The number space of one ticket prefix per business day, as the center sees it. The arithmetic
 * is the robots' own (src/core/queue/numbering.ts), so robots and center always agree on which
 * numbers are leasable and which form each robot slot's fallback series.
 */
import { fallbackRange as coreFallbackRange, leasableRange as coreLeasableRange, nextLeaseBlock, type NumberRange } from '../../core/queue/numbering';
import type { NumberingRule } from '../../contract/catalog-queue';

/** The part of a catalog numbering rule the center needs (the display width is the robots' business). */
export type NumberSpaceRule = Pick<NumberingRule, 'start' | 'dailyCap' | 'fallbackSlots' | 'fallbackSize' | 'blockSize'>;
export type Range = NumberRange;

/** The catalog's defaults: 1..999, four robot slots of 50 fallback numbers, blocks of 20. */
export const DEFAULT_NUMBER_SPACE: NumberSpaceRule = { start: 1, dailyCap: 999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 };

const asRule = (r: NumberSpaceRule): NumberingRule => ({ width: 3, ...r });

export function leasableRange(rule: NumberSpaceRule): Range {
  return coreLeasableRange(asRule(rule));
}

export function fallbackRange(rule: NumberSpaceRule, slot: number): Range {
  return coreFallbackRange(asRule(rule), slot);
}

/** The block after everything leased so far (`leasedUpTo`: last number leased, null if none); null when used up. */
export function nextBlock(rule: NumberSpaceRule, leasedUpTo: number | null): Range | null {
  return nextLeaseBlock(asRule(rule), leasedUpTo);
}

/** Whose number is it: a leased block, the fallback series of a slot, or nobody's (outside the space). */
export function ownerOf(rule: NumberSpaceRule, n: number): { kind: 'leasable' } | { kind: 'fallback'; slot: number } | { kind: 'outside' } {
  const leasable = leasableRange(rule);
  if (n >= leasable.first && n <= leasable.last) return { kind: 'leasable' };
  if (n > leasable.last && n <= rule.dailyCap) return { kind: 'fallback', slot: Math.floor((n - leasable.last - 1) / rule.fallbackSize) + 1 };
  return { kind: 'outside' };
}
