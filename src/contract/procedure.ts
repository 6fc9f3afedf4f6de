/**
 * The procedure guide: what a citizen must bring, pay and expect for one administrative procedure
 * of the ward, in every language of the robot. The guide is for reference: the legal texts and the
 * province's fee resolutions decide, so the guide carries the date it was last reviewed.
 */
import { z } from 'zod';
import { type Catalog, LocalizedText, Readings } from './catalog';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'lower-case id: letters, digits and dashes');

/** How a document is handed over: kept by the center, or only shown to the officer and given back. */
export const DOCUMENT_FORMS = [
  'original', // bản chính, kept in the dossier
  'copy', // bản sao (a plain photocopy is enough)
  'certified-copy', // bản sao có chứng thực, or a plain copy shown together with the original
  'present', // xuất trình: shown for checking, handed back
] as const;
export const DocumentForm = z.enum(DOCUMENT_FORMS);
export type DocumentForm = z.infer<typeof DocumentForm>;

export const RequiredDocument = z.object({
  name: LocalizedText,
  copies: z.number().int().min(1).max(10),
  form: DocumentForm,
  /** When the document is needed or what may replace it. */
  note: LocalizedText.optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/**
 * `set-by-province`: the amount is fixed by the provincial People's Council (Circular 85/2019/TT-BTC),
 * so the guide cannot state one number for every ward.
 */
export const Fee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free'), note: LocalizedText.optional() }),
  z.object({ kind: z.literal('fixed'), amountVnd: z.number().int().min(0).max(100_000_000), note: LocalizedText.optional() }),
  z.object({ kind: z.literal('set-by-province'), note: LocalizedText.optional() }),
]);
export type Fee = z.infer<typeof Fee>;

export const ProcessingTime = z.object({
  /** Longest normal duration in working days; 0 = the same day. For sorting, filtering and speech. */
  maxWorkingDays: z.number().int().min(0).max(90),
  /** What the citizen reads, e.g. "Same day; next morning if submitted after 15:00". */
  text: LocalizedText,
});
export type ProcessingTime = z.infer<typeof ProcessingTime>;

/** A link the robot turns into a QR code: only https pages of a Vietnamese government site. */
const GovUrl = z
  .string()
  .max(300)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' && (u.hostname === 'gov.vn' || u.hostname.endsWith('.gov.vn'));
    } catch {
      return false;
    }
  }, 'an https URL on a .gov.vn host');

export const OnlineAvailability = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false) }),
  z.object({
    available: z.literal(true),
    /** full: submitted and paid online, result sent or collected; partial: submitted online, completed at the counter. */
    extent: z.enum(['full', 'partial']),
    url: GovUrl,
  }),
]);
export type OnlineAvailability = z.infer<typeof OnlineAvailability>;

export const LegalDocument = z.object({
  id: Id,
  /** Official number, e.g. "60/2014/QH13". */
  number: z.string().min(1).max(40),
  title: LocalizedText,
});
export type LegalDocument = z.infer<typeof LegalDocument>;

export const Procedure = z.object({
  id: Id,
  fieldId: Id,
  /** The catalog service a citizen takes a ticket for to do this procedure. */
  serviceId: Id,
  /** Counter group that handles it; the same as its service's. */
  counterGroup: z.string().min(1).max(40),
  name: LocalizedText,
  summary: LocalizedText,
  documents: z.array(RequiredDocument).max(15),
  fee: Fee,
  processingTime: ProcessingTime,
  online: OnlineAvailability,
  /** Ids into ProcedureGuide.legalDocuments. Reference only. */
  legalBasis: z.array(Id).max(8),
  /** Extra words people search with ("giấy khai sinh", "cưới"), any language. */
  keywords: z.array(z.string().min(1).max(40)).max(20).default([]),
  readings: Readings.optional(),
});
export type Procedure = z.infer<typeof Procedure>;
export type ProcedureInput = z.input<typeof Procedure>;

export const ProcedureGuide = z
  .object({
    /** The day the data was compiled, YYYY-MM-DD; a center checks it against current law and its province's fees. */
    compiledOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Shown with every procedure: the guide is for reference, the officer decides. */
    disclaimer: LocalizedText,
    legalDocuments: z.array(LegalDocument).max(100),
    procedures: z.array(Procedure).min(1).max(500),
  })
  .superRefine((g, ctx) => {
    const laws = new Set(g.legalDocuments.map((d) => d.id));
    const seen = new Set<string>();
    g.procedures.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'id'], message: `duplicate procedure id "${p.id}"` });
      seen.add(p.id);
      p.legalBasis.forEach((id, j) => {
        if (!laws.has(id)) ctx.addIssue({ code: 'custom', path: ['procedures', i, 'legalBasis', j], message: `no legal document "${id}"` });
      });
    });
  });
export type ProcedureGuide = z.infer<typeof ProcedureGuide>;

/**
 * What ties a guide to a catalog: every procedure's ticket service and field exist, and the
 * procedure names the counter group its service is served at. Empty when they agree.
 */
export function procedureCatalogProblems(guide: ProcedureGuide, catalog: Catalog): string[] {
  const services = new Map(catalog.services.map((s) => [s.id, s]));
  const fields = new Set(catalog.fields.map((f) => f.id));
  const problems: string[] = [];
  guide.procedures.forEach((p, i) => {
    const where = `procedures.${i} (${p.id})`;
    const service = services.get(p.serviceId);
    if (!service) problems.push(`${where}.serviceId: no service "${p.serviceId}" in the catalog`);
    else if (service.counterGroup !== p.counterGroup) problems.push(`${where}.counterGroup: "${p.counterGroup}" but its service is served at "${service.counterGroup}"`);
    if (!fields.has(p.fieldId)) problems.push(`${where}.fieldId: no field "${p.fieldId}" in the catalog`);
  });
  return problems;
}
