import fc from 'fast-check';
import { DEFAULT_NUMBER_SPACE, fallbackRange, leasableRange, nextBlock, ownerOf, type NumberSpaceRule } from '../../../src/center/domain/number-space';

const ruleArb = fc
  .record({ start: fc.integer({ min: 1, max: 50 }), fallbackSlots: fc.integer({ min: 1, max: 16 }), fallbackSize: fc.integer({ min: 1, max: 60 }), blockSize: fc.integer({ min: 1, max: 50 }), extra: fc.integer({ min: 0, max: 500 }) })
  .map(({ extra, ...r }): NumberSpaceRule => ({ ...r, dailyCap: r.start - 1 + r.blockSize + r.fallbackSlots * r.fallbackSize + extra }));

describe('center number space', () => {
  it('with the queue defaults leases 1..799 and gives slot k the series 800+50(k-1) .. 849+50(k-1)', () => {
    expect(leasableRange(DEFAULT_NUMBER_SPACE)).toEqual({ first: 1, last: 799 });
    expect([1, 2, 3, 4].map((s) => fallbackRange(DEFAULT_NUMBER_SPACE, s))).toEqual([
      { first: 800, last: 849 }, { first: 850, last: 899 }, { first: 900, last: 949 }, { first: 950, last: 999 },
    ]);
    expect(() => fallbackRange(DEFAULT_NUMBER_SPACE, 5)).toThrow(RangeError);
  });

  it('leases consecutive blocks until the leasable range ends, the last one cut short', () => {
    const rule = { ...DEFAULT_NUMBER_SPACE, dailyCap: 249, fallbackSlots: 2, fallbackSize: 100, blockSize: 20 };
    expect(nextBlock(rule, null)).toEqual({ first: 1, last: 20 });
    expect(nextBlock(rule, 40)).toEqual({ first: 41, last: 49 });
    expect(nextBlock(rule, 49)).toBeNull();
  });

  it('never leases a number of a fallback series, and series never overlap (any valid rule, any sequence of leases)', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        // plain checks in the loops (expect() per number would make this slow); one verdict at the end
        const owned = new Map<number, string>();
        const problems: string[] = [];
        const claim = (n: number, who: string, owner: ReturnType<typeof ownerOf>) => {
          if (owned.has(n)) problems.push(`${n} given to ${owned.get(n)} and ${who}`);
          const expected = who === 'lease' ? 'leasable' : 'fallback';
          if (owner.kind !== expected || (owner.kind === 'fallback' && `slot ${owner.slot}` !== who)) problems.push(`${n}: ownerOf says ${JSON.stringify(owner)}, owned by ${who}`);
          owned.set(n, who);
        };
        for (let s = 1; s <= rule.fallbackSlots; s++) {
          const r = fallbackRange(rule, s);
          for (let n = r.first; n <= r.last; n++) claim(n, `slot ${s}`, ownerOf(rule, n));
        }
        let top: number | null = null;
        for (let b = nextBlock(rule, top); b; b = nextBlock(rule, top)) {
          for (let n = b.first; n <= b.last; n++) claim(n, 'lease', ownerOf(rule, n));
          top = b.last;
        }
        // every number of the day's space belongs to exactly one owner
        expect(problems).toEqual([]);
        expect(owned.size).toBe(rule.dailyCap - rule.start + 1);
      }),
      { numRuns: 200 },
    );
  });
});
