/**
 * Server-Sent Events for robots and pages. The events table is the only source, whichever
 * instance wrote the row: one poller per process reads what is new after the highest id it has
 * seen (every `pollMs`, and at once after a local write) and hands the same rows to every live
 * client, so the database sees one query per tick, not one per client. A client that connects
 * with Last-Event-ID or ?after=<id>, or falls behind, first catches up from the table on its
 * own, then joins the live fan-out: every event once, in id order, on any instance (PostgreSQL
 * makes ids visible in order: storage/postgres/tx.ts). A client too slow to drain its socket is
 * dropped once 1 MB waits for it (it resumes from its last id) instead of buffering without bound.
 */
import type { ServerResponse } from 'node:http';
import type { StreamEvent } from '../../contract/sync';
import type { CenterStorage } from '../storage/port';

const PAGE = 500;
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How soon an event committed by another instance reaches this instance's clients. */
export const STREAM_POLL_MS = 250;

interface Client {
  res: ServerResponse;
  cursor: number;
  /** Catching up from the table on its own (not yet at the poller's head). */
  pumping: boolean;
  again: boolean;
}

type Events = Pick<CenterStorage, 'eventsAfter' | 'firstEventId' | 'lastEventId'>;

export function formatEvent(e: StreamEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

export class StreamHub {
  private readonly clients = new Set<Client>();
  private readonly timers: NodeJS.Timeout[];
  /** The highest id the poller has read; null until the first tick. */
  private head: number | null = null;
  private polling = false;
  private pollAgain = false;

  constructor(
    private readonly storage: Events,
    private readonly now: () => number,
    readonly maxClients = 500,
    keepAliveMs = 15_000,
    pollMs = STREAM_POLL_MS,
  ) {
    // the comment line keeps proxies from closing an idle stream and carries the server time
    const ping = setInterval(() => {
      for (const c of this.clients) c.res.write(`: ping ${this.now()}\n\n`);
    }, keepAliveMs);
    const poll = setInterval(() => {
      if (this.clients.size) this.notify();
    }, pollMs);
    this.timers = [ping, poll];
    for (const t of this.timers) t.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Starts a stream for `res` after event `after`; a `stream.reset` first when that id is gone. */
  async attach(res: ServerResponse, after: number): Promise<void> {
    const client: Client = { res, cursor: after, pumping: false, again: false };
    const first = await this.storage.firstEventId();
    const last = await this.storage.lastEventId();
    if (after > last || (after > 0 && first > after + 1) || (after === 0 && first > 1)) {
      // the client's id is unknown here (older than what is kept, or from another database)
      res.write(formatEvent({ id: last, at: this.now(), type: 'stream.reset', data: {} }));
      client.cursor = last;
    }
    this.clients.add(client);
    res.on('close', () => this.clients.delete(client));
    await this.pump(client);
  }

  /** Something may have been written (here, or by another instance): read it once, send it to all. */
  notify(): void {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    void this.poll().finally(() => {
      this.polling = false;
    });
  }

  private async poll(): Promise<void> {
    try {
      do {
        this.pollAgain = false;
        if (this.head === null) this.head = await this.storage.lastEventId();
        for (;;) {
          const from = this.head;
          const batch = await this.storage.eventsAfter(from, PAGE);
          if (batch.length) this.head = batch[batch.length - 1]!.id;
          this.deliver(batch, from);
          if (batch.length < PAGE) break;
        }
      } while (this.pollAgain);
    } catch {
      // the database is away for a moment: the next tick tries again; clients keep their cursors
    }
  }

  private deliver(batch: StreamEvent[], from: number): void {
    for (const c of this.clients) {
      if (c.pumping) c.again = true;
      else if (c.cursor < from) void this.pump(c);
      else this.send(c, batch);
    }
  }

  /** Writes what the client has not had yet; false when it was dropped for not reading. */
  private send(c: Client, events: StreamEvent[]): boolean {
    for (const e of events) {
      if (e.id <= c.cursor) continue;
      c.res.write(formatEvent(e));
      c.cursor = e.id;
    }
    if (c.res.writableLength <= MAX_BUFFERED_BYTES) return true;
    c.res.destroy();
    this.clients.delete(c);
    return false;
  }

  /** Catches one client up from the table until it has reached the poller's head. */
  private async pump(c: Client): Promise<void> {
    if (c.pumping) {
      c.again = true;
      return;
    }
    c.pumping = true;
    try {
      for (;;) {
        c.again = false;
        const batch = await this.storage.eventsAfter(c.cursor, PAGE);
        if (!this.send(c, batch)) return;
        if (batch.length === PAGE) continue;
        if (!c.again && (this.head === null || c.cursor >= this.head)) break;
        if (!batch.length && !c.again) break;
      }
    } catch {
      // the storage is closing or the socket died: the client reconnects with its last id
      c.res.destroy();
      this.clients.delete(c);
    } finally {
      c.pumping = false;
    }
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }
}
