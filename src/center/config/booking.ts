/**
 * The `booking` section of the center's config (issue 18): the capacity calendar robots book
 * from, what may be requested as a home visit, and how long personal data is kept.
 *
 * Defaults are safe for a center that never configures it: half-hour slots with two places each
 * inside the catalog's opening hours (so walk-in tickets keep most of every counter's time), ten
 * working days ahead, personal data deleted 90 days after the appointment.
 */
import { z } from 'zod';
import { DayHours, IsoDay } from '../../contract/catalog-queue';
import { HomeVisitCategory } from '../../contract/sync';

export const GroupCapacity = z
  .object({
    /** Bookable hours on each day the center opens; absent: the catalog's opening hours of that weekday. */
    hours: DayHours.optional(),
    slotMinutes: z.number().int().min(5).max(240).default(30),
    placesPerSlot: z.number().int().min(1).max(100).default(2),
  })
  .strict();
export type GroupCapacity = z.infer<typeof GroupCapacity>;

const CounterGroupName = z.string().min(1).max(40);

export const BookingConfig = z
  .object({
    /** Working days ahead a slot may be booked; today counts as day 0. */
    daysAhead: z.number().int().min(0).max(60).default(10),
    /** The capacity of counter groups not listed in `groups`. */
    defaults: GroupCapacity.default(GroupCapacity.parse({})),
    /** Per counter group (the catalog's `counterGroup` of a service). */
    groups: z.record(CounterGroupName, GroupCapacity).default({}).refine((g) => Object.keys(g).length <= 50, 'at most 50 counter groups'),
    /** Days closed for bookings besides the catalog's holidays (e.g. a staff training day). */
    holidays: z.array(IsoDay).max(366).default([]),
    homeVisitCategories: z.array(HomeVisitCategory).max(10).default(['elderly', 'disability']),
    /** Days personal data (phone, name, address) is kept after the appointment or visit day. */
    retentionDays: z.number().int().min(1).max(3650).default(90),
    /** How often the retention job looks for expired personal data (it also runs at start). */
    retentionCheckMinutes: z.number().int().min(1).max(1440).default(60),
  })
  .strict();
export type BookingConfig = z.infer<typeof BookingConfig>;
export type BookingConfigInput = z.input<typeof BookingConfig>;

/** The capacity of one counter group: its own entry, else the defaults. */
export function capacityOf(config: BookingConfig, counterGroup: string): GroupCapacity {
  return config.groups[counterGroup] ?? config.defaults;
}
