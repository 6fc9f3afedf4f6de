/**
 * The virtual thermal printer: a TCP 9100 server that takes ESC/POS jobs like a LAN printer.
 * One connection is one job. The printer issue grows this into a full decoder (PNG of the
 * paper, status replies, injected faults); here it keeps every job's bytes and readable text.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { EventEmitter } from 'node:events';

export interface PrintedJob {
  bytes: Buffer;
  /** Printable ASCII runs of the job, one line per LF: enough to find a ticket number. */
  text: string;
  receivedAt: Date;
}

export interface VirtualPrinter {
  readonly port: number;
  readonly jobs: PrintedJob[];
  readonly events: EventEmitter<{ job: [PrintedJob] }>;
  close(): Promise<void>;
}

/** Upper bound on one job: a raster ticket is ~100 KB; more is a runaway sender. */
const MAX_JOB_BYTES = 8 * 1024 * 1024;

export async function startVirtualPrinter(options: { port?: number; host?: string } = {}): Promise<VirtualPrinter> {
  const jobs: PrintedJob[] = [];
  const events = new EventEmitter<{ job: [PrintedJob] }>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    let size = 0;
    socket.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_JOB_BYTES) socket.destroy();
      else chunks.push(chunk);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (!size || size > MAX_JOB_BYTES) return;
      const bytes = Buffer.concat(chunks);
      const job = { bytes, text: readableText(bytes), receivedAt: new Date() };
      jobs.push(job);
      events.emit('job', job);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('virtual printer has no TCP address');
  return {
    port: address.port,
    jobs,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Skips ESC/GS commands with their fixed-size arguments; keeps printable ASCII and newlines. */
export function readableText(bytes: Uint8Array): string {
  const argBytes: Record<number, Record<number, number>> = {
    0x1b: { 0x40: 0, 0x61: 1, 0x21: 1, 0x45: 1, 0x64: 1 },
    0x1d: { 0x21: 1, 0x56: 2 },
  };
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const table = argBytes[b];
    if (table) {
      const n = table[bytes[i + 1] ?? -1];
      i += 1 + (n ?? 0);
      continue;
    }
    if (b === 0x0a) out += '\n';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
  }
  return out;
}
