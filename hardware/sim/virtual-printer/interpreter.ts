/**
 * An ESC/POS interpreter: what the virtual printer does with the bytes it receives. It puts text
 * lines, raster images (GS v 0, ESC *) and QR codes (GS ( k, drawn with the `qrcode` package) on
 * a Paper, answers DLE EOT through a callback, and keeps a text dump of what it understood.
 * Bytes may arrive in any chunking: an incomplete command waits for the next chunk.
 */
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { Paper } from './paper';

export interface InterpreterEvents {
  /** DLE EOT n arrived (n 1..4): the owner writes the reply byte. */
  statusRequest?: (n: number) => void;
  /** Something would be printed or cut (the printer mechanism is used). */
  printed?: () => void;
}

const MONO = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';
let fontReady = false;
function monoFont(): string {
  if (!fontReady && existsSync(MONO)) GlobalFonts.registerFromPath(MONO, 'VP Mono');
  fontReady = true;
  return '"VP Mono", "DejaVu Sans Mono", monospace';
}

/** Length of a command starting at `i`, or 0 when more bytes are needed. Unknown ESC x: 2 bytes. */
type Need = number;
const INCOMPLETE = 0;

export class EscposInterpreter {
  readonly paper: Paper;
  private pending = new Uint8Array(0);
  private line = '';
  private lineScale = { w: 1, h: 1 };
  private align = 0;
  private bold = false;
  private lineSpacing = 30;
  private qr = { module: 3, level: 'M' as 'L' | 'M' | 'Q' | 'H', data: '' };
  private readonly dump: string[] = [];
  cuts: string[] = [];

  constructor(
    widthDots = 576,
    private readonly events: InterpreterEvents = {},
  ) {
    this.paper = new Paper(widthDots);
  }

  get text(): string {
    return this.dump.join('\n');
  }

  feed(chunk: Uint8Array): void {
    const all = new Uint8Array(this.pending.length + chunk.length);
    all.set(this.pending);
    all.set(chunk, this.pending.length);
    let i = 0;
    while (i < all.length) {
      const used = this.step(all, i);
      if (used === INCOMPLETE) break;
      i += used;
    }
    this.pending = all.slice(i);
  }

  /** Prints what is left in the line buffer (a printer does so at the end of a job it was given). */
  finish(): void {
    if (this.line) this.printLine();
  }

  private step(b: Uint8Array, i: number): Need {
    const c = b[i]!;
    const at = (k: number) => b[i + k];
    const have = (n: number) => i + n <= b.length;
    if (c === 0x0a) return this.printLine(), 1;
    if (c === 0x0d || c === 0x00) return 1;
    if (c === 0x09) return (this.line += ' '), 1;
    if (c === 0x0c) return this.printLine(), 1;
    if (c === 0x10) {
      if (!have(3)) return INCOMPLETE;
      if (at(1) === 0x04) this.events.statusRequest?.(at(2)!);
      if (at(1) === 0x14) return have(5) ? 5 : INCOMPLETE; // DLE DC4 fn m t
      return 3;
    }
    if (c === 0x1b) return this.esc(b, i);
    if (c === 0x1d) return this.gs(b, i);
    if (c === 0x1c) return have(2) ? (at(1) === 0x70 ? (have(4) ? 4 : INCOMPLETE) : [0x21, 0x2d, 0x43, 0x53, 0x57].includes(at(1)!) ? (have(3) ? 3 : INCOMPLETE) : 2) : INCOMPLETE;
    if (c >= 0x20) {
      this.line += c < 0x7f ? String.fromCharCode(c) : '?';
      return 1;
    }
    return 1;
  }

  private esc(b: Uint8Array, i: number): Need {
    if (i + 2 > b.length) return INCOMPLETE;
    const cmd = b[i + 1]!;
    const arg = (k: number) => b[i + 1 + k]!;
    const need = (n: number) => (i + n <= b.length ? n : INCOMPLETE);
    switch (cmd) {
      case 0x40: // ESC @
        this.finish();
        this.line = '';
        this.lineScale = { w: 1, h: 1 };
        this.align = 0;
        this.bold = false;
        this.lineSpacing = 30;
        return 2;
      case 0x61: if (!need(3)) return INCOMPLETE; this.align = arg(1) % 48; return 3;
      case 0x21: if (!need(3)) return INCOMPLETE; this.bold = (arg(1) & 0x08) !== 0; this.lineScale = { w: arg(1) & 0x20 ? 2 : 1, h: arg(1) & 0x10 ? 2 : 1 }; return 3;
      case 0x45: if (!need(3)) return INCOMPLETE; this.bold = (arg(1) & 1) === 1; return 3;
      case 0x64: if (!need(3)) return INCOMPLETE; this.printLine(); this.paper.addRows(arg(1) * this.lineSpacing); return 3;
      case 0x4a: if (!need(3)) return INCOMPLETE; this.printLine(); this.paper.addRows(arg(1)); return 3;
      case 0x32: this.lineSpacing = 30; return 2;
      case 0x33: if (!need(3)) return INCOMPLETE; this.lineSpacing = arg(1); return 3;
      case 0x69: case 0x6d: this.cut(cmd === 0x69 ? 'full' : 'partial'); return 2; // ESC i / ESC m (obsolete cuts)
      case 0x70: return need(5); // ESC p: drawer kick-out
      case 0x63: case 0x24: case 0x5c: return need(4);
      case 0x2a: { // ESC * m nL nH d: bit image, 8 or 24 dots high
        if (!need(5)) return INCOMPLETE;
        const m = arg(1);
        const cols = arg(2) + arg(3) * 256;
        const high = m >= 32 ? 24 : 8;
        const len = 5 + cols * (high / 8);
        if (!need(len)) return INCOMPLETE;
        this.bitImage(b.subarray(i + 5, i + len), cols, high);
        return len;
      }
      default:
        // ESC with one argument byte: - t M G R { V = SP U r % ? ; no argument otherwise
        return [0x2d, 0x74, 0x4d, 0x47, 0x52, 0x7b, 0x56, 0x3d, 0x20, 0x55, 0x72, 0x25, 0x3f, 0x4c, 0x53].includes(cmd) ? need(3) : 2;
    }
  }

  private gs(b: Uint8Array, i: number): Need {
    if (i + 2 > b.length) return INCOMPLETE;
    const cmd = b[i + 1]!;
    const arg = (k: number) => b[i + 1 + k]!;
    const need = (n: number) => (i + n <= b.length ? n : INCOMPLETE);
    switch (cmd) {
      case 0x21: if (!need(3)) return INCOMPLETE; this.lineScale = { w: ((arg(1) >> 4) & 7) + 1, h: (arg(1) & 7) + 1 }; return 3;
      case 0x56: { // GS V m [n]
        if (!need(3)) return INCOMPLETE;
        const m = arg(1);
        const withFeed = m >= 65;
        if (withFeed && !need(4)) return INCOMPLETE;
        this.cut(m === 0 || m === 48 || m === 65 ? 'full' : 'partial');
        return withFeed ? 4 : 3;
      }
      case 0x76: { // GS v 0 m xL xH yL yH d
        if (!need(8)) return INCOMPLETE;
        const rowBytes = arg(3) + arg(4) * 256;
        const rows = arg(5) + arg(6) * 256;
        const len = 8 + rowBytes * rows;
        if (!need(len)) return INCOMPLETE;
        this.raster(b.subarray(i + 8, i + len), rowBytes, rows);
        return len;
      }
      case 0x28: { // GS ( X pL pH ...: every such function carries its own length
        if (!need(5)) return INCOMPLETE;
        const len = 5 + arg(2) + arg(3) * 256;
        if (!need(len)) return INCOMPLETE;
        if (arg(1) === 0x6b) this.qrFunction(b.subarray(i + 5, i + len));
        return len;
      }
      case 0x6b: { // GS k m ...: barcodes, shown in the dump only
        if (!need(3)) return INCOMPLETE;
        const m = arg(1);
        if (m <= 6) {
          const end = b.indexOf(0, i + 3);
          if (end < 0) return INCOMPLETE;
          this.note(`[barcode ${Buffer.from(b.subarray(i + 3, end)).toString('latin1')}]`);
          return end - i + 1;
        }
        if (!need(4) || !need(4 + arg(2))) return INCOMPLETE;
        this.note(`[barcode ${Buffer.from(b.subarray(i + 4, i + 4 + arg(2))).toString('latin1')}]`);
        return 4 + arg(2);
      }
      case 0x4c: case 0x57: return need(4); // GS L / GS W: margins
      default:
        // GS with one argument byte: B H h w f a r I b j
        return [0x42, 0x48, 0x68, 0x77, 0x66, 0x61, 0x72, 0x49, 0x62, 0x6a, 0x2f].includes(cmd) ? need(3) : 2;
    }
  }

  private qrFunction(d: Uint8Array): void {
    if (d[0] !== 0x31) return; // cn 49 is QR; other symbols are ignored
    const fn = d[1];
    if (fn === 0x43) this.qr.module = Math.max(1, d[2]!);
    else if (fn === 0x45) this.qr.level = (['L', 'M', 'Q', 'H'] as const)[d[2]! - 48] ?? 'M';
    else if (fn === 0x50) this.qr.data = Buffer.from(d.subarray(3)).toString('utf8');
    else if (fn === 0x51 && this.qr.data) {
      this.printLine();
      const symbol = QRCode.create(this.qr.data, { errorCorrectionLevel: this.qr.level });
      const n = symbol.modules.size;
      const m = this.qr.module;
      const left = this.left(n * m);
      const rows = this.paper.addRows(n * m);
      for (let r = 0; r < n * m; r++) for (let c = 0; c < n * m; c++) if (symbol.modules.get(Math.floor(r / m), Math.floor(c / m))) rows[r]![left + c] = 1;
      this.note(`[qr ${this.qr.level} module ${m}] ${this.qr.data}`);
      this.events.printed?.();
    }
  }

  private raster(data: Uint8Array, rowBytes: number, rows: number): void {
    this.printLine();
    const left = this.left(rowBytes * 8);
    const paperRows = this.paper.addRows(rows);
    // byte by byte: a blank byte (most of a ticket) is one test, not eight
    for (let y = 0; y < rows; y++) {
      const row = paperRows[y]!;
      for (let bx = 0; bx < rowBytes; bx++) {
        const byte = data[y * rowBytes + bx]!;
        if (byte) for (let k = 0; k < 8; k++) if (byte & (0x80 >> k)) row[left + bx * 8 + k] = 1;
      }
    }
    this.note(`[raster ${rowBytes * 8}x${rows}]`);
    this.events.printed?.();
  }

  private bitImage(data: Uint8Array, cols: number, high: number): void {
    const bytesPerCol = high / 8;
    const rows = this.paper.addRows(high);
    for (let x = 0; x < cols && x < this.paper.width; x++)
      for (let y = 0; y < high; y++) if (data[x * bytesPerCol + (y >> 3)]! & (0x80 >> (y & 7))) rows[y]![x] = 1;
    this.events.printed?.();
  }

  private cut(kind: 'full' | 'partial'): void {
    this.printLine();
    this.cuts.push(kind);
    this.note(`[cut ${kind}]`);
    this.events.printed?.();
  }

  /** Left edge for a block of `width` dots under the current justification (ESC a). */
  private left(width: number): number {
    const free = Math.max(0, this.paper.width - width);
    return this.align === 1 ? Math.floor(free / 2) : this.align === 2 ? free : 0;
  }

  private note(s: string): void {
    this.dump.push(s);
  }

  /** Renders the line buffer in Font A (12x24 cells, scaled by GS !) onto the paper. */
  private printLine(): void {
    const text = this.line;
    this.line = '';
    if (!text) return;
    this.dump.push(text);
    const { w, h } = this.lineScale;
    const height = Math.max(24 * h, this.lineSpacing);
    const canvas = createCanvas(this.paper.width, height);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, this.paper.width, height);
    g.fillStyle = '#000';
    g.font = `${this.bold ? 'bold ' : ''}20px ${monoFont()}`;
    g.setTransform(w, 0, 0, h, 0, 0);
    const width = Math.min(this.paper.width, text.length * 12 * w);
    const left = this.left(width) / w;
    for (let k = 0; k < text.length; k++) g.fillText(text[k]!, left + k * 12, 19);
    const px = g.getImageData(0, 0, this.paper.width, height).data;
    const rows = this.paper.addRows(height);
    for (let y = 0; y < height; y++) for (let x = 0; x < this.paper.width; x++) if (px[(y * this.paper.width + x) * 4]! < 128) rows[y]![x] = 1;
    this.events.printed?.();
  }
}
