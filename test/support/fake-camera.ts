/**
 * A Y4M video showing a QR code, for Chromium's fake camera (--use-fake-device-for-media-stream
 * --use-file-for-fake-video-capture=<file>.y4m): the QR's module matrix from the `qrcode` package
 * drawn black on white in the luma plane, chroma neutral.
 *
 * One frame per QR mask pattern (0-7), looped by Chromium: html5-qrcode's bundled ZXing fails on
 * some symbols whatever the scale (about 1 in 6 of our signed codes, measured), but never on all
 * eight masks of the same text. A real camera's frames vary by themselves; a still frame does not.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode, { type QRCodeMaskPattern } from 'qrcode';

const W = 640;
const H = 480;

function lumaFrame(text: string, maskPattern: QRCodeMaskPattern): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M', maskPattern });
  const size = qr.modules.size;
  const scale = Math.floor(Math.min(W, H) / (size + 8)); // 4 modules of quiet zone on each side
  const left = Math.floor((W - size * scale) / 2);
  const top = Math.floor((H - size * scale) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (top + r * scale + dy) * W + left + c * scale, (top + r * scale + dy) * W + left + (c + 1) * scale);
    }
  }
  return y;
}

export function writeQrY4m(dir: string, text: string): string {
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  const frames = ([0, 1, 2, 3, 4, 5, 6, 7] as QRCodeMaskPattern[]).flatMap((m) => [Buffer.from('FRAME\n'), lumaFrame(text, m), chroma, chroma]);
  const file = join(dir, 'camera.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F30:1 Ip A1:1 C420jpeg\n`), ...frames]));
  return file;
}

export function fakeCameraFlags(y4m: string): string[] {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
}
