/** From slip content to the bytes of its print job, with the configured printer's settings (like ticket-job.ts). */
import type { PrinterConfig } from '../../../config/schema';
import { printerProfile } from '../profiles';
import { encodeTicketJob } from './encode-ticket';
import { renderSlip, type SlipContent } from './render-slip';

export type SlipJobBuilder = (slip: SlipContent) => Uint8Array;

export function slipJobBuilder(printer: PrinterConfig): SlipJobBuilder {
  const settings = printer.adapter === 'none' ? { profile: 'epson-tm-t20' as const, cut: 'partial' as const, qr: 'raster' as const, widthDots: undefined, density: undefined } : printer;
  const profile = printerProfile(settings.profile);
  return (slip) => encodeTicketJob(renderSlip(slip, settings.widthDots ?? profile.widthDots), profile, { qr: settings.qr, cut: settings.cut, density: settings.density });
}
