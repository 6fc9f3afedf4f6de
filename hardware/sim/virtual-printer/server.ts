/**
 * The virtual thermal printer: a TCP 9100 server that takes ESC/POS like a LAN printer. One
 * connection is one job. It answers DLE EOT like an Epson printer, can be told to fail (paper
 * out/near end, cover open, cutter error, offline, drop the connection mid-job) and decodes every
 * job into a PNG of the paper plus a text dump, written to `outputDir` when one is given.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NO_FAULTS, statusByte, stopsPrinting, type PrinterFaults } from './faults';
import { EscposInterpreter } from './interpreter';

export interface PrintedJob {
  bytes: Buffer;
  /** Text dump: printed text lines and one [marker] line per raster, QR and cut. */
  text: string;
  /** PNG of the paper as it came out. */
  png: Buffer;
  /** Where the PNG was written, when the printer has an output folder. */
  pngPath?: string;
  receivedAt: Date;
  /**
   * performance.now() (this process's clock) when the job's last byte arrived, before any decoding
   * or PNG work of the simulator: what "tap to last byte at the printer" is measured to.
   */
  lastByteAt: number;
  /** performance.now() stamps along the connection, for the bench's tap-to-paper breakdown. */
  stamps: JobStamps;
}

export interface JobStamps {
  /** The connection was accepted. */
  connectedAt: number;
  /** Each DLE EOT request was read (one stamp per request byte sequence, in order). */
  statusAt: number[];
  /** The first byte that moves the mechanism (raster, text, cut) was read. */
  firstPrintAt?: number;
}

export interface VirtualPrinterOptions {
  port?: number;
  host?: string;
  /** Width of the print head in dots: 576 (80 mm) or 384 (58 mm). */
  widthDots?: number;
  /** Folder for <seq>.png and <seq>.txt of each job. */
  outputDir?: string;
}

export interface VirtualPrinter {
  readonly port: number;
  readonly jobs: PrintedJob[];
  readonly events: EventEmitter<{ job: [PrintedJob] }>;
  faults: PrinterFaults;
  /** DLE EOT requests read so far, on every connection (also those that printed nothing). */
  readonly statusRequests: number;
  /** Set some faults (others keep their state). */
  setFaults(f: Partial<PrinterFaults>): void;
  /** The next job's connection is dropped after this many bytes (once). */
  dropNextJobAfter(bytes: number): void;
  close(): Promise<void>;
}

/** Upper bound on one job: a raster ticket is ~60 KB; more is a runaway sender. */
const MAX_JOB_BYTES = 8 * 1024 * 1024;

/** The printer's state that outlives one connection: what it printed and what it was told to do. */
interface PrinterState {
  printer: Omit<VirtualPrinter, 'port'>;
  /** The next job's connection is dropped after this many bytes; taken (and cleared) by one job. */
  dropAfter: number | undefined;
  seq: number;
}

/** Writes <time>-<seq>.png and .txt of a job into the output folder. */
function saveJob(job: PrintedJob, outputDir: string, seq: number): void {
  const base = join(outputDir, `${job.receivedAt.toISOString().replace(/[:.]/g, '-')}-${String(seq).padStart(4, '0')}`);
  writeFileSync(`${base}.png`, job.png);
  writeFileSync(`${base}.txt`, job.text);
  job.pngPath = `${base}.png`;
}

/** One connection is one job: feed the interpreter, honour faults and drops, record the job at close. */
function serveJob(socket: Socket, state: PrinterState, options: VirtualPrinterOptions): void {
  const { printer } = state;
  const chunks: Buffer[] = [];
  let size = 0;
  let discarded = false;
  let used = false;
  let lastByteAt = 0;
  const stamps: JobStamps = { connectedAt: performance.now(), statusAt: [] };
  const drop = state.dropAfter;
  const interpreter = new EscposInterpreter(options.widthDots ?? 576, {
    statusRequest: (n) => {
      stamps.statusAt.push(lastByteAt);
      (printer as { statusRequests: number }).statusRequests += 1;
      if (socket.writable) socket.write(Buffer.from([statusByte(n, printer.faults)]));
    },
    // a stopped mechanism prints nothing of what it receives meanwhile
    printed: () => {
      stamps.firstPrintAt ??= lastByteAt;
      used = true;
      if (stopsPrinting(printer.faults)) discarded = true;
    },
  });
  socket.on('data', (chunk) => {
    lastByteAt = performance.now();
    size += chunk.length;
    if (size > MAX_JOB_BYTES) return void socket.destroy();
    if (drop !== undefined && size > drop) {
      state.dropAfter = undefined;
      discarded = true;
      return void socket.destroy();
    }
    chunks.push(chunk);
    interpreter.feed(chunk);
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    interpreter.finish();
    if (discarded || !used || size > MAX_JOB_BYTES) return;
    const job: PrintedJob = { bytes: Buffer.concat(chunks), text: interpreter.text, png: interpreter.paper.toPng(), receivedAt: new Date(), lastByteAt, stamps };
    if (options.outputDir) {
      state.seq += 1;
      saveJob(job, options.outputDir, state.seq);
    }
    printer.jobs.push(job);
    printer.events.emit('job', job);
  });
}

export async function startVirtualPrinter(options: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const sockets = new Set<Socket>();
  if (options.outputDir) mkdirSync(options.outputDir, { recursive: true });

  const printer: Omit<VirtualPrinter, 'port'> = {
    statusRequests: 0,
    jobs: [],
    events: new EventEmitter<{ job: [PrintedJob] }>(),
    faults: { ...NO_FAULTS },
    setFaults: (f) => void (printer.faults = { ...printer.faults, ...f }),
    dropNextJobAfter: (n) => void (state.dropAfter = n),
    close: async () => undefined,
  };
  const state: PrinterState = { printer, dropAfter: undefined, seq: 0 };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveJob(socket, state, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('virtual printer has no TCP address');
  printer.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return Object.assign(printer, { port: address.port });
}

/** Decodes a whole job offline (the `escpos decode` command): the paper PNG and the text dump. */
export function decodeJob(bytes: Uint8Array, widthDots = 576): { png: Buffer; text: string; height: number } {
  const interpreter = new EscposInterpreter(widthDots);
  interpreter.feed(bytes);
  interpreter.finish();
  return { png: interpreter.paper.toPng(), text: interpreter.text, height: interpreter.paper.height };
}
