import { z } from 'zod';
import { LANGUAGES } from './version';
import { CatalogQueueFields, NumberingRule } from './catalog-queue';

/** A text in every language of the robot: missing languages are a validation error. */
export const LocalizedText = z.object(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.string().min(1).max(300)])) as Record<
    (typeof LANGUAGES)[number],
    z.ZodString
  >,
);
export type LocalizedText = z.infer<typeof LocalizedText>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lower-case id: letters, digits and dashes');

/**
 * How a name is typed where its script is not on the kiosk's keyboard: pinyin for Chinese, kana
 * for Japanese (scripts/catalog-readings.mjs writes them). Search matches them like names.
 */
export const Readings = z.partialRecord(z.enum(LANGUAGES), z.array(z.string().min(1).max(120)).max(6));
export type Readings = z.infer<typeof Readings>;

export const Field = z.object({ id: Id, name: LocalizedText });
export type Field = z.infer<typeof Field>;

export const Service = z.object({
  id: Id,
  fieldId: Id,
  name: LocalizedText,
  /** One or two capital letters printed before the number, e.g. "A" -> A001. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  counterGroup: z.string().min(1).max(40),
  expectedServiceMinutes: z.number().int().min(1).max(240),
  readings: Readings.optional(),
});
export type Service = z.infer<typeof Service>;

export const Catalog = z
  .object({
    centerName: LocalizedText,
    fields: z.array(Field).min(1).max(50),
    services: z.array(Service).min(1).max(500),
    ...CatalogQueueFields,
  })
  .superRefine((c, ctx) => {
    const fieldIds = new Set(c.fields.map((f) => f.id));
    const seen = new Set<string>();
    c.services.forEach((s, i) => {
      if (!fieldIds.has(s.fieldId)) ctx.addIssue({ code: 'custom', path: ['services', i, 'fieldId'], message: `no field "${s.fieldId}"` });
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate service id "${s.id}"` });
      seen.add(s.id);
    });
    for (const [prefix, override] of Object.entries(c.numberingByPrefix)) {
      const merged = NumberingRule.safeParse({ ...c.numbering, ...override });
      if (!merged.success) ctx.addIssue({ code: 'custom', path: ['numberingByPrefix', prefix], message: merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    const categoryIds = new Set<string>();
    c.priorityCategories.forEach((p, i) => {
      if (categoryIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['priorityCategories', i, 'id'], message: `duplicate category "${p.id}"` });
      categoryIds.add(p.id);
    });
    const counterIds = new Set<string>();
    c.counters.forEach((k, i) => {
      if (counterIds.has(k.id)) ctx.addIssue({ code: 'custom', path: ['counters', i, 'id'], message: `duplicate counter "${k.id}"` });
      counterIds.add(k.id);
    });
  });
export type Catalog = z.infer<typeof Catalog>;
export type CatalogInput = z.input<typeof Catalog>;
