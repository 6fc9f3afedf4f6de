/**
 * Server-Sent Events for robots and pages. The events table is the only source: each client
 * has a cursor (the last id it was sent) and is pumped from the table whenever something was
 * written, so a client that resumes with Last-Event-ID or ?after=<id> gets exactly what it
 * missed, in order, with no duplicates. A client too slow to drain its socket is dropped (it
 * resumes from its last id) instead of buffering without bound.
 */
import type { ServerResponse } from 'node:http';
import type { StreamEvent } from '../../contract/sync';
import type { CenterStorage } from '../storage/port';

const PAGE = 500;
const MAX_BUFFERED_BYTES = 1024 * 1024;

interface Client {
  res: ServerResponse;
  cursor: number;
  pumping: boolean;
  again: boolean;
}

export function formatEvent(e: StreamEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

export class StreamHub {
  private readonly clients = new Set<Client>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly storage: CenterStorage,
    private readonly now: () => number,
    readonly maxClients = 500,
    keepAliveMs = 15_000,
  ) {
    // the comment line keeps proxies from closing an idle stream and carries the server time
    this.timer = setInterval(() => {
      for (const c of this.clients) c.res.write(`: ping ${this.now()}\n\n`);
    }, keepAliveMs);
    this.timer.unref();
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

  /** Something was written: send every client what it has not seen yet. */
  notify(): void {
    for (const c of this.clients) void this.pump(c);
  }

  private async pump(c: Client): Promise<void> {
    if (c.pumping) {
      c.again = true;
      return;
    }
    c.pumping = true;
    try {
      do {
        c.again = false;
        for (;;) {
          const batch = await this.storage.eventsAfter(c.cursor, PAGE);
          for (const e of batch) {
            c.res.write(formatEvent(e));
            c.cursor = e.id;
          }
          if (c.res.writableLength > MAX_BUFFERED_BYTES) {
            c.res.destroy();
            this.clients.delete(c);
            return;
          }
          if (batch.length < PAGE) break;
        }
      } while (c.again);
    } catch {
      // the storage is closing or the socket died: the client reconnects with its last id
      c.res.destroy();
      this.clients.delete(c);
    } finally {
      c.pumping = false;
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }
}
