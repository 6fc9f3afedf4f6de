import type { Catalog } from '../contract';

/**
 * Where a visitor with a ticket for `serviceId` goes: the labels of the counters of the service's
 * counter group, in catalog order ("Quầy 1", "Quầy 2"). Printed on the ticket and shown on the
 * screen from this one rule so the two never disagree. Empty when the catalog lists no counters.
 */
export function counterLabelsFor(catalog: Pick<Catalog, 'services' | 'counters'>, serviceId: string): string[] {
  const service = catalog.services.find((s) => s.id === serviceId);
  if (!service) return [];
  return catalog.counters.filter((c) => c.counterGroup === service.counterGroup).map((c) => c.label);
}
