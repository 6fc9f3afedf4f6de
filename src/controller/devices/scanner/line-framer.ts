/**
 * Cuts a serial scanner's byte stream into codes at the configured terminator. Scanners are set
 * to send CR, LF, CR LF, Tab or ETX after each code; CR and LF left at either end of a line are
 * dropped, so a scanner sending CR LF works with "cr" and with "lf" alike. A line longer than the
 * bound is dropped up to its terminator and reported once, never buffered without limit.
 */
export const SERIAL_TERMINATORS = ['cr', 'lf', 'crlf', 'tab', 'etx'] as const;
export type SerialTerminator = (typeof SERIAL_TERMINATORS)[number];

const TERMINATOR_BYTE: Record<SerialTerminator, number> = { cr: 0x0d, lf: 0x0a, crlf: 0x0a, tab: 0x09, etx: 0x03 };

export type FramedLine = { kind: 'line'; bytes: Uint8Array } | { kind: 'too-long' };

export class LineFramer {
  private readonly buffer: Uint8Array;
  private length = 0;
  private overflow = false;
  private readonly terminator: number;

  constructor(terminator: SerialTerminator, private readonly maxLineBytes: number) {
    this.terminator = TERMINATOR_BYTE[terminator];
    this.buffer = new Uint8Array(maxLineBytes);
  }

  push(chunk: Uint8Array): FramedLine[] {
    const out: FramedLine[] = [];
    for (const byte of chunk) {
      if (byte === this.terminator) {
        if (this.overflow) out.push({ kind: 'too-long' });
        else {
          const line = trimLineEnds(this.buffer.subarray(0, this.length));
          if (line.length > 0) out.push({ kind: 'line', bytes: line.slice() });
        }
        this.reset();
      } else if (!this.overflow) {
        if (this.length === this.maxLineBytes) this.overflow = true;
        else this.buffer[this.length++] = byte;
      }
    }
    return out;
  }

  reset(): void {
    this.length = 0;
    this.overflow = false;
  }
}

function trimLineEnds(bytes: Uint8Array): Uint8Array {
  let start = 0;
  let end = bytes.length;
  while (start < end && (bytes[start] === 0x0d || bytes[start] === 0x0a)) start++;
  while (end > start && (bytes[end - 1] === 0x0d || bytes[end - 1] === 0x0a)) end--;
  return bytes.subarray(start, end);
}
