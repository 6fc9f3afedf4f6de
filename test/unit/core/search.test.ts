import fc from 'fast-check';
import type { Language } from '../../../src/contract';
import { DEMO_CATALOG, DEMO_PROCEDURES } from '../../../src/controller/config/demo-catalog';
import { buildSearchIndex, foldText, MAX_QUERY_LENGTH, procedureSearchIndex, search, serviceSearchIndex } from '../../../src/core/search';

const indexes = new Map<Language, ReturnType<typeof procedureSearchIndex>>();
const procedures = (language: Language) => {
  if (!indexes.has(language)) indexes.set(language, procedureSearchIndex(DEMO_PROCEDURES.procedures, language));
  return indexes.get(language)!;
};
const ids = (query: string, language: Language = 'vi', limit?: number) => search(procedures(language), query, { limit }).map((h) => h.item.id);
const first = (query: string, language: Language = 'vi') => ids(query, language)[0];

describe('foldText', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ki khai sinh'],
    ['ĐĂNG KÝ KHAI SINH', 'dang ki khai sinh'],
    ['Chứng thực bản sao', 'chung thuc ban sao'],
    ['Hộ tịch – Tư pháp', 'ho tich – tu phap'],
    ['Trợ cấp xã hội hàng tháng', 'tro cap xa hoi hang thang'],
    ['Người được ủy quyền', 'nguoi duoc ui quien'],
    ['ｋｈａｉ　ｓｉｎｈ', 'khai sinh'],
  ])('%s -> %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('folds precomposed and decomposed Vietnamese the same way', () => {
    expect(foldText('Đăng ký'.normalize('NFD'))).toBe(foldText('Đăng ký'.normalize('NFC')));
  });
});

describe('procedure search, Vietnamese as visitors type it', () => {
  it.each([
    'khai sinh', 'khaisinh', 'KHAI SINH', 'Khai Sinh', '  khai   sinh ', 'đăng ký khai sinh', 'Đăng ký khai sinh', 'dang ky khai sinh',
    'DANG KY KHAI SINH', 'dangkykhaisinh', 'đăng kí khai sinh', 'dang ki khai sinh', 'Đăng ký khai sinh'.normalize('NFD'),
    'giấy khai sinh', 'giay khai sinh', 'ｋｈａｉ　ｓｉｎｈ', 'dkks',
  ])('"%s" finds Đăng ký khai sinh first', (query) => {
    expect(first(query)).toBe('birth-registration');
  });

  it.each([
    ['kết hôn', 'marriage-registration'],
    ['ket hon', 'marriage-registration'],
    ['kethon', 'marriage-registration'],
    ['cưới', 'marriage-registration'],
    ['cuoi', 'marriage-registration'],
    ['kết hôn với người nước ngoài', 'foreign-marriage-registration'],
    ['khai tử', 'death-registration'],
    ['khai tu', 'death-registration'],
    ['giấy chứng tử', 'death-registration'],
    ['độc thân', 'marital-status-certificate'],
    ['xac nhan tinh trang hon nhan', 'marital-status-certificate'],
    ['nhận con', 'parent-child-recognition'],
    ['đổi tên', 'civil-status-correction'],
    ['cai chinh', 'civil-status-correction'],
    ['trích lục', 'civil-status-extract-copy'],
    ['giám hộ', 'guardianship-registration'],
    ['khai sinh quá hạn', 'late-birth-registration'],
    ['khai sinh nước ngoài', 'foreign-birth-registration'],
    ['quốc tịch', 'foreign-birth-registration'],
    ['sao y', 'copy-certification'],
    ['sao y ban chinh', 'copy-certification'],
    ['chứng thực chữ ký', 'signature-certification'],
    ['hợp đồng', 'contract-certification'],
    ['dịch thuật', 'translator-signature-certification'],
    ['sổ đỏ', 'land-registration'],
    ['so do', 'land-registration'],
    ['sang tên', 'land-change-registration'],
    ['xây nhà', 'house-building-permit'],
    ['giay phep xay dung', 'house-building-permit'],
    ['sửa nhà', 'house-renovation-permit'],
    ['giấy phép kinh doanh', 'household-business-registration'],
    ['hộ kinh doanh', 'household-business-registration'],
    ['trợ cấp', 'monthly-social-allowance'],
    ['mai táng', 'funeral-support'],
    ['hộ nghèo', 'poor-household-recognition'],
    ['can ngheo', 'poor-household-recognition'],
    ['bhyt', 'child-health-insurance'],
    ['BHYT', 'child-health-insurance'],
    ['bảo hiểm y tế', 'child-health-insurance'],
    ['khuyết tật', 'disability-certification'],
    ['trả kết quả', 'result-pickup'],
    ['lấy kết quả', 'result-pickup'],
    ['nhan ket qua', 'result-pickup'],
  ])('"%s" -> %s', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('lists every procedure whose name contains the words, the more general one first', () => {
    expect(ids('khai sinh').slice(0, 2)).toEqual(['birth-registration', 'late-birth-registration']);
    expect(ids('ket hon').slice(0, 2)).toEqual(['marriage-registration', 'foreign-marriage-registration']);
    expect(ids('chung thuc')).toEqual(expect.arrayContaining(['copy-certification', 'signature-certification', 'contract-certification', 'translator-signature-certification']));
  });

  it('finds nothing for words of no procedure', () => {
    expect(ids('xe máy')).toEqual([]);
    expect(ids('passport renewal zzz')).toEqual([]);
  });
});

describe('procedure search in the other languages', () => {
  it.each<[Language, string, string]>([
    ['en', 'birth', 'birth-registration'],
    ['en', 'Birth Registration', 'birth-registration'],
    ['en', 'marriage', 'marriage-registration'],
    ['en', 'death', 'death-registration'],
    ['en', 'building permit', 'house-building-permit'],
    ['en', 'household business', 'household-business-registration'],
    ['en', 'funeral', 'funeral-support'],
    ['en', 'birth foreign parent', 'foreign-birth-registration'],
    ['en', 'collect', 'result-pickup'],
    ['zh', '出生', 'birth-registration'],
    ['zh', '出生登记', 'birth-registration'],
    ['zh', '结婚', 'marriage-registration'],
    ['zh', '死亡', 'death-registration'],
    ['zh', '认证', 'signature-certification'],
    ['zh', '医保卡', 'child-health-insurance'],
    ['zh', '个体户', 'household-business-registration'],
    ['ko', '출생', 'birth-registration'],
    ['ko', '출생 등록', 'birth-registration'],
    ['ko', '출생등록', 'birth-registration'],
    ['ko', '혼인', 'marriage-registration'],
    ['ko', '장례비', 'funeral-support'],
    ['ko', '건축 허가', 'house-building-permit'],
    ['ja', '出生届', 'birth-registration'],
    ['ja', '婚姻届', 'marriage-registration'],
    ['ja', '死亡届', 'death-registration'],
    ['ja', '建築許可', 'house-building-permit'],
    ['ja', '障害', 'disability-certification'],
  ])('%s "%s" -> %s', (language, query, id) => {
    expect(first(query, language)).toBe(id);
  });

  it('finds a procedure by its Vietnamese name whatever the screen language (the signs are in Vietnamese)', () => {
    expect(first('khai sinh', 'ja')).toBe('birth-registration');
    expect(first('chứng thực bản sao', 'en')).toBe('copy-certification');
  });

  it('matches a Korean syllable while it is still being typed', () => {
    // 추 is the first two jamo of 출 (출생): the search folds both into jamo
    expect(first('추', 'ko')).toBe('birth-registration');
  });
});

describe('ranking', () => {
  const index = buildSearchIndex(
    ['Tkhaisinhx', 'Sinh khai', 'Đăng ký khai sinh', 'Khai sinh quá hạn', 'Khai sinh', 'Không liên quan'].map((name) => ({ item: name, names: [name] })),
  );
  const order = (q: string) => search(index, q).map((h) => h.item);

  it('orders exact, starts-with, words in sequence, words in any order, then substring', () => {
    expect(order('khai sinh')).toEqual(['Khai sinh', 'Khai sinh quá hạn', 'Đăng ký khai sinh', 'Sinh khai', 'Tkhaisinhx']);
  });

  it('puts a word that starts with the query above one that only contains it', () => {
    const i = buildSearchIndex([{ item: 'inside', names: ['Phòng khám'] }, { item: 'start', names: ['Khám bệnh'] }]);
    expect(search(i, 'kham').map((h) => h.item)).toEqual(['start', 'inside']);
  });

  it('ranks, at equal match quality, a name above a keyword above a summary', () => {
    const i = buildSearchIndex([
      { item: 'summary', names: ['Khác'], details: ['Khai sinh cho trẻ em'] },
      { item: 'keyword', names: ['Khác nữa'], keywords: ['khai sinh'] },
      { item: 'name', names: ['Khai sinh'] },
    ]);
    expect(search(i, 'khai sinh').map((h) => h.item)).toEqual(['name', 'keyword', 'summary']);
  });

  it('prefers the visitor-language name when two entries match equally', () => {
    const i = buildSearchIndex([
      { item: 'other', names: ['Foo', 'Visa'] },
      { item: 'mine', names: ['Visa', 'Foo'] },
    ]);
    expect(search(i, 'visa').map((h) => h.item)).toEqual(['mine', 'other']);
  });

  it('does not match one Latin letter inside words, only at their start', () => {
    const i = buildSearchIndex([{ item: 'inside', names: ['Bản sao'] }, { item: 'start', names: ['Sao y'] }]);
    expect(search(i, 'a').map((h) => h.item)).toEqual([]);
    expect(search(i, 's').map((h) => h.item)).toEqual(['start', 'inside']);
  });
});

describe('bounds', () => {
  it('matches nothing for an empty or blank query', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids(' - , . ')).toEqual([]);
  });

  it(`reads only the first ${MAX_QUERY_LENGTH} characters of a query`, () => {
    const pad = 'khai sinh '.repeat(10).slice(0, MAX_QUERY_LENGTH);
    expect(ids(pad + 'zzzz')).toEqual(ids(pad));
    // a million characters pasted or sent by a hostile client: answered from the first 100 alone
    const huge = 'khai sinh '.repeat(100_000);
    expect(ids(huge)).toEqual(ids(huge.slice(0, MAX_QUERY_LENGTH)));
    expect(ids(huge).length).toBeGreaterThan(0);
  });

  it('returns at most `limit` results', () => {
    expect(ids('d', 'vi', 3)).toHaveLength(3);
    expect(ids('d', 'vi', 0)).toEqual([]);
    expect(ids('d', 'vi', -5)).toEqual([]);
  });

  it('never throws and returns only indexed items, best first, for any input', () => {
    const known = new Set(DEMO_PROCEDURES.procedures.map((p) => p.id));
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), fc.integer({ min: -3, max: 40 }), (q, limit) => {
        const hits = search(procedures('vi'), q, { limit });
        expect(hits.length).toBeLessThanOrEqual(Math.max(0, limit));
        for (const h of hits) expect(known.has(h.item.id)).toBe(true);
        for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      }),
      { numRuns: 300 },
    );
  });
});

describe('service search', () => {
  it('finds catalog services the same way', () => {
    const index = serviceSearchIndex(DEMO_CATALOG, 'vi');
    expect(search(index, 'khaisinh')[0]?.item.id).toBe('birth-registration');
    expect(search(index, 'NHAN KET QUA')[0]?.item.id).toBe('result-pickup');
    expect(search(serviceSearchIndex(DEMO_CATALOG, 'zh'), '结婚')[0]?.item.id).toBe('marriage-registration');
  });
});
