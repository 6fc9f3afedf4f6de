/**
 * Fuzzing every code parser with fast-check: random text, random bytes, valid codes with
 * random edits, and floods over 2 KB. Whatever comes in: no exception escapes, every call
 * returns quickly (a catastrophic regex would show here), over-2-KB input is SCAN_TOO_LONG,
 * failures carry a known error code, successes match the contract's ParsedCode schema.
 * Over 100k inputs in total; the counter below proves it.
 */
import fc from 'fast-check';
import { ERROR_CODES, ParsedCode } from '../../../src/contract';
import {
  classifyKeystrokes,
  cleanScanText,
  detectCode,
  encodeAppointmentCode,
  encodeBadgeCode,
  parseAppointmentCode,
  parseBadgeCode,
  parseDossierCode,
  parseDossierOrReceipt,
  parsePortalLink,
  parseTicketQr,
  ticketStatusUrl,
  utf8Length,
  type CodeResult,
} from '../../../src/core/codes';
import { END_OF_DAY, makeCenterKeys, SLOT_0930 } from './center-keys';

/** Generous for a loaded CI machine; a catastrophic regex on 2 KB takes seconds. */
// catastrophic backtracking takes seconds to minutes per input; a loaded CI machine's GC pause or
// descheduling takes a few hundred ms, which is not what this bound is for
const MAX_MS_PER_CALL = 2_000;
const KNOWN_CODES = new Set<string>(ERROR_CODES);

describe('fuzzing the code parsers', () => {
  const center = makeCenterKeys();
  const base = 'http://10.0.0.5:8080';
  const ctx = { now: SLOT_0930 * 1000, verify: center.verify, ticketBaseUrl: base };
  const samples = [
    encodeAppointmentCode({ a: 'APT-1', s: 'ho-tich', t: SLOT_0930, x: END_OF_DAY, n: 'Ng*** A' }, center.sign),
    encodeBadgeCode({ b: 'T-7', r: 'technician', i: SLOT_0930 - 86400, x: END_OF_DAY }, center.sign),
    '000.00.01.H29-240115-0001',
    '38.98.H29-210519-0013',
    'UBND PHƯỜNG BẠCH MAI\nMã hồ sơ: 000.00.01.H29-240115-0001\nNgày hẹn trả: 22/01/2024',
    'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maHoSo=000.00.01.H29-240115-0001',
    ticketStatusUrl(base, '0b6c1f9e-7a51-4c1e-9a7e-3f2d8c4b5a61'),
    ']Q1LR1A.\r\n',
  ];

  const edit = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'),
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
  });
  const mutated = fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([s, edits]) =>
    edits.reduce((acc, e) => {
      const i = e.at % (acc.length + 1);
      if (e.op === 'delete') return acc.slice(0, i) + acc.slice(i + 1);
      if (e.op === 'insert') return acc.slice(0, i) + e.text + acc.slice(i);
      if (e.op === 'duplicate') return acc.slice(0, i) + acc.slice(i, i + 20) + acc.slice(i);
      return acc.slice(0, i) + e.text + acc.slice(i + e.text.length);
    }, s),
  );
  const flood = fc
    .tuple(fc.constantFrom('x', 'ệ', '\u0000', '😀', '000.00.01.H29-240115-0001 ', 'LR1A.'), fc.integer({ min: 2049, max: 40_000 }))
    .map(([unit, bytes]) => unit.repeat(Math.ceil(bytes / utf8Length(unit))));
  const structured = fc.oneof(
    fc.stringMatching(/^(?:[0-9A-Z]{2,3}\.){0,4}[A-Z0-9]{3}-\d{5,7}-\d{3,7}$/),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.tuple(fc.constantFrom('LR1A.', 'LR1B.'), fc.base64String(), fc.constantFrom('.', '..', ''), fc.base64String()).map((p) => p.join('')),
  );
  const anyText = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
    { weight: 4, arbitrary: mutated },
    { weight: 2, arbitrary: structured },
    { weight: 1, arbitrary: flood },
  );

  let inputs = 0;
  afterAll(() => {
    expect(inputs).toBeGreaterThanOrEqual(100_000);
  });

  function checkResult(input: string, run: () => CodeResult<unknown>, schemaCheck: boolean): void {
    inputs++;
    const started = performance.now();
    const r = run();
    const took = performance.now() - started;
    if (took > MAX_MS_PER_CALL) throw new Error(`took ${took.toFixed(1)} ms`);
    if (r.ok) {
      if (schemaCheck) ParsedCode.parse(r.value);
    } else {
      if (!KNOWN_CODES.has(r.code)) throw new Error(`unknown error code ${r.code}`);
      if (typeof r.detail !== 'string') throw new Error('detail must be a string');
    }
    if (utf8Length(input) > 2048 && (r.ok || r.code !== 'SCAN_TOO_LONG')) throw new Error('over 2 KB not refused as too long');
  }

  const parsers: Array<[string, number, (t: string) => CodeResult<unknown>, boolean]> = [
    ['detectCode', 30_000, (t) => detectCode(t, ctx), true],
    ['cleanScanText', 12_000, (t) => cleanScanText(t), false],
    ['parseAppointmentCode', 10_000, (t) => parseAppointmentCode(t, ctx), true],
    ['parseBadgeCode', 10_000, (t) => parseBadgeCode(t, ctx), true],
    ['parseDossierCode', 10_000, (t) => parseDossierCode(t, ctx), false],
    ['parseDossierOrReceipt', 10_000, (t) => parseDossierOrReceipt(t, ctx), true],
    ['parsePortalLink', 10_000, (t) => parsePortalLink(t, ctx), true],
    ['parseTicketQr', 10_000, (t) => parseTicketQr(t, base), true],
  ];

  it.each(parsers)('%s: %d inputs, no throw, bounded time, typed results', (_name, numRuns, run, schemaCheck) => {
    fc.assert(
      fc.property(anyText, (text) => checkResult(text, () => run(text), schemaCheck)),
      { numRuns },
    );
  });

  it('a valid code parses the same with any scanner framing around it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples.slice(0, 7)), fc.constantFrom('', '\r', '\r\n', '\n', '\t', ' '), fc.constantFrom('', ']Q1', '\u0002'), (s, suffix, prefix) => {
        inputs++;
        const framed = detectCode(prefix + s + suffix, ctx);
        const bare = detectCode(s, ctx);
        return framed.ok && bare.ok && JSON.stringify(framed.value) === JSON.stringify(bare.value);
      }),
      { numRuns: 2000 },
    );
  });

  it('ticket links with any id: a success is always a valid contract ParsedCode', () => {
    const id = fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-fA-F-]{30,40}$/), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(id, fc.constantFrom('', '/', '?x=1', '#f'), (ticketId, tail) => {
        const text = `${base}/t/${ticketId}${tail}`;
        checkResult(text, () => detectCode(text, ctx), true);
      }),
      { numRuns: 3000 },
    );
  });

  it('classifyKeystrokes: 8000 random key sequences, no throw, a scan only when fast and terminated', () => {
    const stroke = fc.record({ key: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom('Enter', 'Shift', 'Tab', 'Backspace')), gap: fc.integer({ min: -5, max: 500 }) });
    fc.assert(
      fc.property(fc.array(stroke, { maxLength: 80 }), (list) => {
        inputs++;
        let t = 0;
        const strokes = list.map((s) => ({ key: s.key, at: (t += s.gap) }));
        const v = classifyKeystrokes(strokes);
        if (v.kind === 'scan') {
          if (strokes[strokes.length - 1]?.key !== 'Enter') throw new Error('scan without terminator');
          if (v.medianGapMs > 35) throw new Error('scan slower than the median bound');
        }
      }),
      { numRuns: 8000 },
    );
  });
});
