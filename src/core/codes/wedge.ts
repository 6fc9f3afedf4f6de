/**
 * Keyboard-wedge scanners "type" what they read. The UI sees keydown events only, so it tells
 * a scanner burst from a person by rhythm: a scanner sends a whole code in a few hundred
 * milliseconds at a steady 1–20 ms per key (USB polling) and ends it with Enter; a person types
 * 80–300 ms per key, and even a fast typist's median gap stays far above 35 ms.
 *
 * Pure: the UI records { key, at } from KeyboardEvent.key and event.timeStamp and asks here.
 */
export interface KeyStroke {
  /** KeyboardEvent.key: a character, or a name like "Enter", "Shift", "Tab". */
  key: string;
  /** Milliseconds from any fixed origin (event.timeStamp). */
  at: number;
}

export interface WedgeOptions {
  /** Shortest code we accept as a scan (characters before the terminator). */
  minLength: number;
  /** Median gap between characters at most this (ms). */
  maxMedianGapMs: number;
  /** No single gap above this (ms): one human pause inside breaks the burst. */
  maxGapMs: number;
  /** Keys that end a scan; scanners are set up to send Enter (some send Tab). */
  terminators: readonly string[];
  /** A scan is at most this many characters (the scan-text bound). */
  maxLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  minLength: 6,
  maxMedianGapMs: 35,
  maxGapMs: 120,
  terminators: ['Enter'],
  maxLength: 2048,
};

export type WedgeVerdict =
  | { kind: 'scan'; text: string; durationMs: number; medianGapMs: number }
  | { kind: 'typing'; reason: 'too-short' | 'too-slow' | 'pause' | 'no-terminator' | 'too-long' | 'clock' };

/** Modifier and lock keys arrive as their own keydown events and carry no character. */
const IGNORED_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Unidentified', 'Dead']);

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Classifies one finished sequence of keystrokes (from the first key to the terminator).
 * Anything that is not clearly a scanner is "typing": the safe default is to leave the
 * person's input alone.
 */
export function classifyKeystrokes(strokes: readonly KeyStroke[], options: Partial<WedgeOptions> = {}): WedgeVerdict {
  const o = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  const keys = strokes.filter((s) => !IGNORED_KEYS.has(s.key));
  const last = keys[keys.length - 1];
  if (!last || !o.terminators.includes(last.key)) return { kind: 'typing', reason: 'no-terminator' };
  const chars = keys.slice(0, -1);
  if (chars.length > o.maxLength) return { kind: 'typing', reason: 'too-long' };
  if (chars.length < o.minLength || chars.some((c) => [...c.key].length !== 1)) return { kind: 'typing', reason: 'too-short' };
  const gaps: number[] = [];
  for (let i = 1; i < keys.length; i++) gaps.push((keys[i]?.at ?? 0) - (keys[i - 1]?.at ?? 0));
  if (gaps.some((g) => !Number.isFinite(g) || g < 0)) return { kind: 'typing', reason: 'clock' };
  if (gaps.some((g) => g > o.maxGapMs)) return { kind: 'typing', reason: 'pause' };
  const medianGapMs = median(gaps);
  if (medianGapMs > o.maxMedianGapMs) return { kind: 'typing', reason: 'too-slow' };
  return {
    kind: 'scan',
    text: chars.map((c) => c.key).join(''),
    durationMs: last.at - (keys[0]?.at ?? last.at),
    medianGapMs,
  };
}

/**
 * The streaming form the UI's keydown listener uses: feed every key; on a terminator it
 * returns a verdict for the keys since the last pause. Keys further apart than maxGapMs start
 * a new sequence, so earlier human typing never leaks into a later scan.
 */
export class WedgeListener {
  private strokes: KeyStroke[] = [];
  private overflowed = false;
  private readonly options: WedgeOptions;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  }

  /** A verdict when `stroke` is a terminator, otherwise undefined. */
  push(stroke: KeyStroke): WedgeVerdict | undefined {
    if (IGNORED_KEYS.has(stroke.key)) return undefined;
    const prev = this.strokes[this.strokes.length - 1];
    if (prev && (stroke.at - prev.at > this.options.maxGapMs || stroke.at < prev.at)) this.reset();
    // bounded memory: past maxLength only the fact of overflowing is kept
    if (this.strokes.length <= this.options.maxLength) this.strokes.push(stroke);
    else this.overflowed = true;
    if (!this.options.terminators.includes(stroke.key)) return undefined;
    if (this.overflowed) {
      this.reset();
      return { kind: 'typing', reason: 'too-long' };
    }
    const verdict = classifyKeystrokes(this.strokes, this.options);
    this.reset();
    return verdict;
  }

  reset(): void {
    this.strokes = [];
    this.overflowed = false;
  }
}
