import { LANGUAGES, type Catalog, type Language } from '../contract';

/**
 * Where a visitor with a ticket for `serviceId` goes: the counters of the service's counter group,
 * in catalog order. Printed on the ticket and shown on the screen from this one rule so the two
 * never disagree. Empty when the catalog lists no counters.
 *
 * The signs above the counters are Vietnamese, so a foreign visitor is told both: "Counter 1
 * (Quầy 1)". A counter without a translation reads "Quầy 1" in every language.
 */
export function counterLabelsFor(catalog: Pick<Catalog, 'services' | 'counters'>, serviceId: string, language: Language = 'vi'): string[] {
  const service = catalog.services.find((s) => s.id === serviceId);
  if (!service) return [];
  return catalog.counters
    .filter((c) => c.counterGroup === service.counterGroup)
    .map((c) => {
      const own = c.labels?.[language];
      return own && own !== c.label ? `${own} (${c.label})` : c.label;
    });
}

/** The same, joined, for every language: what the ticket prints on its language line and its Vietnamese line. */
export function whereToGoText(catalog: Pick<Catalog, 'services' | 'counters'>, serviceId: string): Record<Language, string> | undefined {
  if (counterLabelsFor(catalog, serviceId).length === 0) return undefined;
  return Object.fromEntries(LANGUAGES.map((l) => [l, counterLabelsFor(catalog, serviceId, l).join(', ')])) as Record<Language, string>;
}
