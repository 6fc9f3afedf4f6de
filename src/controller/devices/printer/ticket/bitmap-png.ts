import { PNG } from 'pngjs';
import type { Bitmap } from './bitmap';

/** A bitmap as a grey PNG: black dots on white paper. */
export function bitmapToPng(b: Bitmap): Buffer {
  const gray = Buffer.alloc(b.width * b.height, 255);
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) if (b.data[y * b.rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) gray[y * b.width + x] = 0;
  }
  const png = new PNG({ width: b.width, height: b.height });
  png.data = gray;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 0 });
}
