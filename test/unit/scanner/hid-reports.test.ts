import { decodePosReport, KeyboardReportDecoder, PosCodeAssembler } from '../../../src/controller/devices/scanner/hid-reports';

const pos = (data: string, more = false, aim = ']Q1') => {
  const r = new Array(64).fill(0);
  r[0] = 2;
  r[1] = data.length;
  [...aim].forEach((c, i) => (r[2 + i] = c.charCodeAt(0)));
  [...data].forEach((c, i) => (r[5 + i] = c.charCodeAt(0)));
  r[63] = more ? 1 : 0;
  return r;
};
const text = (out: ReturnType<KeyboardReportDecoder['push']>) => out.map((k) => (k.kind === 'char' ? k.char : `<${k.kind}>`)).join('');

describe('HID POS report decoding', () => {
  it('reads length, AIM id, data and the continuation bit', () => {
    const p = decodePosReport(pos('HELLO', true));
    expect(p).toEqual({ ok: true, data: new Uint8Array([72, 69, 76, 76, 79]), aim: ']Q1', more: true });
  });

  it('ignores other report ids, short reports, a length beyond the data field, non-bytes', () => {
    expect(decodePosReport([1, ...pos('A').slice(1)])).toMatchObject({ ok: false });
    expect(decodePosReport(pos('A').slice(0, 63))).toMatchObject({ ok: false });
    const tooLong = pos('A');
    tooLong[1] = 57;
    expect(decodePosReport(tooLong)).toMatchObject({ ok: false });
    expect(decodePosReport([...pos('A').slice(0, 63), 256])).toMatchObject({ ok: false });
  });

  it('a missing AIM id is reported as none', () => {
    expect(decodePosReport(pos('A', false, '\0\0\0'))).toMatchObject({ ok: true, aim: '' });
  });

  it('assembles packets and refuses past the bound until the code ends', () => {
    const a = new PosCodeAssembler(8);
    expect(a.push(pos('ABCD', true))).toEqual({ kind: 'partial' });
    expect(a.push(pos('EFGH'))).toEqual({ kind: 'code', bytes: new TextEncoder().encode('ABCDEFGH'), aim: ']Q1' });
    expect(a.push(pos('ABCDE', true))).toEqual({ kind: 'partial' });
    expect(a.push(pos('FGHIJ', true))).toEqual({ kind: 'partial' });
    expect(a.push(pos('K'))).toEqual({ kind: 'too-long' });
    expect(a.push(pos('OK'))).toMatchObject({ kind: 'code' });
  });
});

describe('boot keyboard report decoding', () => {
  const k = (mod: number, ...keys: number[]) => [mod, 0, ...keys, ...new Array(6 - keys.length).fill(0)];

  it('types a key once while it is held, and again after release', () => {
    const d = new KeyboardReportDecoder();
    expect(text([k(0, 0x04), k(0, 0x04), k(0), k(0, 0x04)].flatMap((r) => d.push(r)))).toBe('aa');
  });

  it('applies either Shift, and Caps Lock to letters only', () => {
    const d = new KeyboardReportDecoder();
    const out = [k(0x02, 0x0b), k(0), k(0x20, 0x1e), k(0), k(0, 0x39), k(0), k(0, 0x04), k(0), k(0, 0x1e), k(0), k(0x02, 0x04), k(0)];
    expect(text(out.flatMap((r) => d.push(r)))).toBe('H!A1a');
  });

  it('ignores Ctrl/Alt combinations, unknown usages and ErrorRollOver reports', () => {
    const d = new KeyboardReportDecoder();
    const out = [k(0x01, 0x06), k(0), k(0x04, 0x1e), k(0), k(0, 0x04), k(0, 1, 1, 1, 1, 1, 1), k(0, 0x04), k(0, 0xe8), k(0), k(0, 0x28)];
    expect(text(out.flatMap((r) => d.push(r)))).toBe('a<enter>');
  });

  it('keypad digits and keypad Enter (keypad emulation)', () => {
    const d = new KeyboardReportDecoder();
    expect(text([k(0, 0x59), k(0, 0x62), k(0, 0x63), k(0, 0x58)].flatMap((r) => d.push(r)))).toBe('10.<enter>');
  });

  it('with a report id, only reports of that id count', () => {
    const d = new KeyboardReportDecoder(1);
    expect(text([[1, ...k(0, 0x05)], [2, ...k(0, 0x06)], [1, ...k(0)], k(0, 0x07)].flatMap((r) => d.push(r)))).toBe('b');
  });
});
