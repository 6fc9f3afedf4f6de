/**
 * Draws the ticket's text top to bottom and records where every piece went, so tests can check
 * that nothing overlaps and that every line stays readable on a 58 mm (384-dot) printer as well.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { FONT_STACK } from './fonts';

export interface TicketBox {
  kind: 'logo' | 'text' | 'number' | 'banner' | 'rule';
  text?: string;
  /** Font size in dots (text kinds). */
  px?: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/;

/**
 * Below these heights (dots, 8 a millimetre) thermal print loses strokes: Latin with Vietnamese
 * diacritics needs about 2.25 mm, Chinese, Korean and Japanese about 2.75 mm.
 */
export const MIN_TEXT_DOTS = { latin: 18, cjk: 22 } as const;

export function minTextDots(text: string): number {
  return CJK.test(text) ? MIN_TEXT_DOTS.cjk : MIN_TEXT_DOTS.latin;
}

export class Pen {
  y = 0;
  readonly boxes: TicketBox[] = [];
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
  /** Space in dots, not scaled: for things already sized in dots (the logo). */
  skipTo(y: number) {
    this.y = Math.max(this.y, y);
  }
  /** A drawn image (the logo), recorded so text can be checked against it. */
  image(x: number, y: number, size: number) {
    this.boxes.push({ kind: 'logo', x, y, width: size, height: size });
  }
  /** Centred, wrapped text; size in dots at 576 wide, never below what the paper can show. */
  text(text: string, size: number, opts: { bold?: boolean } = {}) {
    const px = Math.max(Math.round(size * this.scale), minTextDots(text));
    this.g.font = `${opts.bold ? 'bold ' : ''}${px}px ${FONT_STACK}`;
    for (const line of wrap(this.g, text, this.width - 2 * this.margin)) {
      this.g.fillText(line, this.width / 2, this.y + px);
      this.record('text', line, px, this.y + px);
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
    const baseline = this.y + Math.round(px * 0.9);
    this.g.fillText(text, this.width / 2, baseline);
    this.record('number', text, px, baseline);
    this.y += Math.round(px * 1.05);
  }
  rule(thickness = 3) {
    const h = Math.max(1, Math.round(thickness * this.scale));
    this.g.fillRect(this.margin, this.y, this.width - 2 * this.margin, h);
    this.boxes.push({ kind: 'rule', x: this.margin, y: this.y, width: this.width - 2 * this.margin, height: h });
    this.space(thickness + 12);
  }
  /** White text on a black band: the priority mark must be seen across a lobby. */
  banner(text: string, size: number) {
    const px = Math.max(Math.round(size * this.scale), minTextDots(text));
    this.g.font = `bold ${px}px ${FONT_STACK}`;
    const w = Math.min(this.width - 2 * this.margin, this.g.measureText(text).width + px * 1.5);
    const h = Math.round(px * 1.5);
    this.g.fillRect((this.width - w) / 2, this.y, w, h);
    this.boxes.push({ kind: 'banner', text, px, x: Math.round((this.width - w) / 2), y: this.y, width: Math.round(w), height: h });
    this.g.fillStyle = '#fff';
    this.g.fillText(text, this.width / 2, this.y + Math.round(px * 1.1));
    this.g.fillStyle = '#000';
    this.y += h + Math.round(8 * this.scale);
  }
  /** The ink box of a centred line, from the font's own measurements. */
  private record(kind: 'text' | 'number', text: string, px: number, baseline: number) {
    const m = this.g.measureText(text);
    const top = Math.floor(baseline - m.actualBoundingBoxAscent);
    const bottom = Math.ceil(baseline + m.actualBoundingBoxDescent);
    const x = Math.floor(this.width / 2 - m.actualBoundingBoxLeft);
    this.boxes.push({ kind, text, px, x, y: top, width: Math.ceil(m.actualBoundingBoxLeft + m.actualBoundingBoxRight), height: bottom - top });
  }
}

/** Splits into lines that fit: at spaces for alphabetic scripts and Korean, between characters for Chinese and Japanese. */
export function wrap(g: SKRSContext2D, text: string, maxWidth: number): string[] {
  // Chinese and Japanese break between characters, each carrying its closing punctuation (no line
  // starts with "！" or "。"); Korean, like Latin, breaks at spaces
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef][、。，．！？）」』】〉》：；!?,.)]*|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
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
