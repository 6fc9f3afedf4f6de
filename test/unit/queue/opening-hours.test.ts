import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { businessDay } from '../../../src/core/business-day';
import fc from 'fast-check';
import { centerInstant, centerPhase, centerWallTime, checkCutoff, nextDayOpening, nextOpening } from '../../../src/core/queue';

// Asia/Ho_Chi_Minh is UTC+7: 07:30 there is 00:30Z. 2026-11-30 is a Monday.
const at = (iso: string) => new Date(iso);

describe('center wall time', () => {
  it('rolls the business day at 00:00 Asia/Ho_Chi_Minh, not at UTC midnight', () => {
    expect(businessDay(at('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(businessDay(at('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(centerWallTime(at('2026-11-30T17:00:00Z'))).toEqual({ day: '2026-12-01', weekday: 'tue', minutes: 0 });
  });

  it('maps a local day and time back to the instant', () => {
    expect(centerInstant('2026-11-30', 7 * 60 + 30).toISOString()).toBe('2026-11-30T00:30:00.000Z');
    expect(centerInstant('2026-12-31', 23 * 60 + 59).toISOString()).toBe('2026-12-31T16:59:00.000Z');
  });
});

describe('center phase', () => {
  it.each([
    ['2026-11-30T00:29:00Z', 'before-opening'],
    ['2026-11-30T00:30:00Z', 'open'],
    ['2026-11-30T04:30:00Z', 'lunch'], // 11:30
    ['2026-11-30T06:29:00Z', 'lunch'], // 13:29
    ['2026-11-30T06:30:00Z', 'open'], // 13:30
    ['2026-11-30T10:00:00Z', 'after-closing'], // 17:00
    ['2026-11-29T03:00:00Z', 'closed-day'], // Sunday
    ['2026-09-02T03:00:00Z', 'holiday'], // National Day
  ])('%s is %s', (iso, phase) => {
    expect(centerPhase(DEMO_CATALOG, at(iso)).phase).toBe(phase);
  });

  it('knows Saturday closes at 11:30 with no lunch', () => {
    const p = centerPhase(DEMO_CATALOG, at('2026-12-05T03:00:00Z'));
    expect(p).toMatchObject({ phase: 'open', closesAt: at('2026-12-05T04:30:00Z') });
    expect(p.phase === 'open' && p.lunch).toBeFalsy();
  });
});

describe('next opening', () => {
  it('is the afternoon session during lunch', () => {
    expect(nextOpening(DEMO_CATALOG, at('2026-11-30T05:00:00Z'))).toEqual(at('2026-11-30T06:30:00Z'));
  });

  it('skips Sunday after Saturday closes', () => {
    expect(nextOpening(DEMO_CATALOG, at('2026-12-05T05:00:00Z'))).toEqual(at('2026-12-07T00:30:00Z'));
  });

  it('skips holidays (Tết 2027 and the weekend)', () => {
    expect(nextOpening(DEMO_CATALOG, at('2027-02-05T03:00:00Z'))).toEqual(at('2027-02-12T00:30:00Z'));
  });

  it('next-day opening ignores the rest of today', () => {
    expect(nextDayOpening(DEMO_CATALOG, at('2026-11-30T01:00:00Z'))).toEqual(at('2026-12-01T00:30:00Z'));
  });
});

describe('opening-hours properties', () => {
  const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }).map((ms) => new Date(ms));

  it('the next opening is always later, the start of an open session, never on a holiday', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const next = nextOpening(DEMO_CATALOG, at)!;
        expect(next.getTime()).toBeGreaterThan(at.getTime());
        expect(centerPhase(DEMO_CATALOG, next).phase).toBe('open');
        expect(centerPhase(DEMO_CATALOG, new Date(next.getTime() - 60_000)).phase).not.toBe('open');
        expect(DEMO_CATALOG.holidays).not.toContain(businessDay(next));
      }),
    );
  });

  it('a refusal always points to a later time at which a ticket could be had', () => {
    const service = DEMO_CATALOG.services[0]!;
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 600 }), (at, wait) => {
        const d = checkCutoff({ catalog: DEMO_CATALOG, service, expectedWaitMinutes: wait, at });
        if (d.ok) return;
        expect(d.nextOpeningAt!.getTime()).toBeGreaterThan(at.getTime());
        expect(checkCutoff({ catalog: DEMO_CATALOG, service, expectedWaitMinutes: 0, at: d.nextOpeningAt! }).ok).toBe(true);
      }),
    );
  });
});
