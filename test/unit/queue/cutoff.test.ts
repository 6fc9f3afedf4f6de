import { Catalog } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { checkCutoff, planIssue } from '../../../src/core/queue';

const at = (iso: string) => new Date(iso);
const service = (id: string) => DEMO_CATALOG.services.find((s) => s.id === id)!;
const category = (id: string) => DEMO_CATALOG.priorityCategories.find((c) => c.id === id)!;
const check = (iso: string, serviceId: string, wait: number, categoryId?: string, catalog = DEMO_CATALOG) =>
  checkCutoff({ catalog, service: service(serviceId), category: categoryId ? category(categoryId) : undefined, expectedWaitMinutes: wait, at: at(iso) });

describe('cut-off', () => {
  it('issues a normal ticket in the morning with a short queue', () => {
    expect(check('2026-11-30T01:00:00Z', 'birth-registration', 30)).toEqual({ ok: true, kind: 'normal' });
  });

  it('refuses a normal ticket whose estimated start falls inside lunch, pointing at the afternoon', () => {
    // 11:00 + 45 min = 11:45, counters of civil status close for lunch
    expect(check('2026-11-30T04:00:00Z', 'birth-registration', 45)).toEqual({ ok: false, code: 'QUEUE_LUNCH_BREAK', nextOpeningAt: at('2026-11-30T06:30:00Z') });
  });

  it('issues for a group whose counter stays open at lunch', () => {
    expect(check('2026-11-30T04:00:00Z', 'result-pickup', 45)).toEqual({ ok: true, kind: 'normal' });
    expect(check('2026-11-30T05:00:00Z', 'result-pickup', 5)).toEqual({ ok: true, kind: 'normal' });
  });

  it('refuses during lunch for counters that close, with the reopening time', () => {
    expect(check('2026-11-30T05:00:00Z', 'birth-registration', 0)).toEqual({ ok: false, code: 'QUEUE_LUNCH_BREAK', nextOpeningAt: at('2026-11-30T06:30:00Z') });
  });

  it('refuses when the estimated start falls after closing, pointing at the next day', () => {
    // 16:30 + 40 min = 17:10
    expect(check('2026-11-30T09:30:00Z', 'birth-registration', 40)).toEqual({ ok: false, code: 'QUEUE_CUTOFF_REACHED', nextOpeningAt: at('2026-12-01T00:30:00Z') });
  });

  it('lets a priority ticket through until closing whatever the queue', () => {
    expect(check('2026-11-30T09:55:00Z', 'birth-registration', 120, 'elderly')).toEqual({ ok: true, kind: 'priority' });
    expect(check('2026-11-30T09:55:00Z', 'birth-registration', 120, 'appointment')).toEqual({ ok: true, kind: 'appointment' });
  });

  it('applies a configured margin to the priority rule', () => {
    const strict = Catalog.parse({ ...DEMO_CATALOG, cutoff: { ...DEMO_CATALOG.cutoff, priority: { rule: 'until-closing', marginMinutes: 15 } } });
    expect(check('2026-11-30T09:50:00Z', 'birth-registration', 0, 'elderly', strict)).toMatchObject({ ok: false, code: 'QUEUE_CUTOFF_REACHED' });
    expect(check('2026-11-30T09:40:00Z', 'birth-registration', 0, 'elderly', strict)).toMatchObject({ ok: true });
  });

  it('refuses after closing, on Sundays and on holidays with typed codes', () => {
    expect(check('2026-11-30T10:00:00Z', 'birth-registration', 0)).toEqual({ ok: false, code: 'QUEUE_CENTER_CLOSED', nextOpeningAt: at('2026-12-01T00:30:00Z') });
    expect(check('2026-11-29T03:00:00Z', 'birth-registration', 0, 'elderly')).toEqual({ ok: false, code: 'QUEUE_CENTER_CLOSED', nextOpeningAt: at('2026-11-30T00:30:00Z') });
    expect(check('2026-09-02T03:00:00Z', 'birth-registration', 0)).toEqual({ ok: false, code: 'QUEUE_HOLIDAY', nextOpeningAt: at('2026-09-03T00:30:00Z') });
  });
});

describe('planIssue', () => {
  const quiet = () => ({ localPeopleAhead: 0, recentServiceMinutes: [], counters: 1 });

  it('refuses unknown services and categories with codes', () => {
    expect(planIssue(DEMO_CATALOG, { serviceId: 'nope' }, at('2026-11-30T01:00:00Z'), quiet)).toMatchObject({ ok: false, code: 'SERVICE_UNKNOWN' });
    expect(planIssue(DEMO_CATALOG, { serviceId: 'birth-registration', categoryId: 'vip' }, at('2026-11-30T01:00:00Z'), quiet)).toMatchObject({ ok: false, code: 'QUEUE_PRIORITY_UNKNOWN' });
  });

  it('uses the wait estimate for the cut-off', () => {
    const busy = () => ({ localPeopleAhead: 40, recentServiceMinutes: [], counters: 2 });
    // 15:00 with 40 people at 15 min over 2 counters = 300 min: past closing
    expect(planIssue(DEMO_CATALOG, { serviceId: 'birth-registration' }, at('2026-11-30T08:00:00Z'), busy)).toMatchObject({ ok: false, code: 'QUEUE_CUTOFF_REACHED' });
    const plan = planIssue(DEMO_CATALOG, { serviceId: 'birth-registration' }, at('2026-11-30T01:00:00Z'), quiet);
    expect(plan).toMatchObject({ ok: true, day: '2026-11-30', kind: 'normal', rule: { width: 3 } });
  });

  // what a plan decides is kept for the minute (issue-plan.ts); these are the changes it must not hide
  it('decides again within the same minute for another catalog, service, category or wait', () => {
    const now = at('2026-11-30T09:20:00.100Z'); // Monday 16:20, closing at 17:00
    const then = at('2026-11-30T09:20:59.900Z');
    expect(planIssue(DEMO_CATALOG, { serviceId: 'birth-registration' }, now, quiet)).toMatchObject({ ok: true, kind: 'normal' });
    expect(planIssue(DEMO_CATALOG, { serviceId: 'birth-registration', categoryId: 'elderly' }, then, quiet)).toMatchObject({ ok: true, kind: 'priority', category: { id: 'elderly' } });
    const holiday = Catalog.parse({ ...DEMO_CATALOG, holidays: [...DEMO_CATALOG.holidays, '2026-11-30'] });
    expect(planIssue(holiday, { serviceId: 'birth-registration' }, then, quiet)).toMatchObject({ ok: false, code: 'QUEUE_HOLIDAY' });
    expect(planIssue(DEMO_CATALOG, { serviceId: 'result-pickup', categoryId: 'elderly' }, then, quiet)).toMatchObject({ ok: true, kind: 'priority', service: { id: 'result-pickup' }, category: { id: 'elderly' } });
    // 16:20 + 40 people at 15 min over 2 counters: past closing; one person: in time
    const busy = () => ({ localPeopleAhead: 40, recentServiceMinutes: [], counters: 2 });
    expect(planIssue(DEMO_CATALOG, { serviceId: 'birth-registration' }, then, busy)).toMatchObject({ ok: false, code: 'QUEUE_CUTOFF_REACHED' });
    expect(planIssue(DEMO_CATALOG, { serviceId: 'birth-registration' }, then, quiet)).toMatchObject({ ok: true });
    expect(planIssue(DEMO_CATALOG, { serviceId: 'nope' }, then, quiet)).toMatchObject({ ok: false, code: 'SERVICE_UNKNOWN' });
  });

  it('sees the minute turn: the last minute before the margin issues, the next one does not', () => {
    const strict = Catalog.parse({ ...DEMO_CATALOG, cutoff: { ...DEMO_CATALOG.cutoff, normal: { rule: 'until-closing', marginMinutes: 30 } } });
    // closing 17:00, margin 30 min: last issue before 16:30
    expect(planIssue(strict, { serviceId: 'birth-registration' }, at('2026-11-30T09:29:59.000Z'), quiet)).toMatchObject({ ok: true });
    expect(planIssue(strict, { serviceId: 'birth-registration' }, at('2026-11-30T09:30:00.000Z'), quiet)).toMatchObject({ ok: false, code: 'QUEUE_CUTOFF_REACHED' });
  });
});
