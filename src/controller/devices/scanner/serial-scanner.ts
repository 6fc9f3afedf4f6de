/**
 * Serial scanners (RS-232, or USB CDC-ACM showing up as /dev/ttyACM*) over serialport 13.
 * One code per line, cut by LineFramer at the configured terminator.
 *
 * Losing the device is noticed two ways: serialport's 'close' (read error on a USB disconnect),
 * and a presence check of the device node every reconnectMs. The second is needed because a
 * hung-up tty can also just return end-of-file forever, which serialport keeps re-reading
 * without ever closing; a vanished node, or a node now belonging to another device (same
 * by-id link, new tty), means the scanner we opened is gone. Then SCANNER_DISCONNECTED, and
 * the same path is reopened every reconnectMs.
 */
import { statSync } from 'node:fs';
import type { ErrorCode } from '../../../contract';
import { LineFramer, type SerialTerminator } from './line-framer';
import { ScannerBase } from './port';
import { serialPortClass } from '../serial-libraries';

/** The part of a serialport stream this adapter uses. */
export interface SerialLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close' | 'error', listener: (error?: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
}

export type OpenSerial = (options: { path: string; baudRate: number }) => SerialLike;

export const openRealSerialPort: OpenSerial = ({ path, baudRate }) => new (serialPortClass())({ path, baudRate, autoOpen: false });

/** Identity of the device node behind a path (links followed), undefined when it is gone. */
export type DeviceIdentity = (path: string) => string | undefined;

export const deviceNodeIdentity: DeviceIdentity = (path) => {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}:${st.rdev}`;
  } catch {
    return undefined;
  }
};

export interface SerialScannerOptions {
  id: string;
  path: string;
  baudRate: number;
  terminator: SerialTerminator;
  maxLineBytes: number;
  reconnectMs: number;
}

export class SerialScanner extends ScannerBase {
  private port: SerialLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private presence: ReturnType<typeof setInterval> | undefined;
  private running = false;
  private readonly framer: LineFramer;

  constructor(
    private readonly options: SerialScannerOptions,
    private readonly openSerial: OpenSerial = openRealSerialPort,
    private readonly identify: DeviceIdentity = deviceNodeIdentity,
  ) {
    super(options.id, 'serial', `serial ${options.path}`, options.maxLineBytes);
    this.framer = new LineFramer(options.terminator, options.maxLineBytes);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setStatus('starting');
    await this.tryOpen();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.closePort();
    this.setStatus('stopped');
  }

  private async tryOpen(): Promise<void> {
    if (!this.running) return;
    let port: SerialLike;
    try {
      port = this.openSerial({ path: this.options.path, baudRate: this.options.baudRate });
    } catch {
      return this.retry('SCANNER_OPEN_FAILED');
    }
    const error = await new Promise<Error | null>((resolve) => port.open(resolve));
    if (error) {
      // absent node: not plugged in; present but refusing: permissions, busy, not a tty
      return this.retry(this.identify(this.options.path) === undefined ? 'SCANNER_NOT_FOUND' : 'SCANNER_OPEN_FAILED');
    }
    if (!this.running) {
      port.close(() => undefined); // stopped while opening
      return;
    }
    this.port = port;
    this.framer.reset();
    port.on('data', (chunk) => this.onData(chunk));
    port.on('close', () => this.onLost(port));
    port.on('error', () => this.onLost(port));
    this.watchPresence(port);
    this.setStatus('connected');
  }

  private watchPresence(port: SerialLike): void {
    const opened = this.identify(this.options.path);
    if (opened === undefined) return; // not a file system node (a test double): rely on 'close'
    this.presence = setInterval(() => {
      if (this.identify(this.options.path) !== opened) this.onLost(port);
    }, this.options.reconnectMs);
  }

  private retry(code: ErrorCode): void {
    this.setStatus('disconnected', code);
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.tryOpen();
    }, this.options.reconnectMs);
  }

  private onLost(port: SerialLike): void {
    if (port !== this.port) return;
    void this.closePort();
    if (this.running) this.retry('SCANNER_DISCONNECTED');
  }

  private async closePort(): Promise<void> {
    if (this.presence) clearInterval(this.presence);
    this.presence = undefined;
    const port = this.port;
    this.port = undefined;
    if (!port) return;
    port.removeAllListeners('data');
    port.removeAllListeners('close');
    port.on('error', () => undefined); // a late error of a port we are done with must not crash the process
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  private onData(chunk: Buffer): void {
    for (const line of this.framer.push(chunk)) {
      if (line.kind === 'too-long') this.reject('SCANNER_LINE_TOO_LONG');
      else this.deliverBytes(line.bytes);
    }
  }
}
