import * as enc from '../../../../src/controller/devices/printer/escpos/encoder';
import { createBitmap, setDot } from '../../../../src/controller/devices/printer/ticket/bitmap';
import { HEALTHY, blockingFault, isStatusByte, parseStatus, statusReplies } from '../../../../src/controller/devices/printer/escpos/status';
import { statusByte, NO_FAULTS } from '../../../../hardware/sim/virtual-printer/faults';
import { decodeJob } from '../../../../hardware/sim/virtual-printer/server';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ESC/POS encoder: exact bytes of every command', () => {
  it('initialise, align, feed, cut, status, density', () => {
    expect(hex(enc.initialize())).toBe('1b40');
    expect(hex(enc.align('left'))).toBe('1b6100');
    expect(hex(enc.align('center'))).toBe('1b6101');
    expect(hex(enc.align('right'))).toBe('1b6102');
    expect(hex(enc.feedLines(3))).toBe('1b6403');
    expect(hex(enc.feedAndCut('full'))).toBe('1d564100');
    expect(hex(enc.feedAndCut('partial', 5))).toBe('1d564205');
    expect([1, 2, 3, 4].map((n) => hex(enc.statusRequest(n as 1)))).toEqual(['100401', '100402', '100403', '100404']);
    expect(hex(enc.printDensity(3))).toBe('1d284b02003103');
    expect(hex(enc.printDensity(-2))).toBe('1d284b020031fe');
    expect(hex(enc.asciiLine('Số A007'))).toBe(Buffer.from('So A007\n').toString('hex'));
    expect(() => enc.feedLines(256)).toThrow(RangeError);
    expect(() => enc.printDensity(7)).toThrow(RangeError);
  });

  it('raster GS v 0 in bands of at most bandRows rows, with row bytes and row count little-endian', () => {
    const b = createBitmap(16, 5);
    setDot(b, 0, 0, true);
    setDot(b, 15, 4, true);
    const out = enc.rasterBands(b, 2);
    // 3 bands: 2 + 2 + 1 rows, each 8 header bytes + 2 bytes a row
    expect(hex(out)).toBe(['1d763000020002008000' + '0000', '1d76300002000200' + '00000000', '1d76300002000100' + '0001'].join(''));
  });

  it('Epson QR: model 2, module size, error level, store (pL pH = len + 3), print', () => {
    expect(hex(enc.epsonQr('AB', 6, 'Q'))).toBe(
      ['1d286b040031413200', '1d286b0300314306', '1d286b0300314532', '1d286b0500315030' + '4142', '1d286b0300315130'].join(''),
    );
  });
});

describe('DLE EOT status bits', () => {
  it('parses the Epson bit layout and round-trips with the simulator independently', () => {
    expect(parseStatus([0x12, 0x12, 0x12, 0x12])).toEqual(HEALTHY);
    expect(parseStatus([0x1a, 0x16, 0x12, 0x12])).toMatchObject({ offline: true, coverOpen: true });
    expect(parseStatus([0x1a, 0x32, 0x12, 0x7e])).toMatchObject({ paperOut: true, paperNearEnd: true });
    expect(parseStatus([0x1a, 0x52, 0x1a, 0x12])).toMatchObject({ cutterError: true });
    expect(() => parseStatus([0x00, 0x12, 0x12, 0x12])).toThrow();
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x92)).toBe(false);
    for (const fault of ['paperOut', 'coverOpen', 'cutterError', 'paperNearEnd', 'offline'] as const) {
      const sim = { ...NO_FAULTS, [fault]: true };
      const replies = [1, 2, 3, 4].map((n) => statusByte(n, sim)) as [number, number, number, number];
      expect(parseStatus(replies)[fault]).toBe(true);
      expect(statusReplies(parseStatus(replies))).toEqual(replies);
    }
    expect(blockingFault({ ...HEALTHY, paperNearEnd: true })).toBeUndefined();
    expect(blockingFault({ ...HEALTHY, coverOpen: true, paperOut: true })).toBe('PRINTER_COVER_OPEN');
  });
});

describe('the virtual printer decodes what the encoder writes', () => {
  it('text, raster, QR and cut', () => {
    const b = createBitmap(8, 2);
    setDot(b, 0, 0, true);
    const job = enc.concat([enc.initialize(), enc.asciiLine('HELLO'), enc.rasterBands(b, 1), enc.epsonQr('https://x.test/1', 4), enc.feedAndCut('partial')]);
    const { text, height } = decodeJob(job);
    expect(text.split('\n')).toEqual(['HELLO', '[raster 8x1]', '[raster 8x1]', '[qr M module 4] https://x.test/1', '[cut partial]']);
    expect(height).toBeGreaterThan(30 + 2 + 21 * 4 - 1);
  });

  it('copes with any chunking (a command split across TCP segments)', () => {
    const job = enc.concat([enc.initialize(), enc.epsonQr('chunked', 3), enc.asciiLine('END'), enc.feedAndCut('full')]);
    const whole = decodeJob(job).text;
    const { EscposInterpreter } = jest.requireActual('../../../../hardware/sim/virtual-printer/interpreter');
    const it2 = new EscposInterpreter(576);
    for (let i = 0; i < job.length; i += 3) it2.feed(job.subarray(i, i + 3));
    it2.finish();
    expect(it2.text).toBe(whole);
  });
});
