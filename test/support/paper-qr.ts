import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reads the QR code on a PNG of the paper (what a citizen's phone would do); undefined if none. */
export function qrOnPaper(png: Buffer): string | undefined {
  const img = PNG.sync.read(png);
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0; i < img.width * img.height; i++) {
    const v = img.data[i * 4]!;
    rgba.set([v, v, v, 255], i * 4);
  }
  return jsQR(rgba, img.width, img.height)?.data;
}
