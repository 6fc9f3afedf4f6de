/**
 * Text measurement, remembered. A ticket measures the same words again and again (fixed strings
 * per language, every wrap candidate, the huge number's fitting loop), and a measure depends only
 * on the font and the text, never on the canvas: one bounded cache for the whole process.
 * Measured centre-aligned, as every ticket line is drawn (actualBoundingBoxLeft depends on it).
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

/** The parts of TextMetrics a ticket layout uses. */
export interface InkMetrics {
  width: number;
  actualBoundingBoxAscent: number;
  actualBoundingBoxDescent: number;
  actualBoundingBoxLeft: number;
  actualBoundingBoxRight: number;
}

/** Bounded: the varying lines (numbers, times, waits) must not grow a long-running controller. */
const MAX_ENTRIES = 4000;
const cache = new Map<string, InkMetrics>();
let measurer: SKRSContext2D | undefined;

export function measureText(font: string, text: string): InkMetrics {
  const key = `${font}\n${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!measurer) {
    measurer = createCanvas(1, 1).getContext('2d');
    measurer.textAlign = 'center';
  }
  measurer.font = font;
  const m = measurer.measureText(text);
  const kept: InkMetrics = {
    width: m.width, actualBoundingBoxAscent: m.actualBoundingBoxAscent, actualBoundingBoxDescent: m.actualBoundingBoxDescent,
    actualBoundingBoxLeft: m.actualBoundingBoxLeft, actualBoundingBoxRight: m.actualBoundingBoxRight,
  };
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, kept);
  return kept;
}
