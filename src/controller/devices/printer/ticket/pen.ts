/**
 * Draws the ticket's text top to bottom and records where every piece went, so tests can check
 * that nothing overlaps and that every line stays readable on a 58 mm (384-dot) printer as well.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { FONT_STACK } from './fonts';
import { measureText, type InkMetrics } from './text-measure';

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

/**
 * Where a pen's marks go. On a canvas (the default) they are drawn at once; the ticket's sections
 * give a dot composer instead (section-dots.ts) that reuses lines it has drawn before.
 * Coordinates are the section's; text is centred on x; black unless `white`.
 */
export interface Ink {
  text(font: string, text: string, x: number, baseline: number): void;
  rect(x: number, y: number, width: number, height: number): void;
  /** White text on a black band, one mark. */
  banner(band: { x: number; y: number; width: number; height: number }, font: string, text: string, x: number, baseline: number): void;
}

/** Draws straight on a canvas context whose textAlign is 'center' and fillStyle black. */
export function canvasInk(g: SKRSContext2D): Ink {
  return {
    text: (font, text, x, baseline) => {
      g.font = font;
      g.fillText(text, x, baseline);
    },
    rect: (x, y, width, height) => g.fillRect(x, y, width, height),
    banner: (band, font, text, x, baseline) => {
      g.fillRect(band.x, band.y, band.width, band.height);
      g.font = font;
      g.fillStyle = '#fff';
      g.fillText(text, x, baseline);
      g.fillStyle = '#000';
    },
  };
}

/** Wrapped lines of one text at one font and width: fixed strings wrap the same on every ticket. */
const MAX_WRAPS = 1000;
const wraps = new Map<string, string[]>();

function wrapCached(font: string, text: string, maxWidth: number): string[] {
  const key = `${font}\n${maxWidth}\n${text}`;
  let lines = wraps.get(key);
  if (!lines) {
    lines = wrap((t) => measureText(font, t).width, text, maxWidth);
    if (wraps.size >= MAX_WRAPS) wraps.delete(wraps.keys().next().value!);
    wraps.set(key, lines);
  }
  return lines;
}

export class Pen {
  y = 0;
  readonly boxes: TicketBox[] = [];
  readonly ink: Ink;
  /** `g` is the canvas drawn on (textAlign 'center', black fill), unless an `ink` takes the marks. */
  constructor(
    readonly g: SKRSContext2D | undefined,
    readonly width: number,
    readonly scale: number,
    ink?: Ink,
  ) {
    if (!ink && !g) throw new TypeError('a pen needs a canvas or an ink');
    this.ink = ink ?? canvasInk(g!);
  }
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
    const font = `${opts.bold ? 'bold ' : ''}${px}px ${FONT_STACK}`;
    for (const line of wrapCached(font, text, this.width - 2 * this.margin)) {
      this.ink.text(font, line, this.width / 2, this.y + px);
      this.record('text', line, px, this.y + px, measureText(font, line));
      this.y += Math.round(px * 1.3);
    }
  }
  /** The biggest bold text that fits one line, up to `max` dots high. */
  hugeText(text: string, max: number) {
    let px = Math.round(max * this.scale);
    const fit = this.width - 2 * this.margin;
    const font = (size: number) => `bold ${size}px ${FONT_STACK}`;
    for (; px > 20; px -= 4) if (measureText(font(px), text).width <= fit) break;
    const baseline = this.y + Math.round(px * 0.9);
    this.ink.text(font(px), text, this.width / 2, baseline);
    this.record('number', text, px, baseline, measureText(font(px), text));
    this.y += Math.round(px * 1.05);
  }
  rule(thickness = 3) {
    const h = Math.max(1, Math.round(thickness * this.scale));
    this.ink.rect(this.margin, this.y, this.width - 2 * this.margin, h);
    this.boxes.push({ kind: 'rule', x: this.margin, y: this.y, width: this.width - 2 * this.margin, height: h });
    this.space(thickness + 12);
  }
  /** White text on a black band: the priority mark must be seen across a lobby. */
  banner(text: string, size: number) {
    const px = Math.max(Math.round(size * this.scale), minTextDots(text));
    const font = `bold ${px}px ${FONT_STACK}`;
    const w = Math.min(this.width - 2 * this.margin, measureText(font, text).width + px * 1.5);
    const h = Math.round(px * 1.5);
    this.ink.banner({ x: (this.width - w) / 2, y: this.y, width: w, height: h }, font, text, this.width / 2, this.y + Math.round(px * 1.1));
    this.boxes.push({ kind: 'banner', text, px, x: Math.round((this.width - w) / 2), y: this.y, width: Math.round(w), height: h });
    this.y += h + Math.round(8 * this.scale);
  }
  /** The ink box of a centred line, from the font's own measurements. */
  private record(kind: 'text' | 'number', text: string, px: number, baseline: number, m: InkMetrics) {
    const top = Math.floor(baseline - m.actualBoundingBoxAscent);
    const bottom = Math.ceil(baseline + m.actualBoundingBoxDescent);
    const x = Math.floor(this.width / 2 - m.actualBoundingBoxLeft);
    this.boxes.push({ kind, text, px, x, y: top, width: Math.ceil(m.actualBoundingBoxLeft + m.actualBoundingBoxRight), height: bottom - top });
  }
}

/**
 * Splits into lines that fit: at spaces for alphabetic scripts and Korean, between characters for
 * Chinese and Japanese. `g` is a canvas context with the font set, or a function giving a text's width.
 */
export function wrap(g: SKRSContext2D | ((text: string) => number), text: string, maxWidth: number): string[] {
  const widthOf = typeof g === 'function' ? g : (t: string) => g.measureText(t).width;
  // Chinese and Japanese break between characters, each carrying its closing punctuation (no line
  // starts with "！" or "。"); Korean, like Latin, breaks at spaces
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef][、。，．！？）」』】〉》：；!?,.)]*|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    const candidate = line + t;
    if (line.trim() && widthOf(candidate.trimEnd()) > maxWidth) {
      lines.push(line.trim());
      line = t.trim() ? t : '';
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}
