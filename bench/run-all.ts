/**
 * `npm run bench`: every figure in one run, several rounds each (BENCH_ROUNDS, default 3), the
 * median and the spread of the rounds, printed as a markdown table and written to bench/results/
 * (latest.json, latest.md and a dated copy). Figures against a peer are given as ratios too.
 *
 *   npm run bench [-- --rounds 5] [-- --only tap,issuance]
 *
 * The wake-word figure comes from an optional module: when bench/voice.ts exists (the voice
 * work), it is bundled beside this file and its `measureWakeWord()` is called each round.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { exitWith, repoRoot } from '../test/chaos/recorder';
import { CENTER_ROBOTS, measureCenterIssuance } from './center-issuance';
import { measureColdStart, measureTapsAndMemory, TAP_SEGMENTS, type TapSegment } from './controller-process';
import { measureDurableVsBare, measureIssuance } from './issuance';
import { measureMotionLatency, SLICE_MS } from './motion-latency';
import { fmt, markdownTable, percentile, summarize, type Summary } from './stats';
import { measureDrain } from './sync-drain';
import { measureTicketRender } from './ticket-render';

/** What an optional bench/voice.ts exports. */
export interface WakeWordFigures {
  /** Processing time / audio time of the wake-word engine fed from a file (below 1 keeps up with the microphone). */
  realTimeFactor: number;
  /** The same three ONNX models run bare with onnxruntime-node on the same audio, in the same run (the limit). */
  bareRealTimeFactor?: number;
  audioSeconds?: number;
  engine?: string;
}

interface Metric {
  key: string;
  label: string;
  unit: string;
}

interface Figure {
  id: string;
  title: string;
  /** What the figure is measured against, shown under the table. */
  note: string;
  metrics: Metric[];
  round(): Promise<Record<string, number>>;
}

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZES = {
  taps: env('BENCH_TAPS', 100),
  tickets: env('BENCH_RSS_TICKETS', 1000),
  issuance: env('BENCH_TICKETS', 1000),
  // a commit's time on this disk varies by ±50 % from one to the next: 3,000 a side keeps a round's ratio within a few %
  issuanceVsBare: env('BENCH_TICKETS_VS_BARE', 3000),
  drain: env('BENCH_DRAIN_TICKETS', 10_000),
  // the one-by-one peers pay one fsync per ticket: a smaller sample gives the same rate in a tenth of the time
  drainOneByOne: env('BENCH_DRAIN_ONE_BY_ONE', 1000),
  centerPerRobot: env('BENCH_CENTER_PER_ROBOT', 200),
  centerOneByOnePerRobot: env('BENCH_CENTER_ONE_BY_ONE_PER_ROBOT', 25),
  // 100 moves: a p99 of fewer samples is just the slowest one
  motionMoves: env('BENCH_MOTION_MOVES', 100),
};

/** Tap to paper: 10 % of the ~400 ms a ticket takes to print mechanically (issue 20). */
const TAP_P99_LIMIT_MS = 40;

function loadVoice(): (() => Promise<WakeWordFigures>) | undefined {
  const file = join(__dirname, 'voice.js');
  if (!existsSync(file)) return undefined;
  const mod = createRequire(__filename)(file) as { measureWakeWord?: () => Promise<WakeWordFigures> };
  return typeof mod.measureWakeWord === 'function' ? mod.measureWakeWord : undefined;
}

function figures(): Figure[] {
  const list: Figure[] = [
    {
      id: 'tap', title: 'tap to printer', note: `ticket.issue over the WebSocket API → last ESC/POS byte at the virtual printer (TCP, its own stamp before decoding), ${SIZES.taps} taps a round, controller in its own process with the production status poll (5 s); limit: ${TAP_P99_LIMIT_MS} ms p99 (10 % of a ticket's ~400 ms of mechanical printing); floor in the same run, taps in turns: a bare process doing one WAL FULL commit and the same printer protocol with the same job bytes, no render (bench/tap-floor-child.cjs)`,
      metrics: [{ key: 'p50', label: 'tap → last byte at printer, p50', unit: 'ms' }, { key: 'p99', label: 'tap → last byte at printer, p99', unit: 'ms' },
        { key: 'p99VsLimit', label: `tap → last byte p99 / ${TAP_P99_LIMIT_MS} ms limit (goal ≤ 1)`, unit: '×' },
        { key: 'floorP50', label: 'tap floor (commit + printer protocol, no render), p50', unit: 'ms' }, { key: 'floorP99', label: 'tap floor, p99', unit: 'ms' },
        { key: 'p50VsFloor', label: 'tap → last byte p50 / floor p50', unit: '×' }, { key: 'p99VsFloor', label: 'tap → last byte p99 / floor p99', unit: '×' },
        { key: 'rssReady', label: 'controller RSS when ready', unit: 'MB' }, { key: 'rssWarm', label: 'controller RSS after 5 warm-up tickets', unit: 'MB' },
        { key: 'rssAfter', label: `controller RSS after ${SIZES.tickets} tickets`, unit: 'MB' }, { key: 'rssGrowth', label: `RSS growth from warm-up to ${SIZES.tickets} tickets`, unit: 'MB' }],
      round: async () => {
        const f = await measureTapsAndMemory(SIZES.taps, SIZES.tickets);
        // where the time went this round (seen from outside the controller; not in the table)
        process.stdout.write(`\n${Object.entries(TAP_SEGMENTS).map(([k, label]) => `  ${label}: p50 ${fmt(f.breakdown[k as TapSegment].p50)} ms, p99 ${fmt(f.breakdown[k as TapSegment].p99)} ms`).join('\n')}\n  `);
        return {
          p50: f.p50Ms, p99: f.p99Ms, p99VsLimit: f.p99Ms / TAP_P99_LIMIT_MS, floorP50: f.floorP50Ms, floorP99: f.floorP99Ms, p50VsFloor: f.p50Ms / f.floorP50Ms, p99VsFloor: f.p99Ms / f.floorP99Ms,
          rssReady: f.rssReadyMb, rssWarm: f.rssWarmMb, rssAfter: f.rssAfterMb, rssGrowth: f.rssAfterMb - f.rssWarmMb };
      },
    },
    {
      id: 'issuance', title: 'durable issuance', note: `QueueStore issue + printing + printed (3 commits), ${SIZES.issuance} tickets; peers: synchronous NORMAL, in memory. And issue alone (1 commit) against its limit: a bare better-sqlite3 loop committing the same-shaped ticket INSERT, one transaction each, WAL FULL, same disk, ${SIZES.issuanceVsBare} each in turns of 50 (bench/issuance-bare.ts)`,
      metrics: [{ key: 'perSecond', label: 'durable issuance (WAL, synchronous FULL)', unit: 'tickets/s' }, { key: 'p99', label: 'durable issuance p99', unit: 'ms' },
        { key: 'vsNormal', label: 'durable / synchronous NORMAL throughput', unit: '×' }, { key: 'vsMemory', label: 'durable / in-memory throughput', unit: '×' },
        { key: 'issueRate', label: 'durable issue alone (1 commit)', unit: 'tickets/s' }, { key: 'bareRate', label: 'bare better-sqlite3 commit loop (WAL FULL)', unit: 'commits/s' },
        { key: 'vsBare', label: 'durable issue / bare commit loop (goal ≥ 0.9)', unit: '×' }],
      round: async () => {
        const { durable, peers } = measureIssuance(SIZES.issuance, true);
        const { ours, bare } = measureDurableVsBare(SIZES.issuanceVsBare);
        return {
          perSecond: durable.perSecond, p99: durable.p99, vsNormal: durable.perSecond / peers[0]!.perSecond, vsMemory: durable.perSecond / peers[1]!.perSecond,
          issueRate: ours.perSecond, bareRate: bare.perSecond, vsBare: ours.perSecond / bare.perSecond,
        };
      },
    },
    {
      id: 'ticket', title: 'ticket render + encode', note: 'raster ticket (canvas, any script, QR) vs node-thermal-printer printing the same picture (`printImageBuffer` of our ticket as PNG: decode, 1-bit packing, GS v 0); its code-page text ticket (no CJK, unreliable diacritics) as a second line; goal: ≥ 10× faster than the same-picture peer',
      metrics: [{ key: 'ours', label: 'ticket render + encode (lobby-robot)', unit: 'ms' }, { key: 'peer', label: 'same picture, node-thermal-printer printImageBuffer', unit: 'ms' },
        { key: 'speedup', label: 'speed-up over node-thermal-printer, same picture (goal ≥ 10)', unit: '×' },
        { key: 'peerText', label: 'node-thermal-printer code-page text ticket (not the same paper)', unit: 'ms' }, { key: 'vsText', label: 'render time, lobby-robot / node-thermal-printer text ticket', unit: '×' }],
      round: async () => {
        const f = await measureTicketRender(1500);
        return { ours: f.oursMs, peer: f.peerMs, speedup: f.peerMs / f.oursMs, peerText: f.peerTextMs, vsText: f.oursMs / f.peerTextMs };
      },
    },
    {
      id: 'drain', title: 'offline backlog drain', note: `${SIZES.drain} offline tickets from one outbox to the center over loopback, 200 a request; peer: one request per ticket (${SIZES.drainOneByOne} tickets, compared by rate)`,
      metrics: [{ key: 'batched', label: `drain ${SIZES.drain} offline tickets, batched (200)`, unit: 's' }, { key: 'batchedRate', label: 'offline drain, batched', unit: 'tickets/s' },
        { key: 'oneByOneRate', label: 'offline drain, one by one', unit: 'tickets/s' }, { key: 'speedup', label: 'offline drain, batched / one by one rate', unit: '×' }],
      round: async () => {
        const f = await measureDrain(SIZES.drain, SIZES.drainOneByOne);
        const batchedRate = SIZES.drain / f.batched.seconds;
        const oneByOneRate = SIZES.drainOneByOne / f.oneByOne.seconds;
        return { batched: f.batched.seconds, batchedRate, oneByOneRate, speedup: batchedRate / oneByOneRate };
      },
    },
    {
      id: 'center', title: 'center issuance', note: `${CENTER_ROBOTS} concurrent robots leasing blocks and reporting ${SIZES.centerPerRobot} tickets each in batches of 20 (peer: ${SIZES.centerOneByOnePerRobot} each, one request per ticket); 0 duplicate numbers and 0 missing tickets asserted every round`,
      metrics: [{ key: 'batched', label: `center issuance, ${CENTER_ROBOTS} robots, batched`, unit: 'tickets/s' }, { key: 'oneByOne', label: `center issuance, ${CENTER_ROBOTS} robots, one by one`, unit: 'tickets/s' },
        { key: 'ratio', label: 'center issuance, batched / one by one', unit: '×' }, { key: 'duplicates', label: 'duplicate numbers + missing tickets at the center', unit: '' }],
      round: async () => {
        const f = await measureCenterIssuance(SIZES.centerPerRobot, SIZES.centerOneByOnePerRobot);
        return { batched: f.batched.perSecond, oneByOne: f.oneByOne.perSecond, ratio: f.batched.perSecond / f.oneByOne.perSecond, duplicates: f.batched.duplicates + f.oneByOne.duplicates + f.batched.missing + f.oneByOne.missing };
      },
    },
    {
      id: 'cold-start', title: 'cold start', note: '`lobby-robot start --no-window` (simulator profile: virtual printer, board, embedded center) → /healthz 200; peer: bare `node -e 0`',
      metrics: [{ key: 'readyMs', label: 'cold start to /healthz', unit: 'ms' }, { key: 'ratio', label: 'cold start / bare Node.js start-up', unit: '×' }],
      round: async () => {
        const f = await measureColdStart();
        return { readyMs: f.readyMs, ratio: f.readyMs / f.bareNodeMs };
      },
    },
    {
      id: 'motion', title: 'command to servo pulse', note: `${SIZES.motionMoves} head moves through johnny-five → firmata → pty → StandardFirmata in avr8js running at real time with ${SLICE_MS} ms slices (the suite: 2 ms), 5–45 ms apart (every phase of the Servo library's 20 ms frame); limit: the same Firmata bytes written straight to the pty on the same board (bench/motion-bare.ts)`,
      metrics: [{ key: 'p50', label: 'motion command → pulse, p50 (simulated)', unit: 'ms' }, { key: 'frames', label: 'motion p50 in servo frames (20 ms)', unit: '×' },
        { key: 'p99', label: 'motion command → pulse, p99 (simulated)', unit: 'ms' }, { key: 'bareP50', label: 'Firmata bytes straight to the pty → pulse, p50', unit: 'ms' },
        { key: 'bareP99', label: 'Firmata bytes straight to the pty → pulse, p99', unit: 'ms' }, { key: 'ratioP99', label: 'motion p99, lobby-robot / bare Firmata', unit: '×' }],
      round: async () => {
        const m = await measureMotionLatency(SIZES.motionMoves);
        const p50 = percentile(m.simUs, 50) / 1000;
        const p99 = percentile(m.simUs, 99) / 1000;
        const bareP99 = percentile(m.bareSimUs, 99) / 1000;
        return { p50, frames: p50 / 20, p99, bareP50: percentile(m.bareSimUs, 50) / 1000, bareP99, ratioP99: p99 / bareP99 };
      },
    },
  ];
  const voice = loadVoice();
  if (voice) {
    list.push({
      id: 'voice', title: 'wake word', note: 'wake-word engine fed 80 ms chunks from a file, one thread: processing time / audio time; limit: the same three openWakeWord ONNX models run bare with onnxruntime-node on the same steps, fed in turns with ours (bench/wakeword-bare.ts)',
      metrics: [{ key: 'rtf', label: 'wake-word real-time factor', unit: '×' }, { key: 'bare', label: 'wake-word real-time factor, bare models (onnxruntime-node)', unit: '×' },
        { key: 'ratio', label: 'wake word, lobby-robot / bare models', unit: '×' }],
      round: async () => {
        const f = await voice();
        const bare = f.bareRealTimeFactor ?? Number.NaN;
        return { rtf: f.realTimeFactor, bare, ratio: f.realTimeFactor / bare };
      },
    });
  }
  return list;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} free), ${type()} ${release()}, Node.js ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const roundsArg = args.indexOf('--rounds');
  const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : env('BENCH_ROUNDS', 3);
  const onlyArg = args.indexOf('--only');
  const only = onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',') : [];
  const all = figures();
  const chosen = all.filter((f) => !only.length || only.includes(f.id));
  const host = machine();
  const startedAt = new Date().toISOString();
  console.log(`lobby-robot bench, ${rounds} rounds per figure\nmachine: ${host}\nwake word: ${all.some((f) => f.id === 'voice') ? 'bench/voice.ts measureWakeWord() found, measured' : 'no bench/voice.ts exporting measureWakeWord() in this tree, not measured'}\n`);

  const results: { figure: string; metric: string; unit: string; summary: Summary; values: number[] }[] = [];
  const failures: string[] = [];
  for (const f of chosen) {
    const values: Record<string, number>[] = [];
    for (let r = 1; r <= rounds; r++) {
      process.stdout.write(`${f.title}: round ${r}/${rounds}... `);
      try {
        // each round starts on a collected heap: no figure pays for the garbage of the one before
        (globalThis as { gc?: () => void }).gc?.();
        const v = await f.round();
        values.push(v);
        console.log(f.metrics.map((m) => `${fmt(v[m.key]!)} ${m.unit}`).join(', '));
      } catch (e) {
        console.log('FAILED');
        failures.push(`${f.title}: ${(e as Error).message}`);
        break;
      }
    }
    if (!values.length) continue;
    for (const m of f.metrics) {
      const series = values.map((v) => v[m.key]!);
      results.push({ figure: f.id, metric: m.label, unit: m.unit, summary: summarize(series), values: series });
    }
  }

  const table = markdownTable(
    ['figure', 'median', 'unit', 'min – max', 'spread', 'rounds'],
    results.map((r) => [r.metric, fmt(r.summary.median), r.unit, `${fmt(r.summary.min)} – ${fmt(r.summary.max)}`, `${r.summary.spreadPct.toFixed(0)} %`, String(r.summary.rounds)]),
  );
  const notes = chosen.map((f) => `- **${f.title}**: ${f.note}`).join('\n');
  const markdown = `# lobby-robot bench — ${startedAt}\n\nMachine: ${host}\n\n${table}\n\n${notes}\n${failures.length ? `\nFailed:\n${failures.map((x) => `- ${x}`).join('\n')}\n` : ''}`;
  console.log(`\n${table}\n\n${notes}`);

  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({ startedAt, machine: host, rounds, sizes: SIZES, results, failures }, null, 2);
  const stamp = startedAt.replace(/[:.]/g, '-');
  for (const [name, body] of [['latest.json', json], ['latest.md', markdown], [`bench-${stamp}.json`, json], [`bench-${stamp}.md`, markdown]] as const) writeFileSync(join(dir, name), body);
  console.log(`\nwritten: bench/results/latest.md, bench/results/latest.json (and dated copies)`);
  for (const f of failures) console.error(`FAILED ${f}`);
  return failures.length ? 1 : 0;
}

exitWith(main);
