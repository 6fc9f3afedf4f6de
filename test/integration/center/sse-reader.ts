/** A minimal SSE reader over node:http for tests: collects parsed events, can be dropped at will. */
import { get, type ClientRequest } from 'node:http';

export interface SseEvent {
  id: number;
  type: string;
  data: { id: number; type: string; data: Record<string, unknown> };
}

export interface SseReader {
  events: SseEvent[];
  /** Resolves when the center answered (its headers and `retry:` line): from then on every new event reaches this reader. */
  connected: Promise<void>;
  /** Resolves when at least n events have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<SseEvent[]>;
  drop(): void;
}

export function readStream(url: string, headers: Record<string, string> = {}): SseReader {
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let answered!: () => void;
  const connected = new Promise<void>((resolve) => (answered = resolve));
  const req: ClientRequest = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
    answered();
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(': ')).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]));
        if (fields.data) events.push({ id: Number(fields.id), type: fields.event ?? 'message', data: JSON.parse(fields.data) });
      }
      waiters.splice(0).forEach((w) => w());
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  return {
    events,
    connected,
    waitFor: (n, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} of ${n} events arrived`)), timeoutMs);
        const check = () => {
          if (events.length >= n) {
            clearTimeout(timer);
            resolve(events);
          } else waiters.push(check);
        };
        check();
      }),
    drop: () => req.destroy(),
  };
}
