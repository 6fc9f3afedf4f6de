/**
 * A ticket section straight to dots, without a ticket-sized canvas. Profiling showed the time of a
 * ticket going to two 576×2400 RGBA canvases a ticket: allocating, filling and copying ~11 MB of
 * fresh memory (page faults dominate on a small VM) to threshold a few text lines. Here every mark
 * (a text line, a rule, a banner) is drawn alone on a small reused scratch canvas around its own
 * ink, cut to 1-bit once, and remembered: the center's name, the fixed wording of each language
 * and the service names cost nothing after the first ticket. A section is its marks OR-ed into
 * rows of bytes.
 *
 * The dots are the ones the whole-canvas drawing gave: each mark is drawn at the same x and at an
 * integer vertical offset (the same rasterisation), on white, and cut at the same threshold; marks
 * never share an anti-aliased dot (the layout tests keep boxes apart; the golden images check).
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { createBitmap, thresholdRgba, type Bitmap } from './bitmap';
import type { Ink } from './pen';
import { measureText } from './text-measure';

/** One mark as dots: `bitmap` spans byte columns from `x0` (a multiple of 8), rows from `top` relative to its anchor row. */
interface Strip {
  x0: number;
  top: number;
  bitmap: Bitmap;
}

/** Anti-aliasing and hinting may reach a dot or two past the font's ink box: room around each mark. */
const PAD = 3;
/** Enough for every fixed line of five languages at two widths plus the varying ones of a busy hour. */
const MAX_STRIPS = 800;
const strips = new Map<string, Strip>();
const scratches = new Map<number, { g: SKRSContext2D; height: number }>();

/** A reused canvas of the section's width, at least `height` rows: its pages are touched once, not per ticket. */
function scratch(width: number, height: number): SKRSContext2D {
  let s = scratches.get(width);
  if (!s || s.height < height) {
    const rows = Math.max(height, 2 * (s?.height ?? 128));
    const g = createCanvas(width, rows).getContext('2d');
    g.textAlign = 'center';
    s = { g, height: rows };
    scratches.set(width, s);
  }
  return s.g;
}

interface Extent {
  left: number;
  right: number;
  /** Rows above (negative) and below the anchor row. */
  up: number;
  down: number;
}

export class SectionDots implements Ink {
  private readonly marks: { row: number; strip: Strip }[] = [];

  constructor(readonly width: number) {
    if (width % 8) throw new RangeError(`section width must be whole bytes, got ${width}`);
  }

  text(font: string, text: string, x: number, baseline: number): void {
    const m = measureText(font, text);
    const ink = { left: x - m.actualBoundingBoxLeft, right: x + m.actualBoundingBoxRight, up: -m.actualBoundingBoxAscent, down: m.actualBoundingBoxDescent };
    this.mark(`t\n${font}\n${x}\n${text}`, baseline, ink, (g, dy) => {
      g.font = font;
      g.fillText(text, x, baseline + dy);
    });
  }

  rect(x: number, y: number, width: number, height: number): void {
    this.mark(`r\n${x}\n${width}\n${height}`, y, { left: x, right: x + width, up: 0, down: height }, (g, dy) => g.fillRect(x, y + dy, width, height));
  }

  banner(band: { x: number; y: number; width: number; height: number }, font: string, text: string, x: number, baseline: number): void {
    const m = measureText(font, text);
    const ink = {
      left: Math.min(band.x, x - m.actualBoundingBoxLeft), right: Math.max(band.x + band.width, x + m.actualBoundingBoxRight),
      up: Math.min(0, baseline - m.actualBoundingBoxAscent - band.y), down: Math.max(band.height, baseline + m.actualBoundingBoxDescent - band.y),
    };
    this.mark(`b\n${band.x}\n${band.width}\n${band.height}\n${font}\n${x}\n${baseline - band.y}\n${text}`, band.y, ink, (g, dy) => {
      g.fillRect(band.x, band.y + dy, band.width, band.height);
      g.font = font;
      g.fillStyle = '#fff';
      g.fillText(text, x, baseline + dy);
    });
  }

  /** The section's dots, `height` rows (what lies below is cut off, as a canvas of that height would). */
  toBitmap(height: number): Bitmap {
    const out = createBitmap(this.width, height);
    for (const { row, strip } of this.marks) {
      const src = strip.bitmap;
      const col = strip.x0 >> 3;
      for (let r = 0; r < src.height; r++) {
        const y = row + strip.top + r;
        if (y < 0 || y >= height) continue;
        const from = r * src.rowBytes;
        const to = y * out.rowBytes + col;
        for (let i = 0; i < src.rowBytes; i++) out.data[to + i]! |= src.data[from + i]!;
      }
    }
    return out;
  }

  /**
   * Remembers or draws one mark. `anchor` is where the mark sits (its baseline or top); only its
   * fraction is part of the key, so the mark moves down the paper by whole dots unchanged.
   */
  private mark(key: string, anchor: number, ink: Extent, draw: (g: SKRSContext2D, dy: number) => void): void {
    const row = Math.floor(anchor);
    const fullKey = `${this.width}\n${anchor - row}\n${key}`;
    let strip = strips.get(fullKey);
    if (!strip) {
      strip = this.draw(row, ink, draw);
      if (strips.size >= MAX_STRIPS) strips.delete(strips.keys().next().value!);
      strips.set(fullKey, strip);
    }
    this.marks.push({ row, strip });
  }

  private draw(row: number, ink: Extent, draw: (g: SKRSContext2D, dy: number) => void): Strip {
    const x0 = Math.min(this.width - 8, Math.max(0, Math.floor((ink.left - PAD) / 8) * 8));
    const x1 = Math.min(this.width, Math.ceil((ink.right + PAD) / 8) * 8);
    const top = Math.floor(ink.up) - PAD;
    const height = Math.ceil(ink.down) + PAD - top;
    const width = Math.max(8, x1 - x0);
    const g = scratch(this.width, height);
    g.fillStyle = '#fff';
    g.fillRect(x0, 0, width, height);
    g.fillStyle = '#000';
    // drawn so that the anchor row lands on scratch row -top
    draw(g, -top - row);
    const rgba = g.getImageData(x0, 0, width, height).data;
    return { x0, top, bitmap: thresholdRgba(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length), width, height) };
  }
}
