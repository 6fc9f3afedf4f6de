/**
 * Follows the center's event stream (SSE over fetch) and resumes from the last id after any drop.
 * Lines are bounded, every event is validated, and a stream silent for longer than `idleMs`
 * (the center pings every 15 s) is treated as dropped. Nothing here can throw into the caller:
 * failures end in a reconnect after a jittered backoff.
 */
import { StreamEvent } from '../../contract/sync';
import { createBackoff } from '../../core/backoff';

export interface StreamClientOptions {
  url: string;
  onEvent: (e: StreamEvent) => void;
  onState?: (connected: boolean) => void;
  lastEventId?: number;
  idleMs?: number;
  maxLineBytes?: number;
  random?: () => number;
  fetchImpl?: typeof fetch;
}

export class StreamClient {
  lastEventId: number | undefined;
  connects = 0;
  invalidEvents = 0;
  private running = false;
  private abort: AbortController | null = null;
  private wake: (() => void) | null = null;
  private readonly backoff;

  constructor(private readonly opts: StreamClientOptions) {
    this.lastEventId = opts.lastEventId;
    this.backoff = createBackoff({ initialMs: 500, maxMs: 30_000, jitter: 'full' }, opts.random ?? Math.random);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.abort?.abort();
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const delivered = await this.connectOnce().catch(() => 0);
      this.opts.onState?.(false);
      if (!this.running) break;
      if (delivered > 0) this.backoff.reset();
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.backoff.next());
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  /** One connection; resolves with how many events it delivered when it ends. */
  private async connectOnce(): Promise<number> {
    const abort = new AbortController();
    this.abort = abort;
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.lastEventId !== undefined) headers['last-event-id'] = String(this.lastEventId);
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => abort.abort(), this.opts.idleMs ?? 45_000);
    };
    touch();
    let delivered = 0;
    try {
      const res = await (this.opts.fetchImpl ?? fetch)(this.opts.url, { headers, signal: abort.signal });
      if (!res.ok || !res.body || !/text\/event-stream/.test(res.headers.get('content-type') ?? '')) return 0;
      this.connects++;
      this.opts.onState?.(true);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const max = this.opts.maxLineBytes ?? 64 * 1024;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (this.handleBlock(block)) delivered++;
        }
        if (buffer.length > max) {
          // a line that never ends is hostile or broken: drop the connection and resume by id
          abort.abort();
          break;
        }
      }
    } finally {
      clearTimeout(idle);
    }
    return delivered;
  }

  private handleBlock(block: string): boolean {
    const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
    if (!data) return false;
    let parsed;
    try {
      parsed = StreamEvent.safeParse(JSON.parse(data));
    } catch {
      this.invalidEvents++;
      return false;
    }
    if (!parsed.success) {
      this.invalidEvents++;
      return false;
    }
    const e = parsed.data;
    // an id that does not move forward is a replay: skip it (a reset may move it anywhere)
    if (e.type !== 'stream.reset' && this.lastEventId !== undefined && e.id <= this.lastEventId) return false;
    this.lastEventId = e.id;
    try {
      this.opts.onEvent(e);
    } catch {
      // a consumer's bug must not stop the stream
    }
    return true;
  }
}
