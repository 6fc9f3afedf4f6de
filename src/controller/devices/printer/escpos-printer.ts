/**
 * The printer port over any byte link, speaking ESC/POS. One operation at a time (jobs and status
 * polls share one queue). On a bidirectional link a job is checked before it is sent (paper,
 * cover, cutter) and confirmed after: the printer's reply to DLE EOT comes after it has read every
 * byte before it, so a dropped connection or a fault during the job is never a silent success.
 * Any link failure drops the link; the next operation opens it again (unplug, hot-plug, reboot).
 */
import { CodedError, isCodedError, type ErrorCode, type PartStatus } from '../../../contract';
import { concat, statusRequest } from './escpos/encoder';
import { blockingFault, parseStatus, type PrinterCondition } from './escpos/status';
import type { LinkFactory, PrinterLink } from './link';
import type { PreparedLink, PrinterPort } from './port';

export interface EscposPrinterOptions {
  /** Write and reply timeout. */
  timeoutMs: number;
  /** Status poll period; 0 = no polling. */
  pollMs: number;
  /** Ask DLE EOT (the model answers it and the link is bidirectional). */
  realTimeStatus: boolean;
  /** Bytes per write: small enough for slow links to report progress within the timeout. */
  chunkBytes?: number;
}

const STATUS_REQUESTS = concat([statusRequest(1), statusRequest(2), statusRequest(3), statusRequest(4)]);
/** A prepared link waits this long for its job, then is only a status check (a printer may drop an idle connection). */
const PREPARED_WAIT_MS = 2000;

interface Prepared {
  hand(job: Uint8Array | undefined): void;
  done: Promise<void>;
}

export class EscposPrinter implements PrinterPort {
  private current: PartStatus;
  private readonly listeners = new Set<(s: PartStatus) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private link: PrinterLink | undefined;
  private poller: NodeJS.Timeout | undefined;
  private closed = false;
  private prepared: Prepared | undefined;

  constructor(
    private readonly factory: LinkFactory,
    private readonly options: EscposPrinterOptions,
  ) {
    this.current = { state: 'starting', adapter: factory.description };
    if (options.pollMs > 0) {
      this.poller = setInterval(() => void this.refreshStatus().catch(() => undefined), options.pollMs);
      this.poller.unref();
    }
  }

  private get asksStatus(): boolean {
    return this.options.realTimeStatus && this.factory.bidirectional;
  }

  status(): PartStatus {
    return this.current;
  }

  onStatus(listener: (s: PartStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  print(job: Uint8Array): Promise<void> {
    const prepared = this.prepared;
    this.prepared = undefined;
    if (prepared) {
      prepared.hand(job);
      return prepared.done;
    }
    return this.exclusive(async (link) => {
      if (this.asksStatus) this.failOnFault(await this.readCondition(link));
      await this.send(link, job);
    });
  }

  prepareLink(): PreparedLink {
    if (this.prepared || this.closed) return { asked: Promise.resolve(), release: () => undefined };
    let hand!: (job: Uint8Array | undefined) => void;
    let asked!: () => void;
    const askedPromise = new Promise<void>((resolve) => (asked = resolve));
    const job = new Promise<Uint8Array | undefined>((resolve) => (hand = resolve));
    // every way a prepared link ends lets go of it at once, so a later print never takes one that has no job to wait for
    const settle = (j: Uint8Array | undefined) => {
      if (this.prepared === prepared) this.prepared = undefined;
      clearTimeout(timer);
      hand(j);
    };
    const timer = setTimeout(() => settle(undefined), PREPARED_WAIT_MS);
    timer.unref();
    const prepared: Prepared = {
      hand: settle,
      done: this.exclusive(async (link) => {
        const condition = this.asksStatus ? this.readCondition(link, asked) : undefined;
        condition?.catch(() => undefined); // read below; a job that never comes must not leave it unhandled
        if (!condition) asked();
        const bytes = await job;
        if (!bytes) return void (condition && this.publish(await condition));
        if (condition) this.failOnFault(await condition);
        await this.send(link, bytes);
      }),
    };
    // the caller of print() gets a failure; a released link's is in the status
    prepared.done.catch(() => undefined).finally(asked);
    this.prepared = prepared;
    return { asked: askedPromise, release: () => settle(undefined) };
  }

  private async send(link: PrinterLink, job: Uint8Array): Promise<void> {
    const chunk = this.options.chunkBytes ?? 4096;
    for (let at = 0; at < job.length; at += chunk) await link.write(job.subarray(at, at + chunk));
    if (this.asksStatus) this.failOnFault(await this.readCondition(link));
    else this.setStatus({ state: 'ok', adapter: this.factory.description });
  }

  /**
   * Asks the printer how it is and publishes the answer. Without a back channel this can only
   * show that the link opens (a device file or port that disappeared reports a fault).
   */
  refreshStatus(): Promise<PrinterCondition | undefined> {
    return this.exclusive(async (link) => {
      if (!this.asksStatus) {
        this.setStatus({ state: 'ok', adapter: this.factory.description });
        return undefined;
      }
      const condition = await this.readCondition(link);
      this.publish(condition);
      return condition;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearInterval(this.poller);
    this.prepared?.hand(undefined);
    await this.queue.catch(() => undefined);
    await this.dropLink();
  }

  /** Runs `op` alone on an open link; any failure drops the link and becomes a fault status. */
  private exclusive<T>(op: (link: PrinterLink) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.closed) throw new CodedError('PRINTER_OFFLINE', 'printer closed');
      try {
        this.link ??= await this.factory.open();
        return await op(this.link);
      } catch (e) {
        const code: ErrorCode = isCodedError(e) ? e.code : 'PRINTER_DISCONNECTED';
        // a reported fault leaves the link healthy; a transport failure does not
        if (!isFaultCode(code)) await this.dropLink();
        this.setStatus({ state: 'fault', adapter: this.factory.description, code });
        throw isCodedError(e) ? e : new CodedError(code, (e as Error).message);
      } finally {
        if (this.factory.connectionPerJob) await this.dropLink();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * DLE EOT 1-4 in one write, the four replies in one read: real-time requests are answered in
   * the order received, so this is one round trip instead of four on the way from tap to paper.
   */
  private async readCondition(link: PrinterLink, written?: () => void): Promise<PrinterCondition> {
    await link.write(STATUS_REQUESTS);
    written?.();
    const replies = await link.read(4, this.options.timeoutMs);
    try {
      return parseStatus([replies[0]!, replies[1]!, replies[2]!, replies[3]!]);
    } catch (e) {
      throw new CodedError('PRINTER_DISCONNECTED', (e as Error).message);
    }
  }

  private failOnFault(c: PrinterCondition): void {
    this.publish(c);
    const fault = blockingFault(c);
    if (fault) throw new CodedError(fault, 'printer reported a fault');
  }

  private publish(c: PrinterCondition): void {
    const fault = blockingFault(c);
    const adapter = this.factory.description;
    if (fault) this.setStatus({ state: 'fault', adapter, code: fault });
    else if (c.paperNearEnd) this.setStatus({ state: 'degraded', adapter, code: 'PRINTER_PAPER_NEAR_END' });
    else this.setStatus({ state: 'ok', adapter });
  }

  private async dropLink(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  private setStatus(s: PartStatus): void {
    if (s.state === this.current.state && s.code === this.current.code) return;
    this.current = s;
    for (const l of this.listeners) l(s);
  }
}

function isFaultCode(code: ErrorCode): boolean {
  return code === 'PRINTER_PAPER_OUT' || code === 'PRINTER_COVER_OPEN' || code === 'PRINTER_CUTTER_ERROR' || code === 'PRINTER_HARDWARE_ERROR';
}
