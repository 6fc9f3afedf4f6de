import { Socket } from 'node:net';
import { CodedError, type ErrorCode, type PartStatus } from '../../../contract';
import type { PrinterPort } from './port';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  timeoutMs: number;
}

/** A LAN printer on raw TCP (port 9100): one connection per job, one job at a time. */
export class TcpPrinter implements PrinterPort {
  private current: PartStatus;
  private readonly listeners = new Set<(s: PartStatus) => void>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: TcpPrinterOptions) {
    this.current = { state: 'starting', adapter: `tcp ${options.host}:${options.port}` };
  }

  status(): PartStatus {
    return this.current;
  }

  onStatus(listener: (s: PartStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  print(job: Uint8Array): Promise<void> {
    const run = this.queue.then(() => this.send(job));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
  }

  private send(job: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = new Socket();
      let settled = false;
      const finish = (code?: ErrorCode, detail?: string) => {
        if (settled) return;
        settled = true;
        socket.destroy();
        this.setStatus(code ? { state: 'fault', adapter: this.current.adapter, code } : { state: 'ok', adapter: this.current.adapter });
        if (code) reject(new CodedError(code, detail));
        else resolve();
      };
      socket.setTimeout(this.options.timeoutMs, () => finish('PRINTER_TIMEOUT', 'no progress within the write timeout'));
      socket.once('error', (e: NodeJS.ErrnoException) =>
        finish(e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' ? 'PRINTER_OFFLINE' : 'PRINTER_DISCONNECTED', e.code),
      );
      socket.connect(this.options.port, this.options.host, () => {
        // end() flushes then half-closes; 'close' without error means the peer took every byte
        socket.end(job);
      });
      socket.once('close', (hadError) => finish(hadError ? 'PRINTER_DISCONNECTED' : undefined));
    });
  }

  private setStatus(s: PartStatus): void {
    if (s.state === this.current.state && s.code === this.current.code) return;
    this.current = s;
    for (const l of this.listeners) l(s);
  }
}
