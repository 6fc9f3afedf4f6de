import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { PrintedJob } from '../../hardware/sim/virtual-printer/server';

/** The paper as jsQR takes it (grey RGBA), every `step`-th dot each way averaged into one. */
function greyRgba(img: PNG, step: 1 | 2): { data: Uint8ClampedArray; width: number; height: number } {
  const width = Math.floor(img.width / step);
  const height = Math.floor(img.height / step);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < step; dy++) for (let dx = 0; dx < step; dx++) sum += img.data[((y * step + dy) * img.width + x * step + dx) * 4]!;
      const v = sum / (step * step);
      const o = (y * width + x) * 4;
      data[o] = v; data[o + 1] = v; data[o + 2] = v; data[o + 3] = 255;
    }
  }
  return { data, width, height };
}

/**
 * Reads the QR code on a PNG of the paper (what a citizen's phone would do); undefined if none.
 * Paper is dark on light, so jsQR is not asked to try the inverted image too; it reads the paper
 * at half size first (about a third of the work) and at full size when that finds nothing (the
 * smaller modules of 58 mm paper). The chaos runs read every sheet they printed: the whole suite
 * spent ~28 s of CPU in jsQR before this.
 */
export function qrOnPaper(png: Buffer): string | undefined {
  const img = PNG.sync.read(png);
  for (const step of [2, 1] as const) {
    const { data, width, height } = greyRgba(img, step);
    const found = jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data;
    if (found !== undefined) return found;
  }
  return undefined;
}

const qrOfJob = new WeakMap<PrintedJob, string | undefined>();

/**
 * The printed job whose QR starts with `prefix`, waiting up to `timeoutMs` for it: the virtual
 * printer decodes a job when its connection closes, which can come a moment after the robot has
 * already told the screen "printed". Each job's QR is read once.
 */
export async function paperWithQr(printer: { jobs: PrintedJob[] }, prefix: string, timeoutMs = 5_000): Promise<PrintedJob | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const job of printer.jobs) {
      if (!qrOfJob.has(job)) qrOfJob.set(job, qrOnPaper(job.png));
      if (qrOfJob.get(job)?.startsWith(prefix)) return job;
    }
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
}
