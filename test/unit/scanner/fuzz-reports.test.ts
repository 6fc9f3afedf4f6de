/**
 * Fuzzing the HID report decoders and the serial line framer with fast-check: random reports
 * of any length and content, and valid POS packets with random fields. No exception escapes,
 * decoded codes never exceed the bound, every call is fast.
 */
import fc from 'fast-check';
import { decodePosReport, KeyboardReportDecoder, PosCodeAssembler } from '../../../src/controller/devices/scanner/hid-reports';
import { LineFramer, SERIAL_TERMINATORS } from '../../../src/controller/devices/scanner/line-framer';

const TERMINATOR_BYTE = { cr: 0x0d, lf: 0x0a, crlf: 0x0a, tab: 0x09, etx: 0x03 } as const;
const byte = fc.integer({ min: 0, max: 255 });
const anyReport = fc.oneof(
  fc.array(byte, { maxLength: 80 }),
  fc.array(fc.oneof(byte, fc.integer(), fc.double()), { maxLength: 70 }), // not even bytes
  fc.tuple(fc.constantFrom(2), byte, fc.array(byte, { minLength: 62, maxLength: 62 })).map(([id, len, rest]) => [id, len, ...rest]),
);

describe('fuzzing the HID report decoders', () => {
  it('decodePosReport: 15000 random reports, no throw, lengths within the packet', () => {
    fc.assert(
      fc.property(anyReport, (report) => {
        const p = decodePosReport(report);
        if (p.ok && (p.data.length > 56 || report.length < 64)) throw new Error('decoded beyond the packet');
      }),
      { numRuns: 15_000 },
    );
  });

  it('PosCodeAssembler: 3000 random report sequences, codes never over the bound', () => {
    fc.assert(
      fc.property(fc.array(anyReport, { maxLength: 40 }), fc.integer({ min: 1, max: 500 }), (reports, max) => {
        const a = new PosCodeAssembler(max);
        for (const r of reports) {
          const out = a.push(r);
          if (out.kind === 'code' && out.bytes.length > max) throw new Error('code over the bound');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('KeyboardReportDecoder: 5000 random report sequences, one character per new key at most', () => {
    fc.assert(
      fc.property(fc.array(anyReport, { maxLength: 40 }), fc.option(byte, { nil: undefined }), (reports, reportId) => {
        const d = new KeyboardReportDecoder(reportId);
        for (const r of reports) {
          const started = performance.now();
          const out = d.push(r);
          if (out.length > 6) throw new Error('more keys than a boot report holds');
          if (out.some((k) => k.kind === 'char' && k.char.length !== 1)) throw new Error('not one character');
          if (performance.now() - started > 100) throw new Error('slow');
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('LineFramer: 3000 random byte streams, lines never over the bound and free of the terminator', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SERIAL_TERMINATORS), fc.integer({ min: 1, max: 64 }), fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 10 }), (t, max, chunks) => {
        const f = new LineFramer(t, max);
        for (const c of chunks) {
          for (const line of f.push(c)) {
            if (line.kind === 'line' && (line.bytes.length > max || line.bytes.length === 0)) throw new Error('bad line length');
            if (line.kind === 'line' && line.bytes.includes(TERMINATOR_BYTE[t])) throw new Error('terminator inside a line');
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
