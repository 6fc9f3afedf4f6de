/**
 * A byte link to a printer — what each transport (TCP, usblp, serial, libusb) provides.
 * Links map their own failures to PRINTER_* CodedErrors; EscposPrinter adds the protocol.
 */
export interface PrinterLink {
  /** Resolves once the bytes are handed to the transport; rejects (CodedError) on error or timeout. */
  write(bytes: Uint8Array): Promise<void>;
  /** The next `n` bytes the printer sends back; rejects with PRINTER_TIMEOUT / PRINTER_DISCONNECTED. */
  read(n: number, timeoutMs: number): Promise<Uint8Array>;
  /** Flushes and releases the link; never throws. */
  close(): Promise<void>;
}

export interface LinkFactory {
  /** For status and logs, e.g. "tcp 10.0.0.5:9100" or "usblp /dev/usb/lp0". */
  readonly description: string;
  /** The transport carries the printer's replies (DLE EOT); libusb here and usblp files do not. */
  readonly bidirectional: boolean;
  /** A LAN printer takes one connection per job; device files and serial ports stay open. */
  readonly connectionPerJob: boolean;
  open(): Promise<PrinterLink>;
}

/** Collects bytes from a 'data' stream so `read(n)` can take them in order. */
export class ReplyBuffer {
  private buffered: number[] = [];
  private waiter: (() => void) | undefined;
  private closedWith: Error | undefined;

  push(chunk: Uint8Array): void {
    // bounded: a printer replies a few bytes at a time; anything beyond is noise we drop
    if (this.buffered.length < 4096) this.buffered.push(...chunk);
    this.waiter?.();
  }

  fail(e: Error): void {
    this.closedWith ??= e;
    this.waiter?.();
  }

  read(n: number, timeoutMs: number, onTimeout: () => Error): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(onTimeout());
      }, timeoutMs);
      const check = () => {
        if (this.buffered.length >= n) {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve(Uint8Array.from(this.buffered.splice(0, n)));
        } else if (this.closedWith) {
          clearTimeout(timer);
          this.waiter = undefined;
          reject(this.closedWith);
        }
      };
      this.waiter = check;
      check();
    });
  }

  /** Forget stale replies (e.g. from an earlier, abandoned request). */
  clear(): void {
    this.buffered = [];
  }
}
