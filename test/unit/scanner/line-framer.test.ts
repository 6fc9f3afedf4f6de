import { LineFramer } from '../../../src/controller/devices/scanner/line-framer';

const bytes = (s: string) => new TextEncoder().encode(s);
const lines = (out: ReturnType<LineFramer['push']>) => out.map((l) => (l.kind === 'line' ? new TextDecoder().decode(l.bytes) : '<too-long>'));

describe('LineFramer', () => {
  it.each([
    ['cr', 'A1\rB2\r'],
    ['lf', 'A1\nB2\n'],
    ['crlf', 'A1\r\nB2\r\n'],
    ['cr', 'A1\r\nB2\r\n'], // a scanner sending CR LF with "cr" configured
    ['lf', 'A1\r\nB2\r\n'],
    ['tab', 'A1\tB2\t'],
    ['etx', 'A1\u0003B2\u0003'],
  ] as const)('%s terminator on %j', (terminator, input) => {
    expect(lines(new LineFramer(terminator, 100).push(bytes(input)))).toEqual(['A1', 'B2']);
  });

  it('keeps a partial line until its terminator arrives, skips empty lines', () => {
    const f = new LineFramer('cr', 100);
    expect(lines(f.push(bytes('\r\rABC')))).toEqual([]);
    expect(lines(f.push(bytes('DEF\r')))).toEqual(['ABCDEF']);
  });

  it('an over-long line is dropped up to its terminator, reported once', () => {
    const f = new LineFramer('cr', 4);
    expect(lines(f.push(bytes('1234')))).toEqual([]);
    expect(lines(f.push(bytes('5678\rOK\r')))).toEqual(['<too-long>', 'OK']);
    expect(lines(new LineFramer('cr', 4).push(bytes('1234\r')))).toEqual(['1234']);
  });
});
