/**
 * Figures of the real program, `node bin/lobby-robot.js start --no-window` in its own process:
 *  - cold start: spawn → /healthz answers 200, against bare `node -e` start-up (the floor);
 *  - tap to printer: a ticket.issue over the WebSocket API → the virtual printer received the
 *    job's last ESC/POS byte (its own stamp, before it decodes the paper), p50/p99;
 *  - controller RSS (from /proc) when ready and after 1,000 tickets.
 * The controller process runs alone (printer over TCP to a virtual printer in this process, no
 * center, no board) so its memory is its own. Needs `npm run build` (the runner does it).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type WebSocket from 'ws';
import { startVirtualPrinter, type PrintedJob, type VirtualPrinter } from '../hardware/sim/virtual-printer/server';
import { Catalog } from '../src/contract';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { startRobot, tempDir, writeConfig, type RobotProcess } from '../test/support/robot-process';
import { openApi, request } from '../test/support/ws-client';
import { fmt, isEntry, percentile } from './stats';
import { startTapFloor, type TapFloor } from './tap-floor';

/** VmRSS of a process in MB (Linux); NaN elsewhere. */
export function rssMb(pid: number): number {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(file, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function healthzAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(new URL('healthz', url))).status === 200;
  } catch {
    return false;
  }
}

/** Time to start a bare Node.js process and see it exit: the floor under any Node program's cold start. */
function bareNodeMs(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve(performance.now() - t0));
  });
}

/** One round of cold start with the simulator profile `npm start` uses (virtual printer, board, embedded center). */
export async function measureColdStart(): Promise<{ readyMs: number; bareNodeMs: number }> {
  const bare = await bareNodeMs();
  const t0 = performance.now();
  const robot = await startRobot([], { LOG_LEVEL: 'info' });
  try {
    while (!(await healthzAnswers(robot.url))) await new Promise((r) => setTimeout(r, 5));
    return { readyMs: performance.now() - t0, bareNodeMs: bare };
  } finally {
    await robot.stop();
  }
}

export interface TapFigures {
  taps: number;
  p50Ms: number;
  p99Ms: number;
  rssReadyMb: number;
  /** After the warm-up tickets: fonts, canvas and the printer link are loaded. */
  rssWarmMb: number;
  rssAfterMb: number;
  tickets: number;
  /** The floor in the same run, taps in turns with ours (bench/tap-floor.ts): p50 and p99 (ms). */
  floorP50Ms: number;
  floorP99Ms: number;
  /** Where the time goes, per segment of the path: p50 and p99 over the timed taps (ms). */
  breakdown: Record<TapSegment, { p50: number; p99: number }>;
}

/**
 * The path from tap to paper cut at what the bench can see from outside the controller: the
 * `printing` broadcast (sent once the ticket and its `printing` state are committed), the printer
 * connection, its status requests, the first byte that moves the mechanism, the last byte, the
 * reply. Nothing is logged in production for this.
 */
export const TAP_SEGMENTS = {
  commits: 'tap → printing broadcast (validate, the one issue + printing commit)',
  // the link is prepared before the commit: these two are 0 when it was ready in time
  toConnect: 'printing broadcast → printer connection accepted, if after',
  toStatus: 'later of the two → status request read, if after',
  statusToJob: 'later of the three → first job byte (render, status reply)',
  transfer: 'first job byte → last byte',
  // not in the figure: includes the bench process decoding the paper and building its PNG meanwhile
  reply: 'last byte → reply on the WebSocket (markPrinted, close)',
} as const;
export type TapSegment = keyof typeof TAP_SEGMENTS;

interface TapTimeline {
  sentAt: number;
  printingAt: number;
  job: PrintedJob;
  replyAt: number;
}

function segments(t: TapTimeline): Record<TapSegment, number> {
  const s = t.job.stamps;
  const statusAt = s.statusAt[0] ?? s.connectedAt;
  const firstPrintAt = s.firstPrintAt ?? t.job.lastByteAt;
  // a step that starts before the one before it ended (overlap) counts from where that one ended
  const from = (a: number, b: number) => Math.max(0, b - a);
  return {
    commits: from(t.sentAt, t.printingAt),
    toConnect: from(t.printingAt, s.connectedAt),
    toStatus: from(Math.max(t.printingAt, s.connectedAt), statusAt),
    statusToJob: from(Math.max(t.printingAt, statusAt), firstPrintAt),
    transfer: from(firstPrintAt, t.job.lastByteAt),
    reply: from(t.job.lastByteAt, t.replyAt),
  };
}

function breakdownOf(timelines: TapTimeline[]): TapFigures['breakdown'] {
  const all = timelines.map(segments);
  const out = {} as TapFigures['breakdown'];
  for (const key of Object.keys(TAP_SEGMENTS) as TapSegment[]) {
    const sorted = all.map((x) => x[key]).sort((a, b) => a - b);
    out[key] = { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  }
  return out;
}

export function bigCatalog(): Catalog {
  // 1,000 tickets in one morning: room in every prefix
  return Catalog.parse({ ...DEMO_CATALOG, numbering: { start: 1, width: 4, dailyCap: 9999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 } });
}

/**
 * The real `lobby-robot start --no-window` with only the controller in its process: printer over
 * TCP to `printer`, no center, no board, a Monday-morning clock. Started again on the same
 * `dataDir`, it finds its store as it left it (the chaos harness kills and restarts it).
 */
export async function startAloneController(printer: VirtualPrinter, dataDir?: string, statusPollMs = 0): Promise<RobotProcess> {
  const dir = tempDir('bench-controller-');
  const config = writeConfig(dir, {
    profile: 'simulator', robotId: 'bench-robot', logLevel: 'info',
    queue: { simulatedClockStart: '2026-11-30T08:00:00+07:00' },
    printer: { adapter: 'tcp', host: '127.0.0.1', port: printer.port, statusPollMs },
    center: { mode: 'none' }, motion: { adapter: 'none' }, catalog: bigCatalog(),
  });
  // a later --data wins over the fresh folder startRobot gives every start
  return startRobot(['--config', config, ...(dataDir ? ['--data', dataDir] : [])]);
}

/**
 * One round: `taps` timed taps one after another, then more taps (4 at a time) up to `tickets`,
 * and the controller's RSS when ready and at the end.
 */
export async function measureTapsAndMemory(taps: number, tickets: number): Promise<TapFigures> {
  const printer = await startVirtualPrinter();
  // the production status poll (every 5 s, config default) runs meanwhile, as on a robot
  const robot = await startAloneController(printer, undefined, 5000);
  const sockets: WebSocket[] = [];
  let floor: TapFloor | undefined;
  try {
    const rssReadyMb = rssMb(robot.child.pid!);
    let seq = 0;
    const services = DEMO_CATALOG.services.map((s) => s.id);
    const tap = async (ws: WebSocket): Promise<void> => {
      const id = `b${++seq}`;
      // elderly priority: the cut-off by estimated wait would stop a thousand tickets in one morning
      const reply = await request(ws, { v: 1, id, type: 'ticket.issue', payload: { serviceId: services[seq % services.length], language: 'vi', categoryId: 'elderly' } }, id);
      const result = reply.result as { printed?: boolean } | undefined;
      if (!reply.ok || !result?.printed) throw new Error(`tap ${id} failed: ${JSON.stringify(reply.error ?? result)}`);
    };
    for (let i = 0; i < 4; i++) sockets.push((await openApi(robot.url, { token: robot.token })).ws!);
    const ws = sockets[0]!;
    for (let i = 0; i < 4; i++) await tap(ws); // warm-up: fonts, JIT, the printer link
    // the floor sends a real ticket job: the last warm-up ticket's bytes (the printer reports a job once its connection closed)
    const warmJob = new Promise<PrintedJob>((resolve) => printer.events.once('job', resolve));
    await tap(ws);
    const rssWarmMb = rssMb(robot.child.pid!);
    floor = await startTapFloor(printer, tempDir('bench-tap-floor-'), (await warmJob).bytes);
    const floorSamples: number[] = [];
    const samples: number[] = [];
    const timelines: TapTimeline[] = [];
    let printingAt = NaN;
    ws.on('message', (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as { event?: string; data?: { state?: string } };
      if (msg.event === 'ticket.updated' && msg.data?.state === 'printing') printingAt = performance.now();
    });
    for (let i = 0; i < taps; i++) {
      if (i % 2) floorSamples.push(await floor.tap());
      // the printer's own stamp of the job's last byte: the simulator's decoding and PNG come after
      const printed = new Promise<PrintedJob>((resolve) => printer.events.once('job', resolve));
      printingAt = NaN;
      const t0 = performance.now();
      await tap(ws);
      const replyAt = performance.now();
      const job = await printed;
      samples.push(job.lastByteAt - t0);
      timelines.push({ sentAt: t0, printingAt, job, replyAt });
      printer.jobs.length = 0; // the bench keeps no paper: its own memory is not the figure
      if (i % 2 === 0) floorSamples.push(await floor.tap());
    }
    await floor.close();
    floor = undefined;
    floorSamples.sort((a, b) => a - b);
    let done = 5 + taps;
    const lane = async (s: WebSocket) => {
      while (done < tickets) {
        done++;
        await tap(s);
        printer.jobs.length = 0;
      }
    };
    await Promise.all(sockets.map(lane));
    samples.sort((a, b) => a - b);
    const rssAfterMb = rssMb(robot.child.pid!);
    return {
      taps, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), floorP50Ms: percentile(floorSamples, 50), floorP99Ms: percentile(floorSamples, 99),
      rssReadyMb, rssWarmMb, rssAfterMb, tickets: done, breakdown: breakdownOf(timelines),
    };
  } finally {
    for (const s of sockets) s.close();
    await floor?.close();
    await robot.stop();
    await printer.close();
  }
}


if (isEntry('controller-process')) {
  // node dist/bench/controller-process.js: the tap figure alone, with its breakdown
  const taps = Number(process.env.BENCH_TAPS ?? 100);
  void measureTapsAndMemory(taps, taps + 5).then((f) => {
    console.log(`tap → last byte at printer, ${taps} taps: p50 ${fmt(f.p50Ms)} ms, p99 ${fmt(f.p99Ms)} ms; floor (in turns): p50 ${fmt(f.floorP50Ms)} ms, p99 ${fmt(f.floorP99Ms)} ms`);
    for (const [key, label] of Object.entries(TAP_SEGMENTS)) {
      const b = f.breakdown[key as TapSegment];
      console.log(`  ${label.padEnd(64)} p50 ${fmt(b.p50).padStart(6)} ms  p99 ${fmt(b.p99).padStart(6)} ms`);
    }
  });
}
