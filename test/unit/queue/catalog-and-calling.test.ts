import fc from 'fast-check';
import { Catalog, DEFAULT_PRIORITY_CATEGORIES } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { nextToCall } from '../../../src/core/queue';

const minimal = { centerName: DEMO_CATALOG.centerName, fields: DEMO_CATALOG.fields, services: DEMO_CATALOG.services };

describe('catalog queue data', () => {
  it('gives a catalog without queue fields the defaults (hours with lunch, six priority categories)', () => {
    const c = Catalog.parse(minimal);
    expect(c.openingHours.mon).toEqual({ open: '07:30', close: '17:00', lunch: { start: '11:30', end: '13:30' } });
    expect(c.openingHours.sun).toBeNull();
    expect(c.priorityCategories.map((p) => p.id)).toEqual(['elderly', 'disability', 'pregnant', 'child-under-6', 'meritorious', 'appointment']);
    expect(c.numbering).toMatchObject({ start: 1, width: 3, dailyCap: 999 });
    expect(c.cutoff.normal.rule).toBe('estimated-start');
  });

  it('names the field of each mistake', () => {
    const bad = Catalog.safeParse({
      ...minimal,
      openingHours: { mon: { open: '13:00', close: '12:00' } },
      holidays: ['30/04/2026'],
      priorityCategories: [DEFAULT_PRIORITY_CATEGORIES[0], DEFAULT_PRIORITY_CATEGORIES[0]],
      numbering: { width: 2, dailyCap: 999 },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['openingHours.mon', 'holidays.0', 'numbering.dailyCap']));
  });

  it('rejects duplicate priority categories and counters', () => {
    const dup = Catalog.safeParse({ ...minimal, priorityCategories: [DEFAULT_PRIORITY_CATEGORIES[0], DEFAULT_PRIORITY_CATEGORIES[0]], counters: [DEMO_CATALOG.counters[0], DEMO_CATALOG.counters[0]] });
    expect(dup.success).toBe(false);
    expect(dup.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['priorityCategories.1.id', 'counters.1.id']));
  });
});

describe('call order', () => {
  const cats = DEFAULT_PRIORITY_CATEGORIES;
  const min = 60_000;

  it('calls a priority ticket ahead of normal ones that waited less than weight times as long', () => {
    const waiting = [
      { id: 'normal', issuedAtMs: 0 },
      { id: 'elderly', categoryId: 'elderly', issuedAtMs: 5 * min },
    ];
    expect(nextToCall(waiting, cats, 10 * min)?.id).toBe('elderly'); // 3 x 5 min > 1 x 10 min
    expect(nextToCall(waiting, cats, 6 * min)?.id).toBe('normal'); // 1 x 6 min > 3 x 1 min: a fresh priority ticket does not jump a long wait
  });

  it('keeps the order of issue among tickets of the same weight', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cat: fc.constantFrom(undefined, 'elderly', 'appointment'), at: fc.integer({ min: 0, max: 600 }) }), { minLength: 1, maxLength: 30 }), (specs) => {
        const waiting = specs.map((s, i) => ({ id: `t${i}`, issuedAtMs: s.at * min, ...(s.cat ? { categoryId: s.cat } : {}) }));
        const now = 700 * min;
        const first = nextToCall(waiting, cats, now)!;
        // nobody with the same weight who came earlier is passed over
        for (const t of waiting) if ((t.categoryId ?? '') === (first.categoryId ?? '')) expect(t.issuedAtMs).toBeGreaterThanOrEqual(first.issuedAtMs);
      }),
    );
  });
});
