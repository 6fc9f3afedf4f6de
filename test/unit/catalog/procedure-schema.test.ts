import { Catalog, ProcedureGuide, procedureCatalogProblems, type ProcedureGuide as Guide } from '../../../src/contract';
import { DEMO_CATALOG, DEMO_PROCEDURES } from '../../../src/controller/config/demo-catalog';

const T = (s: string) => ({ vi: s, en: s, zh: s, ko: s, ja: s });

function guideWith(change: (p: Record<string, unknown>) => void, extra: Partial<Record<keyof Guide, unknown>> = {}): unknown {
  const procedure: Record<string, unknown> = structuredClone(DEMO_PROCEDURES.procedures[0]!);
  change(procedure);
  return { ...structuredClone(DEMO_PROCEDURES), procedures: [procedure], ...extra };
}

const issuesOf = (input: unknown): string[] => {
  const r = ProcedureGuide.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('ProcedureGuide schema', () => {
  it('accepts a minimal procedure and fills in empty keywords', () => {
    const input = guideWith((p) => delete p.keywords);
    const parsed = ProcedureGuide.parse(input);
    expect(parsed.procedures[0]!.keywords).toEqual([]);
  });

  it('refuses a link that is not https on a .gov.vn host', () => {
    for (const url of ['http://dichvucong.gov.vn/p/home/dvc-trang-chu.html', 'https://dichvucong.gov.vn.evil.example/', 'https://example.com/', 'javascript:alert(1)', 'not a url']) {
      const issues = issuesOf(guideWith((p) => (p.online = { available: true, extent: 'full', url })));
      expect({ url, refused: issues.some((i) => i.startsWith('procedures.0.online.url')) }).toEqual({ url, refused: true });
    }
    expect(issuesOf(guideWith((p) => (p.online = { available: true, extent: 'full', url: 'https://dichvucong.hanoi.gov.vn/' })))).toEqual([]);
  });

  it('refuses a missing language, an unknown document form and an unbounded list', () => {
    const { ja: _ja, ...noJapanese } = T('x');
    expect(issuesOf(guideWith((p) => (p.name = noJapanese)))).toEqual([expect.stringMatching(/^procedures\.0\.name\.ja: /)]);
    expect(issuesOf(guideWith((p) => ((p.documents as { form: string }[])[0]!.form = 'photocopy')))).toEqual([expect.stringMatching(/^procedures\.0\.documents\.0\.form: /)]);
    const many = Array.from({ length: 16 }, () => ({ name: T('x'), copies: 1, form: 'original' }));
    expect(issuesOf(guideWith((p) => (p.documents = many)))).toEqual([expect.stringMatching(/^procedures\.0\.documents: /)]);
    expect(issuesOf(guideWith((p) => (p.name = T('x'.repeat(301)))))).not.toEqual([]);
  });

  it('refuses a fee with no amount, a negative amount or an unknown kind', () => {
    expect(issuesOf(guideWith((p) => (p.fee = { kind: 'fixed' })))).not.toEqual([]);
    expect(issuesOf(guideWith((p) => (p.fee = { kind: 'fixed', amountVnd: -1 })))).not.toEqual([]);
    expect(issuesOf(guideWith((p) => (p.fee = { kind: 'donation' })))).not.toEqual([]);
  });

  it('names duplicate procedure ids and citations of unlisted laws', () => {
    const p = structuredClone(DEMO_PROCEDURES.procedures[0]!);
    expect(issuesOf({ ...structuredClone(DEMO_PROCEDURES), procedures: [p, p] })).toEqual([`procedures.1.id: duplicate procedure id "${p.id}"`]);
    expect(issuesOf(guideWith((q) => (q.legalBasis = ['luat-khong-co'])))).toEqual(['procedures.0.legalBasis.0: no legal document "luat-khong-co"']);
  });
});

describe('procedureCatalogProblems', () => {
  it('reports a procedure whose service, field or counter group the catalog does not have', () => {
    const catalog = Catalog.parse({
      ...DEMO_CATALOG,
      services: DEMO_CATALOG.services
        .filter((s) => s.id !== 'death-registration')
        .map((s) => (s.id === 'birth-registration' ? { ...s, counterGroup: 'elsewhere' } : s)),
    });
    const guide = ProcedureGuide.parse({ ...DEMO_PROCEDURES, procedures: DEMO_PROCEDURES.procedures.map((p) => (p.id === 'result-pickup' ? { ...p, fieldId: 'nowhere' } : p)) });
    const problems = procedureCatalogProblems(guide, catalog).join('\n');
    expect(problems).toMatch(/\(death-registration\)\.serviceId: no service "death-registration"/);
    expect(problems).toMatch(/\(birth-registration\)\.counterGroup: "civil-status" but its service is served at "elsewhere"/);
    expect(problems).toMatch(/\(result-pickup\)\.fieldId: no field "nowhere"/);
  });
});
