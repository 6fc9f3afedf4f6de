/**
 * Where scans from every scanner port meet the code parsers: each 'scan' event is run through
 * detectCode with the center's keys and the current time, and handed on as one typed result.
 *
 * Presentation scanners re-read a phone held under them about once a second, so the same text
 * from the same scanner within `repeatWindowMs` is dropped: one held-up QR is one check-in.
 * The scanned text itself is never logged (it can carry personal data); log the result's
 * format or error code.
 */
import type { ParsedCode } from '../../contract';
import { detectCode, type CodeResult, type VerifySignature } from '../../core/codes';
import type { ScanEvent, ScannerPort, ScanSource } from '../devices/scanner/port';

export interface ScanIntakeOptions {
  verify: VerifySignature;
  ticketBaseUrl?: string;
  now?: () => Date;
  /** Same text from the same scanner within this window is a re-read, not a new scan. */
  repeatWindowMs?: number;
}

export interface DetectedScan {
  scannerId: string;
  source: ScanSource;
  result: CodeResult<ParsedCode>;
  at: Date;
}

export const DEFAULT_REPEAT_WINDOW_MS = 3000;

export class ScanIntake {
  private readonly last = new Map<string, { text: string; at: number }>();
  private readonly detach: Array<() => void> = [];

  constructor(
    private readonly options: ScanIntakeOptions,
    private readonly onScan: (scan: DetectedScan) => void,
  ) {}

  /** Listens to a port's scans until stop(). */
  attach(port: ScannerPort): void {
    const listener = (e: ScanEvent) => this.submit(e);
    port.on('scan', listener);
    this.detach.push(() => port.off('scan', listener));
  }

  /** Also the entry for scans that do not come from a port (keyboard wedge, camera, typed). */
  submit(e: Pick<ScanEvent, 'text' | 'source' | 'scannerId'>): DetectedScan | undefined {
    const now = this.options.now?.() ?? new Date();
    const window = this.options.repeatWindowMs ?? DEFAULT_REPEAT_WINDOW_MS;
    const previous = this.last.get(e.scannerId);
    if (previous && previous.text === e.text && now.getTime() - previous.at < window) {
      previous.at = now.getTime(); // a phone held still keeps being the same scan
      return undefined;
    }
    this.last.set(e.scannerId, { text: e.text, at: now.getTime() });
    const result = detectCode(e.text, {
      now,
      verify: this.options.verify,
      ...(this.options.ticketBaseUrl ? { ticketBaseUrl: this.options.ticketBaseUrl } : {}),
    });
    const detected = { scannerId: e.scannerId, source: e.source, result, at: now };
    this.onScan(detected);
    return detected;
  }

  stop(): void {
    for (const off of this.detach.splice(0)) off();
    this.last.clear();
  }
}
