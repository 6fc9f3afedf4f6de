import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { PrintedJob } from '../../hardware/sim/virtual-printer/server';

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
