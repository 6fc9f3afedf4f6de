/**
 * Ticket sections are composed from marks drawn once and remembered (section-dots.ts) instead of
 * one tall canvas per section. The dots must be exactly those of the tall canvas: here each section
 * is drawn both ways, in every language and at both paper widths, and compared dot for dot.
 */
import { createCanvas } from '@napi-rs/canvas';
import { LANGUAGES, type Language } from '../../../../src/contract';
import { DEMO_CATALOG } from '../../../../src/controller/config/demo-catalog';
import { thresholdRgba, type Bitmap } from '../../../../src/controller/devices/printer/ticket/bitmap';
import { registerTicketFonts } from '../../../../src/controller/devices/printer/ticket/fonts';
import { Pen } from '../../../../src/controller/devices/printer/ticket/pen';
import { drawSection } from '../../../../src/controller/devices/printer/ticket/render-ticket';
import { ticketString } from '../../../../src/controller/devices/printer/ticket/ticket-strings';

/** A section with every kind of mark: bilingual fixed wording, a wrapped long name, the huge number, a banner and rules. */
function layout(lang: Language, display: string) {
  return (pen: Pen) => {
    pen.text(DEMO_CATALOG.centerName[lang], 26, { bold: true });
    pen.text(DEMO_CATALOG.centerName.vi, 20);
    pen.rule();
    pen.text(ticketString(lang, 'yourNumber'), 28);
    pen.hugeText(display, 190);
    pen.text(DEMO_CATALOG.services[1]!.name[lang], 32, { bold: true });
    pen.banner(`${ticketString(lang, 'priority')} · ${ticketString('vi', 'priority')}`, 30);
    pen.text(ticketString(lang, 'footer'), 20);
    pen.rule(2);
    pen.space(24);
  };
}

/** The reference: the whole section on one tall white canvas, thresholded at once. */
function onOneCanvas(width: number, draw: (pen: Pen) => void): { bitmap: Bitmap; boxes: Pen['boxes'] } {
  const canvas = createCanvas(width, 2400);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, 2400);
  g.fillStyle = '#000';
  g.textAlign = 'center';
  const pen = new Pen(g, width, width / 576);
  draw(pen);
  const height = Math.max(1, Math.min(2400, pen.y));
  return { bitmap: thresholdRgba(canvas.data().subarray(0, width * height * 4), width, height), boxes: pen.boxes };
}

const CASES = LANGUAGES.flatMap((lang) => [576, 384].map((width) => [lang, width] as const));

describe('ticket sections from remembered marks', () => {
  beforeAll(() => registerTicketFonts());

  it.each(CASES)('%s at %i dots: the same dots and boxes as one tall canvas, first drawn and when remembered', (lang, width) => {
    const reference = onOneCanvas(width, layout(lang, 'B123'));
    const first = drawSection(width, layout(lang, 'B123'));
    drawSection(width, layout(lang, 'C045')); // other marks in between
    const again = drawSection(width, layout(lang, 'B123'));
    for (const section of [first, again]) {
      expect(section.boxes).toEqual(reference.boxes);
      expect({ width: section.bitmap.width, height: section.bitmap.height }).toEqual({ width: reference.bitmap.width, height: reference.bitmap.height });
      expect(Buffer.from(section.bitmap.data).equals(Buffer.from(reference.bitmap.data))).toBe(true);
    }
  });

  it('keeps every dot of marks that push their ink box: stacked diacritics, a slant the font does not have', () => {
    const slanted = (pen: Pen) => {
      pen.ink.text('italic bold 64px "DejaVu Sans"', 'fjord ÿ 2号窗口', 288, 70);
      pen.ink.text('italic 48px "DejaVu Sans"', 'Quầy ƒ', 288, 340);
      pen.ink.text('40px "DejaVu Sans"', 'Z\u0334\u0322\u031b\u031b\u0359\u034e\u0344\u034c a\u0309\u0337\u0322 \u0300\u0300\u0300\u0300\u0300\u0300', 288, 230);
      pen.y = 400;
    };
    const reference = onOneCanvas(576, slanted);
    const ours = drawSection(576, slanted);
    expect(reference.bitmap.data.some((b) => b !== 0)).toBe(true);
    expect(Buffer.from(ours.bitmap.data).equals(Buffer.from(reference.bitmap.data))).toBe(true);
  });

  it('keeps marks that reach past the section end cut off, as the canvas did', () => {
    const cut = (pen: Pen) => {
      pen.text('Quầy 2', 40, { bold: true });
      pen.y = 30; // the section ends through the line's ink
    };
    const reference = onOneCanvas(576, cut);
    const ours = drawSection(576, cut);
    expect(ours.bitmap.height).toBe(30);
    expect(Buffer.from(ours.bitmap.data).equals(Buffer.from(reference.bitmap.data))).toBe(true);
  });
});
