/**
 * ESC/POS command bytes, Epson's dialect (TM-T20/T88 and the clones that copy it).
 * Only what tickets and status need; each builder returns fresh bytes so jobs are plain concatenations.
 */
import type { Bitmap } from '../ticket/bitmap';

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

const bytes = (...b: number[]) => Uint8Array.from(b);

export const initialize = () => bytes(ESC, 0x40);

export type Alignment = 'left' | 'center' | 'right';
export const align = (a: Alignment) => bytes(ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2);

/** Printable ASCII only: anything else would print as code-page garbage on some model. */
export function asciiLine(text: string): Uint8Array {
  const ascii = text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return Uint8Array.from([...Buffer.from(ascii, 'ascii'), LF]);
}

/** ESC d n: print and feed n lines. */
export function feedLines(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`feed lines 0-255, got ${n}`);
  return bytes(ESC, 0x64, n);
}

export type CutKind = 'partial' | 'full';
/** GS V 65/66 n: feed to the cutter plus n motion units, then cut (full 65 / partial 66). */
export function feedAndCut(kind: CutKind, feedUnits = 0): Uint8Array {
  return bytes(GS, 0x56, kind === 'full' ? 0x41 : 0x42, feedUnits);
}

/** DLE EOT n: real-time status; n 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return bytes(DLE, EOT, n);
}

/** GS ( K pL pH 49 m: print density, m in -6..6 (Epson stores negatives as 250..255). */
export function printDensity(level: number): Uint8Array {
  if (!Number.isInteger(level) || level < -6 || level > 6) throw new RangeError(`density -6..6, got ${level}`);
  return bytes(GS, 0x28, 0x4b, 2, 0, 0x31, level < 0 ? 256 + level : level);
}

/**
 * GS v 0 m xL xH yL yH d...: the bitmap in bands of at most `bandRows` rows, so that no single
 * command exceeds what a printer's receive buffer holds (Xprinter clones drop longer ones).
 */
export function rasterBands(bitmap: Bitmap, bandRows: number): Uint8Array {
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > 2303) throw new RangeError(`band rows 1-2303, got ${bandRows}`);
  const rowBytes = bitmap.rowBytes;
  const parts: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += bandRows) {
    const rows = Math.min(bandRows, bitmap.height - top);
    const header = bytes(GS, 0x76, 0x30, 0, rowBytes & 0xff, rowBytes >> 8, rows & 0xff, rows >> 8);
    parts.push(header, bitmap.data.subarray(top * rowBytes, (top + rows) * rowBytes));
  }
  return concat(parts);
}

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';
const QR_LEVEL: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** Epson GS ( k QR (cn 49): model 2, module size, error level, store, print. */
export function epsonQr(data: string, moduleSize: number, level: QrErrorLevel = 'M'): Uint8Array {
  if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16) throw new RangeError(`QR module size 1-16, got ${moduleSize}`);
  const payload = Buffer.from(data, 'utf8');
  if (payload.length < 1 || payload.length > 7089) throw new RangeError('QR data must be 1-7089 bytes');
  const storeLen = payload.length + 3;
  return concat([
    bytes(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0), // fn 65: model 2
    bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, moduleSize), // fn 67: module size
    bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, QR_LEVEL[level]), // fn 69: error correction
    bytes(GS, 0x28, 0x6b, storeLen & 0xff, storeLen >> 8, 0x31, 0x50, 0x30), // fn 80: store
    payload,
    bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30), // fn 81: print
  ]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
