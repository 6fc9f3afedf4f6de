import { PNG } from 'pngjs';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { decodeJob } from '../../../../hardware/sim/virtual-printer/server';
import { qrOnPaper } from '../../../support/paper-qr';

/** What the decoder reads from bytes written by a peer library: proof it is not tuned to our encoder only. */
describe('virtual printer decoder against peer libraries', () => {
  it('node-thermal-printer (Epson): text, raster image, QR and cut', async () => {
    const p = new ThermalPrinter({ type: PrinterTypes.EPSON, width: 48, interface: 'tcp://127.0.0.1:9' }) // only builds bytes; never connects;
    p.alignCenter();
    p.println('PEER TEXT');
    const png = new PNG({ width: 64, height: 16 });
    png.data.fill(255);
    for (let x = 0; x < 64; x++) png.data.set([0, 0, 0, 255], (8 * 64 + x) * 4);
    await p.printImageBuffer(PNG.sync.write(png));
    p.printQR('https://peer.test/q', { cellSize: 6, correction: 'M', model: 2 });
    p.partialCut();
    const { text, png: paper } = decodeJob(p.getBuffer());
    expect(text).toContain('PEER TEXT');
    expect(text).toMatch(/\[raster 64x16\]/);
    expect(text).toContain('[qr M module 6] https://peer.test/q');
    expect(text).toContain('[cut partial]');
    expect(qrOnPaper(paper)).toBe('https://peer.test/q');
  });

  it('escpos (node-escpos): text and cut', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const escpos = require('escpos') as { Printer: new (adapter: unknown, options?: unknown) => EscposPrinter };
    interface EscposPrinter { text(s: string): EscposPrinter; cut(partial?: boolean, feed?: number): EscposPrinter; flush(cb?: () => void): EscposPrinter }
    let bytes = Buffer.alloc(0);
    const adapter = { write: (data: Buffer, cb?: () => void) => ((bytes = Buffer.concat([bytes, data])), cb?.()) };
    new escpos.Printer(adapter, { encoding: 'ascii' }).text('ESCPOS LINE').cut(true, 2).flush();
    const { text } = decodeJob(bytes);
    expect(text).toContain('ESCPOS LINE');
    expect(text).toContain('[cut partial]');
  });
});
