import { Catalog, DEFAULT_PRIORITY_CATEGORIES } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';

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
