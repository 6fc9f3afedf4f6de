/**
 * The scanner port: every adapter (HID POS, HID keyboard mode, serial, simulator) turns what
 * its device sends into one event per scanned code. What the code means is decided elsewhere
 * (detectCode in src/core/codes); the port only frames, bounds and reports device health.
 */
import { EventEmitter } from 'node:events';
import { MAX_SCAN_BYTES, type ErrorCode, type PartStatus } from '../../../contract';

/** Device adapters, plus what the touchscreen hands in: a keyboard-wedge burst, the camera, or typed text. */
export type ScanSource = 'hid-pos' | 'hid-keyboard' | 'serial' | 'simulator' | UiScanSource;
export type UiScanSource = 'wedge' | 'camera' | 'typed';

export interface ScanEvent {
  /** The decoded text, framing removed by the adapter; still untrusted (run detectCode). */
  text: string;
  source: ScanSource;
  /** Config id of the scanner, e.g. "front-desk". */
  scannerId: string;
  /** AIM symbology identifier when the device reports one ("]Q1" = QR). */
  symbology?: string;
  at: Date;
}

export type ScannerState = 'starting' | 'connected' | 'disconnected' | 'stopped';

export interface ScannerStatus {
  state: ScannerState;
  /** Human-readable adapter, e.g. "hid-pos 0c2e:0b87" or "serial /dev/ttyACM0". */
  adapter: string;
  /** Why it is not connected: SCANNER_NOT_FOUND, SCANNER_OPEN_FAILED, SCANNER_DISCONNECTED. */
  code?: ErrorCode;
}

/** A read the adapter threw away (too long, undecodable); reported so a technician can see it. */
export interface ScanRejection {
  scannerId: string;
  source: ScanSource;
  code: ErrorCode;
}

export interface ScannerEvents {
  scan: [ScanEvent];
  status: [ScannerStatus];
  rejected: [ScanRejection];
}

export interface ScannerPort {
  readonly id: string;
  readonly status: ScannerStatus;
  /** Opens the device; when it is absent the adapter keeps polling, so start() does not fail for that. */
  start(): Promise<void>;
  /** Closes the device and stops polling; no events afterwards. */
  stop(): Promise<void>;
  on<E extends keyof ScannerEvents>(event: E, listener: (...args: ScannerEvents[E]) => void): this;
  off<E extends keyof ScannerEvents>(event: E, listener: (...args: ScannerEvents[E]) => void): this;
}

/** Health view for status.get: connected = ok, anything else visible to a technician. */
export function scannerPartStatus(status: ScannerStatus): PartStatus {
  const state = { starting: 'starting', connected: 'ok', disconnected: 'fault', stopped: 'disabled' } as const;
  return { state: state[status.state], adapter: status.adapter, ...(status.code ? { code: status.code } : {}) };
}

/** Shared event plumbing and bounds of every adapter. */
export abstract class ScannerBase extends EventEmitter<ScannerEvents> implements ScannerPort {
  private current: ScannerStatus;

  protected constructor(
    readonly id: string,
    protected readonly source: ScanSource,
    adapter: string,
    protected readonly maxBytes: number = MAX_SCAN_BYTES,
  ) {
    super();
    this.current = { state: 'stopped', adapter };
  }

  get status(): ScannerStatus {
    return this.current;
  }

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;

  protected setStatus(state: ScannerState, code?: ErrorCode): void {
    if (this.current.state === state && this.current.code === code) return;
    this.current = { state, adapter: this.current.adapter, ...(code ? { code } : {}) };
    this.emit('status', this.current);
  }

  /** Emits a scan of raw device bytes, bounded and decoded as UTF-8 (scanners pass QR bytes through). */
  protected deliverBytes(bytes: Uint8Array, symbology?: string): void {
    if (bytes.length === 0) return;
    if (bytes.length > this.maxBytes) return this.reject('SCANNER_LINE_TOO_LONG');
    this.deliverText(new TextDecoder('utf-8').decode(bytes), symbology);
  }

  protected deliverText(text: string, symbology?: string): void {
    if (text.length === 0) return;
    if (text.length > this.maxBytes) return this.reject('SCANNER_LINE_TOO_LONG');
    this.emit('scan', { text, source: this.source, scannerId: this.id, ...(symbology ? { symbology } : {}), at: new Date() });
  }

  protected reject(code: ErrorCode): void {
    this.emit('rejected', { scannerId: this.id, source: this.source, code });
  }
}
