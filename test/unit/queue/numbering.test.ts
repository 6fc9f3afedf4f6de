import fc from 'fast-check';
import { Catalog, NumberingRule } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { exhaustionCode, fallbackRange, leasableRange, nextLeaseBlock, numberingFor, pickSource, type NumberSource } from '../../../src/core/queue';

const rule = NumberingRule.parse({ start: 1, width: 3, dailyCap: 999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 });

describe('number space', () => {
  it('splits [start, cap] into a leasable range and one fallback run per slot', () => {
    expect(leasableRange(rule)).toEqual({ first: 1, last: 799 });
    expect(fallbackRange(rule, 1)).toEqual({ first: 800, last: 849 });
    expect(fallbackRange(rule, 4)).toEqual({ first: 950, last: 999 });
    expect(() => fallbackRange(rule, 5)).toThrow(RangeError);
  });

  it('never overlaps: leases with each other, fallback runs with each other and with leases, all inside [start, cap]', () => {
    const arbRule = fc
      .record({ start: fc.integer({ min: 1, max: 50 }), fallbackSlots: fc.integer({ min: 1, max: 6 }), fallbackSize: fc.integer({ min: 1, max: 60 }), blockSize: fc.integer({ min: 1, max: 40 }) })
      .map((r) => NumberingRule.safeParse({ ...r, width: 4, dailyCap: 9999 }))
      .filter((p) => p.success)
      .map((p) => p.data!);
    fc.assert(
      fc.property(arbRule, fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 40 }), (r, sizes) => {
        const taken = new Set<number>();
        const claim = (first: number, last: number) => {
          for (let n = first; n <= last; n++) {
            expect(taken.has(n)).toBe(false);
            expect(n).toBeGreaterThanOrEqual(r.start);
            expect(n).toBeLessThanOrEqual(r.dailyCap);
            taken.add(n);
          }
        };
        let upTo: number | null = null;
        for (const size of sizes) {
          const block = nextLeaseBlock(r, upTo, size);
          if (!block) break;
          claim(block.first, block.last);
          upTo = block.last;
        }
        for (let slot = 1; slot <= r.fallbackSlots; slot++) {
          const f = fallbackRange(r, slot);
          claim(f.first, f.last);
        }
      }),
    );
  });

  it('applies per-prefix overrides and rejects ones that do not fit', () => {
    const c = Catalog.parse({ ...DEMO_CATALOG, numberingByPrefix: { R: { start: 101, dailyCap: 600 } } });
    expect(numberingFor(c, 'R')).toMatchObject({ start: 101, dailyCap: 600, width: 3 });
    expect(numberingFor(c, 'A')).toMatchObject({ start: 1, dailyCap: 999 });
    const bad = Catalog.safeParse({ ...DEMO_CATALOG, numberingByPrefix: { R: { dailyCap: 5000 } } });
    expect(bad.success).toBe(false);
  });
});

describe('picking a source', () => {
  const src = (id: number, kind: NumberSource['kind'], first: number, last: number, next: number): NumberSource => ({ id, kind, first, last, next });

  it('takes the oldest leased block with numbers left before the fallback run', () => {
    const sources = [src(3, 'fallback', 800, 849, 800), src(2, 'lease', 21, 40, 21), src(1, 'lease', 1, 20, 21)];
    expect(pickSource(sources)?.id).toBe(2);
    expect(pickSource([src(3, 'fallback', 800, 849, 803), src(1, 'lease', 1, 20, 21)])?.id).toBe(3);
    expect(pickSource([src(3, 'fallback', 800, 849, 850)])).toBeNull();
  });

  it('tells the day cap from this robot running dry', () => {
    expect(exhaustionCode(rule, [src(1, 'lease', 780, 799, 800), src(2, 'fallback', 800, 849, 850)])).toBe('QUEUE_DAILY_CAP_REACHED');
    expect(exhaustionCode(rule, [src(1, 'lease', 1, 20, 21), src(2, 'fallback', 800, 849, 850)])).toBe('QUEUE_NO_NUMBERS_AVAILABLE');
  });
});
