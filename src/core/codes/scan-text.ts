/**
 * First step for every scanned text: bound it, strip what scanners wrap around the data,
 * refuse characters that have no business in a code. Everything downstream sees clean text.
 */
import { MAX_SCAN_BYTES } from '../../contract';
import { failure, success, type CodeResult } from './result';

/**
 * AIM symbology identifier some scanners prepend ("]Q1" QR, "]C0" Code 128, "]d2" DataMatrix):
 * none of our formats starts with "]", so removing it never changes a real code.
 */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
/** C0/C1 controls, DEL, and the bidi overrides that make text display differently from what it is. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Framing a scanner may add around the data: CR/LF/TAB suffixes, STX/ETX, spaces. */
const EDGE_NOISE = /^[\u0000-\u0020\u007F]+|[\u0000-\u0020\u007F]+$/g;

/** UTF-8 length without allocating; stops counting once past the limit. */
export function utf8Length(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Refuses text over MAX_SCAN_BYTES before looking at it, removes edge framing and an AIM
 * prefix, normalises line ends, and refuses interior control or bidi characters.
 * Tabs and line breaks inside are kept: receipt QRs carry several labelled lines.
 */
export function cleanScanText(raw: string): CodeResult<string> {
  if (typeof raw !== 'string') return failure('SCAN_EMPTY', 'not a string');
  // a UTF-16 unit is at least one UTF-8 byte, so this cheap test already refuses most floods
  if (raw.length > MAX_SCAN_BYTES || utf8Length(raw, MAX_SCAN_BYTES) > MAX_SCAN_BYTES) {
    return failure('SCAN_TOO_LONG', `longer than ${MAX_SCAN_BYTES} bytes`);
  }
  let text = raw.replace(EDGE_NOISE, '');
  if (AIM_PREFIX.test(text)) text = text.slice(3).replace(EDGE_NOISE, '');
  text = text.replace(/\r\n?/g, '\n');
  if (text.length === 0) return failure('SCAN_EMPTY', 'nothing but whitespace or framing');
  if (FORBIDDEN.test(text) || LONE_SURROGATE.test(text)) {
    return failure('SCAN_CONTROL_CHARACTERS', 'control, bidi or unpaired surrogate character inside');
  }
  return success(text);
}
