import { OpeningHours } from '../../../src/contract/catalog-queue';
import { BookingConfig, capacityOf } from '../../../src/center/config/booking';
import { bookableDays, groupCalendar, isBookable, slotsBetween, slotTimesOn } from '../../../src/center/domain/capacity';

// 2026-11-30 is a Monday; 2026-12-05 a Saturday (morning only), 2026-12-06 a Sunday (closed)
const catalog = { openingHours: OpeningHours.parse({}), holidays: ['2026-12-02'] };
const config = BookingConfig.parse({ groups: { land: { slotMinutes: 45, placesPerSlot: 1, hours: { open: '08:00', close: '11:00' } } }, holidays: ['2026-12-03'] });
const civil = groupCalendar(catalog, capacityOf(config, 'civil-status'), config.holidays);
const land = groupCalendar(catalog, capacityOf(config, 'land'), config.holidays);

describe('booking config', () => {
  it('defaults to half-hour slots of two places, ten working days, elderly and disability visits, 90 days of retention', () => {
    const d = BookingConfig.parse({});
    expect(d).toMatchObject({ daysAhead: 10, defaults: { slotMinutes: 30, placesPerSlot: 2 }, homeVisitCategories: ['elderly', 'disability'], retentionDays: 90 });
  });

  it('refuses unbounded or malformed values, naming the field', () => {
    for (const bad of [{ daysAhead: 61 }, { defaults: { placesPerSlot: 0 } }, { defaults: { slotMinutes: 2 } }, { retentionDays: 0 }, { holidays: ['3 Dec'] }, { homeVisitCategories: ['anyone'] }, { groups: { x: { hours: { open: '12:00', close: '08:00' } } } }, { unknown: 1 }]) {
      expect(BookingConfig.safeParse(bad).success).toBe(false);
    }
  });
});

describe('capacity calendar', () => {
  it("cuts a working day into slots around lunch, none running past a session's end", () => {
    const times = slotTimesOn(civil, '2026-11-30');
    expect(times[0]).toBe('07:30');
    expect(times).toContain('11:00');
    expect(times).not.toContain('11:30');
    expect(times).not.toContain('13:00');
    expect(times).toContain('13:30');
    expect(times[times.length - 1]).toBe('16:30');
    expect(times).toHaveLength(8 + 7);
  });

  it("uses a group's own hours and slot length on the days the center opens", () => {
    expect(slotTimesOn(land, '2026-11-30')).toEqual(['08:00', '08:45', '09:30', '10:15']);
    expect(slotTimesOn(land, '2026-12-05')).toEqual(['08:00', '08:45', '09:30', '10:15']);
    expect(slotTimesOn(land, '2026-12-06')).toEqual([]);
  });

  it('has no slots on Sundays, catalog holidays and booking holidays', () => {
    expect(slotTimesOn(civil, '2026-12-06')).toEqual([]);
    expect(slotTimesOn(civil, '2026-12-02')).toEqual([]);
    expect(slotTimesOn(civil, '2026-12-03')).toEqual([]);
    expect(slotTimesOn(civil, '2026-12-05')).toEqual(['07:30', '08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('counts working days ahead, skipping closed days; today only while a slot is still to come', () => {
    expect(bookableDays(civil, { day: '2026-11-30', minutes: 9 * 60 }, 3)).toEqual(['2026-11-30', '2026-12-01', '2026-12-04', '2026-12-05']);
    expect(bookableDays(civil, { day: '2026-11-30', minutes: 16 * 60 + 30 }, 1)).toEqual(['2026-12-01']);
    expect(bookableDays(civil, { day: '2026-11-30', minutes: 0 }, 0)).toEqual(['2026-11-30']);
  });

  it('lists the future slots of the asked days within the bookable ones', () => {
    const now = { day: '2026-11-30', minutes: 9 * 60 + 10 };
    const slots = slotsBetween(civil, now, 1, '2026-11-30', 14);
    expect(slots[0]).toEqual({ day: '2026-11-30', time: '09:30' });
    expect(new Set(slots.map((s) => s.day))).toEqual(new Set(['2026-11-30', '2026-12-01']));
    expect(slotsBetween(civil, now, 1, '2026-12-01', 1)).toHaveLength(15);
  });

  it('accepts exactly the listed slots', () => {
    const now = { day: '2026-11-30', minutes: 9 * 60 + 10 };
    expect(isBookable(civil, now, 2, { day: '2026-11-30', time: '09:30' })).toBe(true);
    expect(isBookable(civil, now, 2, { day: '2026-11-30', time: '09:00' })).toBe(false); // started
    expect(isBookable(civil, now, 2, { day: '2026-11-30', time: '09:45' })).toBe(false); // not a slot start
    expect(isBookable(civil, now, 2, { day: '2026-11-30', time: '12:00' })).toBe(false); // lunch
    expect(isBookable(civil, now, 2, { day: '2026-12-02', time: '09:30' })).toBe(false); // holiday
    expect(isBookable(civil, now, 2, { day: '2026-12-04', time: '09:30' })).toBe(true);
    expect(isBookable(civil, now, 2, { day: '2026-12-05', time: '09:30' })).toBe(false); // beyond two working days
  });
});
