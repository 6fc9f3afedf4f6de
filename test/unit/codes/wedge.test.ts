import { classifyKeystrokes, WedgeListener, type KeyStroke } from '../../../src/core/codes';

/** Keys of `text` then Enter, with the given gaps (ms) cycling; starts at `t0`. */
function typed(text: string, gaps: number[], t0 = 1000): KeyStroke[] {
  const out: KeyStroke[] = [];
  let t = t0;
  [...text, 'Enter'].forEach((key, i) => {
    if (i > 0) t += gaps[(i - 1) % gaps.length] ?? 0;
    out.push({ key, at: t });
  });
  return out;
}

const CODE = '000.00.01.H29-240115-0001';
// A keyboard-mode scanner at USB full speed: a report every 8 ms, key down + key up = 16 ms per character,
// with the odd 24 ms when the host misses a poll.
const SCANNER_GAPS = [16, 16, 17, 15, 16, 24, 16, 16];
// A person typing from a receipt: 110–420 ms, looking down now and then.
const HUMAN_GAPS = [180, 140, 260, 120, 420, 150, 110, 300];
// A fast typist in a burst: still 55–90 ms per key.
const FAST_TYPIST_GAPS = [60, 75, 55, 90, 70, 65];

describe('classifyKeystrokes', () => {
  it('takes a scanner burst for a scan', () => {
    expect(classifyKeystrokes(typed(CODE, SCANNER_GAPS))).toMatchObject({ kind: 'scan', text: CODE });
  });

  it('takes a very fast scanner (2 ms per key) for a scan', () => {
    expect(classifyKeystrokes(typed(CODE, [2, 1, 3]))).toMatchObject({ kind: 'scan', text: CODE });
  });

  it('ignores Shift key events inside a burst (upper-case letters)', () => {
    const strokes = typed('LR1A.abc', [16]);
    strokes.splice(1, 0, { key: 'Shift', at: strokes[0]!.at + 3 });
    expect(classifyKeystrokes(strokes)).toMatchObject({ kind: 'scan', text: 'LR1A.abc' });
  });

  it('does not take a person for a scanner, even a fast typist', () => {
    expect(classifyKeystrokes(typed(CODE, HUMAN_GAPS))).toEqual({ kind: 'typing', reason: 'pause' });
    expect(classifyKeystrokes(typed(CODE, FAST_TYPIST_GAPS))).toEqual({ kind: 'typing', reason: 'too-slow' });
  });

  it('one long pause inside an otherwise fast sequence is not a scan', () => {
    const gaps = [...Array(10).fill(16), 400, ...Array(14).fill(16)];
    expect(classifyKeystrokes(typed(CODE, gaps))).toEqual({ kind: 'typing', reason: 'pause' });
  });

  it('needs the terminator and at least 6 characters', () => {
    expect(classifyKeystrokes(typed(CODE, SCANNER_GAPS).slice(0, -1))).toEqual({ kind: 'typing', reason: 'no-terminator' });
    expect(classifyKeystrokes(typed('12345', [10]))).toEqual({ kind: 'typing', reason: 'too-short' });
    expect(classifyKeystrokes(typed('123456', [10]))).toMatchObject({ kind: 'scan' });
  });

  it('named keys (arrows, Backspace) inside mean a person is editing', () => {
    const strokes = typed('1234567', [10]);
    strokes.splice(3, 0, { key: 'Backspace', at: strokes[2]!.at + 5 });
    expect(classifyKeystrokes(strokes)).toMatchObject({ kind: 'typing' });
  });

  it('a clock going backwards is not trusted', () => {
    const strokes = typed(CODE, SCANNER_GAPS);
    strokes[5] = { ...strokes[5]!, at: 0 };
    expect(classifyKeystrokes(strokes)).toEqual({ kind: 'typing', reason: 'clock' });
  });

  it('accepts Tab as terminator when configured', () => {
    const strokes = typed(CODE, SCANNER_GAPS).map((s) => (s.key === 'Enter' ? { ...s, key: 'Tab' } : s));
    expect(classifyKeystrokes(strokes)).toMatchObject({ kind: 'typing' });
    expect(classifyKeystrokes(strokes, { terminators: ['Tab'] })).toMatchObject({ kind: 'scan', text: CODE });
  });
});

describe('WedgeListener', () => {
  it('separates earlier human typing from a following scan', () => {
    const listener = new WedgeListener();
    const person = typed('hộ tịch', HUMAN_GAPS, 0).slice(0, -1); // typed into a search box, no Enter
    const scan = typed(CODE, SCANNER_GAPS, 10_000);
    const verdicts = [...person, ...scan].map((s) => listener.push(s)).filter((v) => v !== undefined);
    expect(verdicts).toEqual([expect.objectContaining({ kind: 'scan', text: CODE })]);
  });

  it('a person typing the same code and pressing Enter is typing', () => {
    const listener = new WedgeListener();
    const verdicts = typed(CODE, HUMAN_GAPS).map((s) => listener.push(s)).filter((v) => v !== undefined);
    expect(verdicts).toEqual([expect.objectContaining({ kind: 'typing' })]);
  });

  it('two scans back to back give two verdicts', () => {
    const listener = new WedgeListener();
    const first = typed('ABCDEFG', [12], 0);
    const second = typed('1234567', [12], 2000);
    const verdicts = [...first, ...second].map((s) => listener.push(s)).filter((v) => v !== undefined);
    expect(verdicts.map((v) => v.kind === 'scan' && v.text)).toEqual(['ABCDEFG', '1234567']);
  });

  it('bounds memory and refuses an endless burst', () => {
    const listener = new WedgeListener({ maxLength: 100 });
    const flood = typed('x'.repeat(5000), [1]);
    const verdicts = flood.map((s) => listener.push(s)).filter((v) => v !== undefined);
    expect(verdicts).toEqual([{ kind: 'typing', reason: 'too-long' }]);
  });
});
