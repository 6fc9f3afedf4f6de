/**
 * A 1-bit image as a thermal printer takes it: rows of packed bytes, most significant bit
 * leftmost, 1 = a burnt (black) dot.
 */
export interface Bitmap {
  width: number;
  height: number;
  rowBytes: number;
  data: Uint8Array;
}

export function createBitmap(width: number, height: number): Bitmap {
  const rowBytes = Math.ceil(width / 8);
  return { width, height, rowBytes, data: new Uint8Array(rowBytes * height) };
}

export function getDot(b: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return false;
  return (b.data[y * b.rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
}

export function setDot(b: Bitmap, x: number, y: number, black: boolean): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  const i = y * b.rowBytes + (x >> 3);
  const mask = 0x80 >> (x & 7);
  b.data[i] = black ? b.data[i]! | mask : b.data[i]! & ~mask;
}

/** Luminance 0 (black) .. 255 (white) of RGBA pixels; transparent counts as white paper. */
export function luminance(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    const y = 0.2126 * rgba[i * 4]! + 0.7152 * rgba[i * 4 + 1]! + 0.0722 * rgba[i * 4 + 2]!;
    out[i] = y * a + 255 * (1 - a);
  }
  return out;
}

/** Text and line art: a plain threshold keeps glyph edges crisp (dithering would fray them). */
export function threshold(lum: Float32Array, width: number, height: number, cut = 140): Bitmap {
  const b = createBitmap(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (lum[y * width + x]! < cut) setDot(b, x, y, true);
  return b;
}

/**
 * The same threshold straight from opaque RGBA (green-weighted), one pass, for whole ticket
 * sections. Paper is mostly white: a white pixel is one 32-bit compare, and each byte of 8 dots
 * is stored once.
 */
export function thresholdRgba(rgba: Uint8Array, width: number, height: number, cut = 140): Bitmap {
  const b = createBitmap(width, height);
  const limit = cut * 10;
  const words = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : undefined;
  for (let y = 0; y < height; y++) {
    const row = y * b.rowBytes;
    const first = y * width;
    for (let x0 = 0; x0 < width; x0 += 8) {
      let byte = 0;
      const end = Math.min(8, width - x0);
      for (let k = 0; k < end; k++) {
        const p = first + x0 + k;
        if (words && words[p] === 0xffffffff) continue;
        const i = p * 4;
        // 2R + 7G + 1B ≈ Rec. 709 luminance x10, in integers
        if (2 * rgba[i]! + 7 * rgba[i + 1]! + rgba[i + 2]! < limit) byte |= 0x80 >> k;
      }
      if (byte) b.data[row + (x0 >> 3)] = byte;
    }
  }
  return b;
}

/** Photos and logos: Floyd–Steinberg error diffusion renders grey as dot density. */
export function dither(lum: Float32Array, width: number, height: number): Bitmap {
  const work = Float32Array.from(lum);
  const b = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const old = work[i]!;
      const black = old < 128;
      if (black) setDot(b, x, y, true);
      const err = old - (black ? 0 : 255);
      if (x + 1 < width) work[i + 1]! += (err * 7) / 16;
      if (y + 1 < height) {
        if (x > 0) work[i + width - 1]! += (err * 3) / 16;
        work[i + width]! += (err * 5) / 16;
        if (x + 1 < width) work[i + width + 1]! += err / 16;
      }
    }
  }
  return b;
}

/** Copies `src` onto `dst` at (left, top), overwriting (white dots of src clear dst). */
export function blit(dst: Bitmap, src: Bitmap, left: number, top: number): void {
  if (left % 8 === 0 && left >= 0 && left + src.width <= dst.width) {
    // byte-aligned: whole bytes move at once (the usual case: centred rows of whole bytes)
    for (let y = 0; y < src.height; y++) {
      const dy = top + y;
      if (dy < 0 || dy >= dst.height) continue;
      const row = src.data.subarray(y * src.rowBytes, (y + 1) * src.rowBytes);
      const start = dy * dst.rowBytes + left / 8;
      if (src.width % 8 === 0) dst.data.set(row, start);
      else for (let x = 0; x < src.width; x++) setDot(dst, left + x, dy, getDot(src, x, y));
    }
    return;
  }
  for (let y = 0; y < src.height; y++) for (let x = 0; x < src.width; x++) setDot(dst, left + x, top + y, getDot(src, x, y));
}

/** Stacks bitmaps vertically at the width of the widest, each centred. */
export function stack(parts: Bitmap[]): Bitmap {
  const width = Math.max(...parts.map((p) => p.width));
  const out = createBitmap(width, parts.reduce((n, p) => n + p.height, 0));
  let top = 0;
  for (const p of parts) {
    blit(out, p, Math.floor((width - p.width) / 16) * 8, top);
    top += p.height;
  }
  return out;
}

/** Fraction of dots that differ; bitmaps of different size differ completely. */
export function differingFraction(a: Bitmap, b: Bitmap): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let diff = 0;
  for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) if (getDot(a, x, y) !== getDot(b, x, y)) diff++;
  return diff / (a.width * a.height);
}
