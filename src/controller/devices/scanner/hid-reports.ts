/**
 * Decoders for the two kinds of input report a USB scanner sends. Pure functions and small
 * state machines over byte arrays: no node-hid here, so they are unit-tested and fuzzed alone.
 *
 * HID POS (usage page 0x8C, "USB HID POS" interface of Honeywell scanners and compatibles):
 * one 64-byte "scanned data" input report per packet, long codes span several packets:
 *
 *   byte 0      report ID (0x02)
 *   byte 1      number of data bytes in this packet (0..56)
 *   bytes 2-4   AIM symbology identifier, e.g. "]Q1" for QR
 *   bytes 5-60  data, zero-padded
 *   byte 61     vendor symbology id
 *   byte 62     reserved
 *   byte 63     bit 0 set: more packets of this code follow
 *
 * Keyboard mode (boot keyboard report): [modifiers, reserved, key1..key6], optionally preceded
 * by a report ID on composite devices. A key is typed when it appears in a report it was not
 * in before (so holding keys, rollover and repeated reports type nothing twice).
 */
import {
  KEY_CAPS_LOCK,
  KEY_ENTER,
  KEY_ERROR_ROLLOVER,
  KEY_KEYPAD_ENTER,
  KEY_TAB,
  MOD_LEFT_ALT,
  MOD_LEFT_CTRL,
  MOD_LEFT_SHIFT,
  MOD_RIGHT_ALT,
  MOD_RIGHT_CTRL,
  MOD_RIGHT_SHIFT,
  US_LAYOUT,
} from './us-keyboard-layout';

export const POS_REPORT_ID = 0x02;
export const POS_REPORT_BYTES = 64;
export const POS_MAX_DATA_PER_REPORT = 56;

export type PosPacket = { ok: true; data: Uint8Array; aim: string; more: boolean } | { ok: false; reason: string };

function isByteArray(report: ArrayLike<number>): boolean {
  for (let i = 0; i < report.length; i++) {
    const b = report[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) return false;
  }
  return true;
}

export function decodePosReport(report: ArrayLike<number>, reportId = POS_REPORT_ID): PosPacket {
  if (report.length < POS_REPORT_BYTES || report.length > 256) return { ok: false, reason: 'not a 64-byte report' };
  if (!isByteArray(report)) return { ok: false, reason: 'not bytes' };
  if (report[0] !== reportId) return { ok: false, reason: 'other report id' };
  const length = report[1] ?? 0;
  if (length > POS_MAX_DATA_PER_REPORT) return { ok: false, reason: 'length beyond the data field' };
  const aim = String.fromCharCode(report[2] ?? 0, report[3] ?? 0, report[4] ?? 0);
  const data = Uint8Array.from({ length }, (_, i) => report[5 + i] ?? 0);
  return { ok: true, data, aim: /^\][\x21-\x7e]{2}$/.test(aim) ? aim : '', more: ((report[63] ?? 0) & 1) === 1 };
}

export type PosAssembly = { kind: 'code'; bytes: Uint8Array; aim: string } | { kind: 'too-long' } | { kind: 'partial' } | { kind: 'ignored' };

/** Joins packets into one code; over `maxBytes` the rest of that code is dropped and reported once. */
export class PosCodeAssembler {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private overflow = false;

  constructor(
    private readonly maxBytes: number,
    private readonly reportId = POS_REPORT_ID,
  ) {}

  push(report: ArrayLike<number>): PosAssembly {
    const packet = decodePosReport(report, this.reportId);
    if (!packet.ok) return { kind: 'ignored' };
    if (!this.overflow) {
      this.size += packet.data.length;
      if (this.size > this.maxBytes) {
        this.overflow = true;
        this.chunks = [];
      } else this.chunks.push(packet.data);
    }
    if (packet.more) return { kind: 'partial' };
    const result: PosAssembly = this.overflow ? { kind: 'too-long' } : { kind: 'code', bytes: concat(this.chunks, this.size), aim: packet.aim };
    this.reset();
    return result;
  }

  reset(): void {
    this.chunks = [];
    this.size = 0;
    this.overflow = false;
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export type KeyOutput = { kind: 'char'; char: string } | { kind: 'enter' } | { kind: 'tab' };

export class KeyboardReportDecoder {
  private pressed = new Set<number>();
  private capsLock = false;

  /** @param reportId set when the device prefixes its keyboard reports with a report ID */
  constructor(private readonly reportId?: number) {}

  push(report: ArrayLike<number>): KeyOutput[] {
    if (report.length > 64 || !isByteArray(report)) return [];
    let offset = 0;
    if (this.reportId !== undefined) {
      if (report[0] !== this.reportId) return [];
      offset = 1;
    }
    if (report.length < offset + 8) return [];
    const modifiers = report[offset] ?? 0;
    const keys: number[] = [];
    for (let i = offset + 2; i < offset + 8; i++) keys.push(report[i] ?? 0);
    if (keys.every((k) => k === KEY_ERROR_ROLLOVER)) return []; // phantom state: keep the previous set

    const now = new Set(keys.filter((k) => k > 0x03)); // 0 no key, 1..3 error states
    const out: KeyOutput[] = [];
    for (const key of keys) {
      if (!now.has(key) || this.pressed.has(key)) continue;
      const typed = this.type(key, modifiers);
      if (typed) out.push(typed);
    }
    this.pressed = now;
    return out;
  }

  private type(key: number, modifiers: number): KeyOutput | undefined {
    if (key === KEY_ENTER || key === KEY_KEYPAD_ENTER) return { kind: 'enter' };
    if (key === KEY_TAB) return { kind: 'tab' };
    if (key === KEY_CAPS_LOCK) {
      this.capsLock = !this.capsLock;
      return undefined;
    }
    // Ctrl/Alt combinations are commands, not text
    if (modifiers & (MOD_LEFT_CTRL | MOD_RIGHT_CTRL | MOD_LEFT_ALT | MOD_RIGHT_ALT)) return undefined;
    const pair = US_LAYOUT.get(key);
    if (!pair) return undefined;
    let shifted = (modifiers & (MOD_LEFT_SHIFT | MOD_RIGHT_SHIFT)) !== 0;
    if (this.capsLock && /^[a-z]$/.test(pair[0])) shifted = !shifted;
    return { kind: 'char', char: shifted ? pair[1] : pair[0] };
  }

  reset(): void {
    this.pressed.clear();
    this.capsLock = false;
  }
}
