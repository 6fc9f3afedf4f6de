/**
 * The part of the center's `booking` settings that home visits need: which categories the center
 * visits at home, and how many days personal data is kept after the visit day. Read from
 * CenterOptions.booking, else the catalog's `booking` section, else the defaults (both
 * categories, 90 days). Kept apart from the booking calendar so the two merge without a clash.
 */
import { z } from 'zod';
import type { Catalog } from '../../contract/catalog';
import { HomeVisitCategory } from '../../contract/sync';

export const DEFAULT_RETENTION_DAYS = 90;

export const HomeVisitSettings = z.object({
  homeVisitCategories: z.array(HomeVisitCategory).max(10).default(['elderly', 'disability']),
  retentionDays: z.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
});
export type HomeVisitSettings = z.infer<typeof HomeVisitSettings>;
export type HomeVisitSettingsInput = z.input<typeof HomeVisitSettings>;

/** Throws (naming the field) on an invalid section, so a bad config stops start-up. */
export function deriveHomeVisitSettings(catalog: Catalog, override?: HomeVisitSettingsInput): HomeVisitSettings {
  const fromCatalog = (catalog as Catalog & { booking?: HomeVisitSettingsInput }).booking;
  const r = HomeVisitSettings.safeParse({ ...pick(fromCatalog), ...pick(override) });
  if (!r.success) throw new RangeError(`booking: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

function pick(s: HomeVisitSettingsInput | undefined): HomeVisitSettingsInput {
  if (!s) return {};
  return {
    ...(s.homeVisitCategories !== undefined ? { homeVisitCategories: s.homeVisitCategories } : {}),
    ...(s.retentionDays !== undefined ? { retentionDays: s.retentionDays } : {}),
  };
}
