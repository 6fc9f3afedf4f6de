/**
 * node-hid adapter for USB scanners in HID POS mode (usage page 0x8C) or HID keyboard mode.
 * node-hid is injected as the small interface below, so tests drive this adapter exactly at
 * the library's API boundary (device list, 'data' reports, 'error' on unplug).
 *
 * Unplugging makes node-hid emit 'error' (hidraw read fails); the adapter then reports
 * SCANNER_DISCONNECTED and polls the device list until the scanner is back.
 *
 * Keyboard mode on Linux: the kernel's keyboard driver also receives the reports, so the
 * scanner still "types" into the focused window unless a udev rule unbinds it (see hardware/).
 */
import type { ErrorCode } from '../../../contract';
import { KeyboardReportDecoder, PosCodeAssembler, POS_REPORT_ID } from './hid-reports';
import { ScannerBase } from './port';

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  serialNumber?: string;
  product?: string;
  usagePage?: number;
  usage?: number;
  interface?: number;
}

export interface HidDevice {
  on(event: 'data', listener: (data: Buffer | number[]) => void): unknown;
  on(event: 'error' | 'close', listener: (error?: unknown) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): void;
}

/** The part of the node-hid module this adapter uses. */
export interface NodeHidModule {
  devices(): HidDeviceInfo[];
  HID: new (path: string) => HidDevice;
}

export const HID_USAGE_PAGE_POS_SCANNER = 0x8c;
export const HID_USAGE_PAGE_GENERIC_DESKTOP = 0x01;
export const HID_USAGE_KEYBOARD = 0x06;

export interface HidScannerOptions {
  id: string;
  mode: 'pos' | 'keyboard';
  vendorId: number;
  productId?: number;
  serialNumber?: string;
  /** POS: the scanned-data report ID (0x02); keyboard: set only when reports carry an ID. */
  reportId?: number;
  /** Keyboard mode: which key ends a code. */
  terminator: 'enter' | 'tab';
  maxBytes: number;
  reconnectMs: number;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export class HidScanner extends ScannerBase {
  private device: HidDevice | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private readonly pos: PosCodeAssembler;
  private readonly keyboard: KeyboardReportDecoder;
  private line = '';
  private lineOverflow = false;

  constructor(
    private readonly options: HidScannerOptions,
    private readonly hid: NodeHidModule,
  ) {
    const product = options.productId === undefined ? '*' : hex4(options.productId);
    super(options.id, options.mode === 'pos' ? 'hid-pos' : 'hid-keyboard', `hid-${options.mode} ${hex4(options.vendorId)}:${product}`, options.maxBytes);
    this.pos = new PosCodeAssembler(options.maxBytes, options.reportId ?? POS_REPORT_ID);
    this.keyboard = new KeyboardReportDecoder(options.reportId);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.setStatus('starting');
    this.tryOpen();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.closeDevice();
    this.setStatus('stopped');
  }

  /** The devices this config selects, from node-hid's list, best match first. */
  matchingDevices(): HidDeviceInfo[] {
    let list: HidDeviceInfo[];
    try {
      list = this.hid.devices();
    } catch {
      return [];
    }
    const o = this.options;
    return list.filter(
      (d) =>
        typeof d.path === 'string' &&
        d.vendorId === o.vendorId &&
        (o.productId === undefined || d.productId === o.productId) &&
        (o.serialNumber === undefined || d.serialNumber === o.serialNumber) &&
        this.usageFits(d),
    );
  }

  /** A scanner exposes several interfaces; take the one of the configured mode when the OS says which. */
  private usageFits(d: HidDeviceInfo): boolean {
    if (d.usagePage === undefined || d.usagePage === 0) return true;
    if (this.options.mode === 'pos') return d.usagePage === HID_USAGE_PAGE_POS_SCANNER;
    return d.usagePage === HID_USAGE_PAGE_GENERIC_DESKTOP && (d.usage === undefined || d.usage === HID_USAGE_KEYBOARD);
  }

  private tryOpen(): void {
    if (!this.running) return;
    const [info] = this.matchingDevices();
    if (!info?.path) return this.retry('SCANNER_NOT_FOUND');
    let device: HidDevice;
    try {
      device = new this.hid.HID(info.path);
    } catch {
      return this.retry('SCANNER_OPEN_FAILED');
    }
    this.device = device;
    this.resetDecoders();
    device.on('data', (data) => this.onReport(data));
    const lost = () => this.onLost(device);
    device.on('error', lost);
    device.on('close', lost);
    this.setStatus('connected');
  }

  private retry(code: ErrorCode): void {
    this.setStatus('disconnected', code);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tryOpen();
    }, this.options.reconnectMs);
  }

  private onLost(device: HidDevice): void {
    if (device !== this.device) return; // a late event from a device already replaced
    this.closeDevice();
    if (this.running) this.retry('SCANNER_DISCONNECTED');
  }

  private closeDevice(): void {
    const device = this.device;
    this.device = undefined;
    if (!device) return;
    device.removeAllListeners('data');
    try {
      device.close();
    } catch {
      // an unplugged device may refuse to close; it is gone either way
    }
    this.resetDecoders();
  }

  private resetDecoders(): void {
    this.pos.reset();
    this.keyboard.reset();
    this.line = '';
    this.lineOverflow = false;
  }

  private onReport(data: Buffer | number[]): void {
    if (this.options.mode === 'pos') {
      const r = this.pos.push(data);
      if (r.kind === 'code') this.deliverBytes(r.bytes, r.aim || undefined);
      else if (r.kind === 'too-long') this.reject('SCANNER_LINE_TOO_LONG');
      return;
    }
    for (const key of this.keyboard.push(data)) {
      if (key.kind === this.options.terminator) {
        if (this.lineOverflow) this.reject('SCANNER_LINE_TOO_LONG');
        else this.deliverText(this.line);
        this.line = '';
        this.lineOverflow = false;
      } else if (key.kind === 'char' && !this.lineOverflow) {
        this.line += key.char;
        if (this.line.length > this.options.maxBytes) {
          this.lineOverflow = true;
          this.line = '';
        }
      }
    }
  }
}
