/**
 * The ticket layout, drawn with canvas at the printer's width and reduced to 1-bit dots:
 * text by threshold (crisp), the logo by dithering (greys as dot density). The QR is kept
 * apart so the encoder can either print it as raster or hand it to the printer (Epson GS ( k).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, Image, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { Language, LocalizedText } from '../../../../contract';
import { blit, createBitmap, dither, luminance, setDot, stack, thresholdRgba, type Bitmap } from './bitmap';
import { assetsDir, FONT_STACK, registerTicketFonts } from './fonts';
import { formatIssueTime, ticketString, type TicketStringKey } from './ticket-strings';

export interface TicketContent {
  language: Language;
  centerName: LocalizedText;
  /** Prefix + number as called out, e.g. "A007". */
  display: string;
  serviceName: LocalizedText;
  priority?: boolean;
  peopleAhead?: number;
  estimatedWaitMinutes?: number;
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
}

/** Tall enough for any ticket; the drawing is cropped to what was used. */
const SCRATCH_HEIGHT = 2400;

class Pen {
  y = 0;
  constructor(
    readonly g: SKRSContext2D,
    readonly width: number,
    readonly scale: number,
  ) {}
  get margin() {
    return Math.round(16 * this.scale);
  }
  space(px: number) {
    this.y += Math.round(px * this.scale);
  }
  /** Centred, wrapped text; size in dots at 576 wide. */
  text(text: string, size: number, opts: { bold?: boolean } = {}) {
    const px = Math.round(size * this.scale);
    this.g.font = `${opts.bold ? 'bold ' : ''}${px}px ${FONT_STACK}`;
    for (const line of wrap(this.g, text, this.width - 2 * this.margin)) {
      this.g.fillText(line, this.width / 2, this.y + px);
      this.y += Math.round(px * 1.3);
    }
  }
  /** The biggest bold text that fits one line, up to `max` dots high. */
  hugeText(text: string, max: number) {
    let px = Math.round(max * this.scale);
    const fit = this.width - 2 * this.margin;
    for (; px > 20; px -= 4) {
      this.g.font = `bold ${px}px ${FONT_STACK}`;
      if (this.g.measureText(text).width <= fit) break;
    }
    this.g.fillText(text, this.width / 2, this.y + Math.round(px * 0.9));
    this.y += Math.round(px * 1.05);
  }
  rule(thickness = 3) {
    this.g.fillRect(this.margin, this.y, this.width - 2 * this.margin, Math.max(1, Math.round(thickness * this.scale)));
    this.space(thickness + 12);
  }
  /** White text on a black band: the priority mark must be seen across a lobby. */
  banner(text: string, size: number) {
    const px = Math.round(size * this.scale);
    this.g.font = `bold ${px}px ${FONT_STACK}`;
    const w = Math.min(this.width - 2 * this.margin, this.g.measureText(text).width + px * 1.5);
    const h = Math.round(px * 1.5);
    this.g.fillRect((this.width - w) / 2, this.y, w, h);
    this.g.fillStyle = '#fff';
    this.g.fillText(text, this.width / 2, this.y + Math.round(px * 1.1));
    this.g.fillStyle = '#000';
    this.y += h + Math.round(8 * this.scale);
  }
}

/** Splits into lines that fit: at spaces for alphabetic scripts, between characters for CJK. */
export function wrap(g: SKRSContext2D, text: string, maxWidth: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    const candidate = line + t;
    if (line.trim() && g.measureText(candidate.trimEnd()).width > maxWidth) {
      lines.push(line.trim());
      line = t.trim() ? t : '';
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

function localized(text: LocalizedText | string, lang: Language): string {
  return typeof text === 'string' ? text : text[lang];
}

function drawSection(widthDots: number, draw: (pen: Pen) => void): Bitmap {
  const canvas = createCanvas(widthDots, SCRATCH_HEIGHT);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, widthDots, SCRATCH_HEIGHT);
  g.fillStyle = '#000';
  g.textAlign = 'center';
  const pen = new Pen(g, widthDots, widthDots / 576);
  draw(pen);
  const height = Math.max(1, Math.min(SCRATCH_HEIGHT, pen.y));
  // canvas.data() is the raw RGBA store: one native copy, far cheaper than getImageData
  return thresholdRgba(canvas.data().subarray(0, widthDots * height * 4), widthDots, height);
}

let logoCache: Image | undefined;
function logoBitmap(size: number): Bitmap {
  logoCache ??= Object.assign(new Image(), { src: readFileSync(join(assetsDir(), 'images', 'ticket-logo.png')) });
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  g.drawImage(logoCache, 0, 0, size, size);
  return dither(luminance(g.getImageData(0, 0, size, size).data, size, size), size, size);
}

export function qrBitmap(data: string, moduleSize: number): Bitmap {
  const qr = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const n = qr.modules.size;
  const side = (n + 2 * quiet) * moduleSize;
  const b = createBitmap(side, side);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let dy = 0; dy < moduleSize; dy++)
          for (let dx = 0; dx < moduleSize; dx++) setDot(b, (c + quiet) * moduleSize + dx, (r + quiet) * moduleSize + dy, true);
  return b;
}

export function renderTicket(content: TicketContent, widthDots: number): TicketDrawing {
  if (widthDots < 256 || widthDots > 832 || widthDots % 8) throw new RangeError(`printer width 256-832 dots in steps of 8, got ${widthDots}`);
  registerTicketFonts();
  const lang = content.language;
  // the citizen's language first; Vietnamese beside it so staff read the same ticket
  const both = (key: TicketStringKey, values?: Record<string, string | number>) =>
    lang === 'vi' ? [ticketString('vi', key, values)] : [ticketString(lang, key, values), ticketString('vi', key, values)];
  const bilingual = (pen: Pen, lines: string[], size: number, bold = false) => {
    pen.text(lines[0]!, size, { bold });
    if (lines[1]) pen.text(lines[1], Math.round(size * 0.75));
  };
  const logoSize = Math.round(112 * (widthDots / 576));

  const head = drawSection(widthDots, (pen) => {
    pen.space(logoSize + 16);
    bilingual(pen, lang === 'vi' ? [content.centerName.vi] : [content.centerName[lang], content.centerName.vi], 26, true);
    pen.space(6);
    pen.rule();
    bilingual(pen, both('yourNumber'), 28);
    pen.hugeText(content.display, 190);
    pen.space(4);
    bilingual(pen, lang === 'vi' ? [content.serviceName.vi] : [content.serviceName[lang], content.serviceName.vi], 32, true);
    pen.space(8);
    if (content.priority) pen.banner(lang === 'vi' ? ticketString('vi', 'priority') : `${ticketString(lang, 'priority')} · ${ticketString('vi', 'priority')}`, 30);
    if (content.peopleAhead !== undefined) bilingual(pen, both('peopleAhead', { count: content.peopleAhead }), 24);
    if (content.estimatedWaitMinutes !== undefined) bilingual(pen, both('estimatedWait', { minutes: content.estimatedWaitMinutes }), 24);
    if (content.whereToGo !== undefined) {
      const place = (l: Language) => localized(content.whereToGo!, l);
      pen.text(ticketString(lang, 'whereToGo', { place: place(lang) }), 28, { bold: true });
      if (lang !== 'vi') pen.text(ticketString('vi', 'whereToGo', { place: place('vi') }), 21);
    }
    pen.text(ticketString(lang, 'issuedAt', { time: formatIssueTime(lang, content.issuedAt) }), 22);
    pen.space(8);
  });
  blit(head, logoBitmap(logoSize), Math.round((widthDots - logoSize) / 2), Math.round(12 * (widthDots / 576)));

  const moduleSize = widthDots >= 512 ? 6 : 4;
  const bottom = drawSection(widthDots, (pen) => {
    bilingual(pen, both('scanToFollow'), 22);
    pen.space(6);
    pen.rule(2);
    bilingual(pen, both('footer'), 20);
    pen.space(24);
  });
  return { widthDots, top: head, qr: { data: content.statusUrl, moduleSize, bitmap: qrBitmap(content.statusUrl, moduleSize) }, bottom };
}

/** The whole ticket as one bitmap (QR drawn as raster): what `ticket render` writes and tests compare. */
export function ticketBitmap(d: TicketDrawing): Bitmap {
  const qr = createBitmap(d.widthDots, d.qr.bitmap.height);
  blit(qr, d.qr.bitmap, Math.floor((d.widthDots - d.qr.bitmap.width) / 16) * 8, 0);
  return stack([d.top, qr, d.bottom]);
}
