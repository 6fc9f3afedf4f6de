/**
 * The ticket layout, drawn with canvas at the printer's width and reduced to 1-bit dots:
 * text by threshold (crisp), the logo by dithering (greys as dot density). The QR is kept
 * apart so the encoder can either print it as raster or hand it to the printer (Epson GS ( k).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, Image } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { Language, LocalizedText } from '../../../../contract';
import { sayWait, type WaitFigures } from '../../../../core/queue/wait-text';
import { blit, createBitmap, dither, luminance, setDot, stack, type Bitmap } from './bitmap';
import { assetsDir, registerTicketFonts } from './fonts';
import { formatIssueTime, ticketString, waitStrings, type TicketStringKey } from './ticket-strings';
import { Pen, type TicketBox } from './pen';
import { SectionDots } from './section-dots';

export type { TicketBox } from './pen';

export interface TicketContent {
  language: Language;
  centerName: LocalizedText;
  /** Prefix + number as called out, e.g. "A007". */
  display: string;
  serviceName: LocalizedText;
  priority?: boolean;
  /** People ahead and the wait range, as the screen shows them (said with core's `sayWait`). */
  wait?: WaitFigures;
  /** A counter or room; a plain string reads the same in every language (e.g. "Quầy 3"). */
  whereToGo?: LocalizedText | string;
  issuedAt: Date;
  /** The phone status page of this ticket; it becomes the QR. */
  statusUrl: string;
}

export interface TicketDrawing {
  widthDots: number;
  top: Bitmap;
  qr: { data: string; moduleSize: number; bitmap: Bitmap };
  bottom: Bitmap;
  /** Where each logo, text line and rule was drawn (dots), per section: what the layout tests check. */
  layout: { top: TicketBox[]; bottom: TicketBox[] };
}

function localized(text: LocalizedText | string, lang: Language): string {
  return typeof text === 'string' ? text : text[lang];
}

/** Tall enough for any ticket; the drawing is cropped to what was used. */
const SCRATCH_HEIGHT = 2400;

/**
 * One section of a ticket (or of any slip drawn like one): `draw` lays it out with a pen, top to
 * bottom; the dots come from SectionDots (marks drawn once and reused), cropped to what was used.
 */
export function drawSection(widthDots: number, draw: (pen: Pen) => void): { bitmap: Bitmap; boxes: TicketBox[] } {
  const dots = new SectionDots(widthDots);
  const pen = new Pen(undefined, widthDots, widthDots / 576, dots);
  draw(pen);
  return { bitmap: dots.toBitmap(Math.max(1, Math.min(SCRATCH_HEIGHT, pen.y))), boxes: pen.boxes };
}

let logoImage: Image | undefined;
/** The logo dithered once per size: the same dots on every ticket (callers copy from it, never into it). */
const logos = new Map<number, Bitmap>();
function logoBitmap(size: number): Bitmap {
  const cached = logos.get(size);
  if (cached) return cached;
  logoImage ??= Object.assign(new Image(), { src: readFileSync(join(assetsDir(), 'images', 'ticket-logo.png')) });
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  g.drawImage(logoImage, 0, 0, size, size);
  const dots = dither(luminance(g.getImageData(0, 0, size, size).data, size, size), size, size);
  logos.set(size, dots);
  return dots;
}

export function qrBitmap(data: string, moduleSize: number): Bitmap {
  const qr = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const n = qr.modules.size;
  const side = (n + 2 * quiet) * moduleSize;
  const b = createBitmap(side, side);
  for (let r = 0; r < n; r++) {
    // one row of modules drawn dot by dot, then copied down the module's height
    const first = (r + quiet) * moduleSize;
    const row = b.data.subarray(first * b.rowBytes, (first + 1) * b.rowBytes);
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) for (let dx = 0; dx < moduleSize; dx++) setDot(b, (c + quiet) * moduleSize + dx, first, true);
    for (let dy = 1; dy < moduleSize; dy++) b.data.set(row, (first + dy) * b.rowBytes);
  }
  return b;
}

/** The citizen's language first; Vietnamese beside it so staff read the same ticket. */
export function writer(pen: Pen, lang: Language) {
  const bilingual = (lines: string[], size: number, bold = false) => {
    pen.text(lines[0]!, size, { bold });
    if (lines[1]) pen.text(lines[1], Math.round(size * 0.75));
  };
  return {
    bilingual,
    both: (key: TicketStringKey, size: number) => bilingual(lang === 'vi' ? [ticketString('vi', key)] : [ticketString(lang, key), ticketString('vi', key)], size),
    named: (text: LocalizedText, size: number) => bilingual(lang === 'vi' ? [text.vi] : [text[lang], text.vi], size, true),
  };
}

function drawHead(content: TicketContent, widthDots: number): { bitmap: Bitmap; boxes: TicketBox[] } {
  const lang = content.language;
  const logoSize = Math.round(112 * (widthDots / 576));
  const logoX = Math.round((widthDots - logoSize) / 2);
  const logoY = Math.round(12 * (widthDots / 576));
  const head = drawSection(widthDots, (pen) => {
    const w = writer(pen, lang);
    pen.image(logoX, logoY, logoSize);
    // the logo is sized in dots already: scaling the gap again let it cover the name at 384 dots
    pen.skipTo(logoY + logoSize + Math.round(12 * pen.scale));
    w.named(content.centerName, 26);
    pen.space(6);
    pen.rule();
    w.both('yourNumber', 28);
    pen.hugeText(content.display, 190);
    pen.space(4);
    w.named(content.serviceName, 32);
    pen.space(8);
    if (content.priority) pen.banner(lang === 'vi' ? ticketString('vi', 'priority') : `${ticketString(lang, 'priority')} · ${ticketString('vi', 'priority')}`, 30);
    if (content.wait) {
      const said = sayWait(content.wait, waitStrings(lang));
      const vi = sayWait(content.wait, waitStrings('vi'));
      w.bilingual(lang === 'vi' ? [said.ahead] : [said.ahead, vi.ahead], 24);
      if (said.wait && vi.wait) w.bilingual(lang === 'vi' ? [said.wait] : [said.wait, vi.wait], 24);
    }
    if (content.whereToGo !== undefined) {
      const place = (l: Language) => localized(content.whereToGo!, l);
      pen.text(ticketString(lang, 'whereToGo', { place: place(lang) }), 28, { bold: true });
      if (lang !== 'vi') pen.text(ticketString('vi', 'whereToGo', { place: place('vi') }), 21);
    }
    pen.text(ticketString(lang, 'issuedAt', { time: formatIssueTime(lang, content.issuedAt) }), 22);
    pen.space(8);
  });
  blit(head.bitmap, logoBitmap(logoSize), logoX, logoY);
  return head;
}

export function renderTicket(content: TicketContent, widthDots: number): TicketDrawing {
  if (widthDots < 256 || widthDots > 832 || widthDots % 8) throw new RangeError(`printer width 256-832 dots in steps of 8, got ${widthDots}`);
  registerTicketFonts();
  const head = drawHead(content, widthDots);
  const moduleSize = widthDots >= 512 ? 6 : 4;
  const bottom = drawSection(widthDots, (pen) => {
    const w = writer(pen, content.language);
    w.both('scanToFollow', 22);
    pen.space(6);
    pen.rule(2);
    w.both('footer', 20);
    pen.space(24);
  });
  return {
    widthDots, top: head.bitmap, qr: { data: content.statusUrl, moduleSize, bitmap: qrBitmap(content.statusUrl, moduleSize) }, bottom: bottom.bitmap,
    layout: { top: head.boxes, bottom: bottom.boxes },
  };
}

/** The whole ticket as one bitmap (QR drawn as raster): what `ticket render` writes and tests compare. */
export function ticketBitmap(d: TicketDrawing): Bitmap {
  const qr = createBitmap(d.widthDots, d.qr.bitmap.height);
  blit(qr, d.qr.bitmap, Math.floor((d.widthDots - d.qr.bitmap.width) / 16) * 8, 0);
  return stack([d.top, qr, d.bottom]);
}
