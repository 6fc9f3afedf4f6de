/**
 * A ticket drawing as one ESC/POS job: initialise, optional density, the raster in bands, the QR
 * (raster, or Epson GS ( k where the model has it), the rest of the raster, then feed and cut.
 */
import { align, concat, epsonQr, feedAndCut, feedLines, initialize, printDensity, rasterBands, type CutKind } from '../escpos/encoder';
import type { PrinterProfile } from '../profiles';
import type { TicketDrawing } from './render-ticket';

export interface JobOptions {
  qr: 'raster' | 'epson';
  cut: CutKind | 'none';
  density?: number;
}

export function bandRows(profile: PrinterProfile, rowBytes: number): number {
  return Math.max(1, Math.min(2303, Math.floor(profile.maxBandBytes / rowBytes)));
}

export function encodeTicketJob(d: TicketDrawing, profile: PrinterProfile, options: JobOptions): Uint8Array {
  if (d.widthDots > profile.widthDots) throw new RangeError(`ticket is ${d.widthDots} dots wide, ${profile.name} prints ${profile.widthDots}`);
  if (options.qr === 'epson' && !profile.epsonQr) throw new RangeError(`${profile.name} has no Epson GS ( k QR; use qr "raster"`);
  const parts: Uint8Array[] = [initialize(), align('center')];
  if (options.density !== undefined && profile.density) parts.push(printDensity(options.density));
  parts.push(rasterBands(d.top, bandRows(profile, d.top.rowBytes)));
  if (options.qr === 'epson') parts.push(epsonQr(d.qr.data, d.qr.moduleSize, 'M'));
  else parts.push(rasterBands(d.qr.bitmap, bandRows(profile, d.qr.bitmap.rowBytes)));
  parts.push(rasterBands(d.bottom, bandRows(profile, d.bottom.rowBytes)));
  // the head sits ~3 lines above the cutter: feed so the footer is not cut through
  parts.push(feedLines(3));
  if (options.cut !== 'none') parts.push(feedAndCut(options.cut));
  return concat(parts);
}
