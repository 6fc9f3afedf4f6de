import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, ProcedureGuide, procedureCatalogProblems, type LocalizedText, type Procedure } from '../../../src/contract';
import { DEMO_CATALOG, DEMO_PROCEDURES } from '../../../src/controller/config/demo-catalog';

const FILE = join(__dirname, '..', '..', '..', 'assets', 'catalog', 'procedures.json');
const raw = (): unknown => JSON.parse(readFileSync(FILE, 'utf8'));

/** Every translated text of a procedure, with where it sits, for the language checks below. */
function textsOf(p: Procedure): { where: string; text: LocalizedText }[] {
  const out = [
    { where: 'name', text: p.name },
    { where: 'summary', text: p.summary },
    { where: 'processingTime', text: p.processingTime.text },
  ];
  if (p.fee.note) out.push({ where: 'fee.note', text: p.fee.note });
  p.documents.forEach((d, i) => {
    out.push({ where: `documents.${i}.name`, text: d.name });
    if (d.note) out.push({ where: `documents.${i}.note`, text: d.note });
  });
  return out.map((t) => ({ ...t, where: `${p.id} ${t.where}` }));
}

const allTexts = () => [
  ...DEMO_PROCEDURES.procedures.flatMap(textsOf),
  ...DEMO_PROCEDURES.legalDocuments.map((d) => ({ where: `law ${d.id}`, text: d.title })),
  { where: 'disclaimer', text: DEMO_PROCEDURES.disclaimer },
];

const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe('assets/catalog/procedures.json', () => {
  it('validates against the contract and is what the controller ships', () => {
    const parsed = ProcedureGuide.safeParse(raw());
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(parsed.data).toEqual(DEMO_PROCEDURES);
  });

  it('has at least 25 procedures covering every field of a ward center', () => {
    const { procedures } = DEMO_PROCEDURES;
    expect(procedures.length).toBeGreaterThanOrEqual(25);
    const perField = new Map<string, number>();
    for (const p of procedures) perField.set(p.fieldId, (perField.get(p.fieldId) ?? 0) + 1);
    for (const field of ['civil-status', 'certification', 'land', 'construction', 'business', 'social', 'results']) {
      expect({ field, present: (perField.get(field) ?? 0) > 0 }).toEqual({ field, present: true });
    }
  });

  it('includes each procedure the issue names', () => {
    const ids = DEMO_PROCEDURES.procedures.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        // civil status
        'birth-registration', 'late-birth-registration', 'marriage-registration', 'death-registration', 'marital-status-certificate',
        'parent-child-recognition', 'civil-status-correction', 'civil-status-extract-copy', 'guardianship-registration',
        // certification
        'copy-certification', 'signature-certification', 'contract-certification',
        // land and construction
        'land-registration', 'land-change-registration', 'house-building-permit',
        // business
        'household-business-registration',
        // social protection
        'monthly-social-allowance', 'funeral-support', 'poor-household-recognition', 'child-health-insurance', 'disability-certification',
        // results
        'result-pickup',
      ]),
    );
  });

  it('has unique procedure ids, and every one can be ticketed in the demo catalog at its own counter group', () => {
    const ids = DEMO_PROCEDURES.procedures.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(procedureCatalogProblems(DEMO_PROCEDURES, DEMO_CATALOG)).toEqual([]);
  });

  it('has every text in all five languages, none blank, padded or a copy of the Vietnamese', () => {
    const problems: string[] = [];
    for (const { where, text } of allTexts()) {
      for (const lang of LANGUAGES) {
        const value = text[lang];
        if (!value.trim()) problems.push(`${where} ${lang}: blank`);
        if (value !== value.trim() || /\s{2}/.test(value)) problems.push(`${where} ${lang}: stray spaces`);
        if (lang !== 'vi' && value === text.vi) problems.push(`${where} ${lang}: same as vi`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes each language in its own script', () => {
    const problems: string[] = [];
    for (const { where, text } of allTexts()) {
      if (!HAN.test(text.zh) || HANGUL.test(text.zh) || KANA.test(text.zh)) problems.push(`${where} zh: not Chinese`);
      if (!HANGUL.test(text.ko)) problems.push(`${where} ko: no Hangul`);
      if (!HAN.test(text.ja) && !KANA.test(text.ja)) problems.push(`${where} ja: not Japanese`);
      if (VIETNAMESE_LETTERS.test(text.en) || HAN.test(text.en)) problems.push(`${where} en: not English`);
      if (HAN.test(text.vi) || HANGUL.test(text.vi)) problems.push(`${where} vi: not Vietnamese`);
    }
    // Japanese sentences need kana; a bare name like 出生届 may be all kanji
    for (const p of DEMO_PROCEDURES.procedures) if (!KANA.test(p.summary.ja)) problems.push(`${p.id} summary ja: no kana`);
    expect(problems).toEqual([]);
  });

  it('writes Vietnamese with its diacritics', () => {
    // words that never appear without marks in Vietnamese ("giấy", "người", "đăng", "được", "việc", "phường", "thực", "tịch")
    const bare = /\b(giay|nguoi|dang|duoc|viec|phuong|thuc|tich)\b/i;
    const problems = allTexts().filter(({ text }) => bare.test(text.vi)).map(({ where, text }) => `${where}: ${text.vi}`);
    expect(problems).toEqual([]);
    for (const p of DEMO_PROCEDURES.procedures) expect({ id: p.id, marked: VIETNAMESE_LETTERS.test(p.name.vi) }).toEqual({ id: p.id, marked: true });
  });

  it('links every online procedure to the National Public Service Portal over https', () => {
    const online = DEMO_PROCEDURES.procedures.filter((p) => p.online.available);
    expect(online.length).toBeGreaterThan(10);
    for (const p of online) {
      if (!p.online.available) continue;
      const url = new URL(p.online.url);
      expect({ id: p.id, protocol: url.protocol, host: url.hostname }).toEqual({ id: p.id, protocol: 'https:', host: 'dichvucong.gov.vn' });
    }
  });

  it('states fees and times a citizen can act on', () => {
    for (const p of DEMO_PROCEDURES.procedures) {
      if (p.fee.kind === 'fixed') expect({ id: p.id, positive: p.fee.amountVnd > 0 }).toEqual({ id: p.id, positive: true });
      // "set by the province" without saying so would leave the visitor guessing
      if (p.fee.kind === 'set-by-province') expect({ id: p.id, note: Boolean(p.fee.note) }).toEqual({ id: p.id, note: true });
      expect({ id: p.id, hasDocuments: p.documents.length > 0, hasLaw: p.legalBasis.length > 0 }).toEqual({ id: p.id, hasDocuments: true, hasLaw: true });
    }
    const byId = new Map(DEMO_PROCEDURES.procedures.map((p) => [p.id, p]));
    // anchors from the law: certified copies VND 2,000/page (Circular 226/2016), extract copies VND 8,000
    expect(byId.get('copy-certification')?.fee).toMatchObject({ kind: 'fixed', amountVnd: 2000 });
    expect(byId.get('civil-status-extract-copy')?.fee).toMatchObject({ kind: 'fixed', amountVnd: 8000 });
    expect(byId.get('birth-registration')).toMatchObject({ fee: { kind: 'free' }, processingTime: { maxWorkingDays: 0 } });
  });

  it('cites only legal documents it lists, and lists none it never cites', () => {
    const cited = new Set(DEMO_PROCEDURES.procedures.flatMap((p) => p.legalBasis));
    expect(DEMO_PROCEDURES.legalDocuments.map((d) => d.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});
