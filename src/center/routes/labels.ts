/**
 * GET /v1/labels: the words for every id a page shows (counters, counter groups, services, the
 * center's name) in the five languages, so no page ever shows "civil-status" or "counter-1".
 */
import type { FastifyInstance } from 'fastify';
import type { LocalizedText } from '../../contract/catalog';
import type { PageLabels } from '../../contract/sync';
import { LANGUAGES, type Language } from '../../contract/version';
import { CENTER_TIME_ZONE } from '../../core/business-day';
import type { CenterContext } from '../context';

interface CatalogCounter {
  id: string;
  label: string;
  labels?: Partial<Record<Language, string>>;
}

const each = (f: (l: Language) => string) => Object.fromEntries(LANGUAGES.map((l) => [l, f(l)])) as LocalizedText;

export function pageLabels(ctx: Pick<CenterContext, 'catalog' | 'counters'>): Omit<PageLabels, 'serverTime'> {
  const fromCatalog = new Map(((ctx.catalog as { counters?: CatalogCounter[] }).counters ?? []).map((c) => [c.id, c]));
  const counters = ctx.counters.map((c) => {
    const signs = fromCatalog.get(c.id)?.labels ?? {};
    return { id: c.id, counterGroup: c.counterGroup, label: each((l) => signs[l] ?? c.label) };
  });
  const fields = new Map(ctx.catalog.fields.map((f) => [f.id, f.name]));
  const groups: Record<string, LocalizedText> = {};
  for (const g of new Set(ctx.counters.map((c) => c.counterGroup))) {
    const signs = counters.filter((c) => c.counterGroup === g);
    groups[g] = fields.get(g) ?? each((l) => signs.map((c) => c.label[l]).join(', '));
  }
  const services = Object.fromEntries(ctx.catalog.services.map((s) => [s.id, s.name]));
  const categories = Object.fromEntries(ctx.catalog.priorityCategories.map((c) => [c.id, c.name]));
  return { centerName: ctx.catalog.centerName, timeZone: CENTER_TIME_ZONE, counters, groups, services, fields: Object.fromEntries(fields), categories };
}

export function labelRoutes(app: FastifyInstance, ctx: CenterContext): void {
  const labels = pageLabels(ctx);
  app.get('/v1/labels', async (): Promise<PageLabels> => ({ ...labels, serverTime: ctx.now() }));
}
