/**
 * Durable issuance on this machine: latency (p50/p99) and throughput of QueueStore.issue on a
 * file with WAL + synchronous FULL (what the robot runs), against two peers that give up
 * durability: the same store with synchronous NORMAL, and in memory. Printed as ratios.
 * And its limit: a bare better-sqlite3 loop committing the same-shaped ticket INSERT, one
 * transaction (one fsync) per ticket, WAL FULL, on the same disk (bench/issuance-bare.ts), fed
 * in turns with our `issue` so both see the same disk and CPU load.
 *
 *   npm run bench:issuance            (N tickets per run: BENCH_TICKETS, default 1000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Catalog } from '../src/contract';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { QueueStore } from '../src/controller/store/queue-store';
import { openBareCommitLoop } from './issuance-bare';
import { isEntry } from './stats';

const MONDAY_0800 = Date.parse('2026-11-30T01:00:00Z');
/** A wall clock that moves on a millisecond each reading from Monday 08:00, as a real one does between taps. */
const movingClock = () => {
  let ms = MONDAY_0800;
  return { wallMs: () => (ms += 1) };
};
const catalog = Catalog.parse({ ...DEMO_CATALOG, numbering: { start: 1, width: 5, dailyCap: 99999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 } });

export interface IssuanceResult {
  name: string;
  p50: number;
  p99: number;
  perSecond: number;
}

function run(name: string, file: string, synchronous: 'FULL' | 'NORMAL', cycle: boolean, N: number): IssuanceResult {
  const store = QueueStore.open({ file, robotId: 'bench', robotSlot: 1, catalog, synchronous, clock: movingClock() });
  store.addLease({ leaseId: 'bench', prefix: 'A', day: '2026-11-30', first: 1, last: 90000 });
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const r = store.issue({ serviceId: 'birth-registration', language: 'vi', categoryId: 'elderly' });
    if (!r.ok) throw new Error(`refused ${r.code}`);
    if (cycle) {
      store.markPrinting(r.ticket.id);
      store.markPrinted(r.ticket.id);
    }
    samples.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  store.close();
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { name, p50: q(0.5), p99: q(0.99), perSecond: (N / elapsed) * 1000 };
}

export interface IssuanceFigures {
  durable: IssuanceResult;
  peers: IssuanceResult[];
}

/** One round: the durable store against its two non-durable peers, `n` tickets each. */
export function measureIssuance(n: number, cycle: boolean): IssuanceFigures {
  const dir = mkdtempSync(join(tmpdir(), 'bench-issuance-'));
  try {
    return {
      durable: run('file, WAL, synchronous FULL (robot)', join(dir, `full-${cycle}.sqlite`), 'FULL', cycle, n),
      peers: [run('file, WAL, synchronous NORMAL', join(dir, `normal-${cycle}.sqlite`), 'NORMAL', cycle, n), run('in memory', ':memory:', 'FULL', cycle, n)],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface DurableVsBare {
  ours: IssuanceResult;
  bare: IssuanceResult;
}

function summary(name: string, samples: number[]): IssuanceResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { name, p50: q(0.5), p99: q(0.99), perSecond: (samples.length / samples.reduce((a, b) => a + b, 0)) * 1000 };
}

/** `n` durable issues (one commit each) against `n` bare commits, in turns of 50, order alternating. */
export function measureDurableVsBare(n: number): DurableVsBare {
  const dir = mkdtempSync(join(tmpdir(), 'bench-issuance-bare-'));
  const store = QueueStore.open({ file: join(dir, 'ours.sqlite'), robotId: 'bench', robotSlot: 1, catalog, synchronous: 'FULL', clock: movingClock() });
  const bare = openBareCommitLoop(join(dir, 'bare.sqlite'), MONDAY_0800);
  try {
    store.addLease({ leaseId: 'bench', prefix: 'A', day: '2026-11-30', first: 1, last: 90000 });
    const ours: number[] = [];
    const peer: number[] = [];
    const issueSome = (k: number) => {
      for (let i = 0; i < k; i++) {
        const t0 = performance.now();
        const r = store.issue({ serviceId: 'birth-registration', language: 'vi', categoryId: 'elderly' });
        if (!r.ok) throw new Error(`refused ${r.code}`);
        ours.push(performance.now() - t0);
      }
    };
    for (let done = 0, turn = 0; done < n; turn++) {
      const k = Math.min(50, n - done);
      if (turn % 2) {
        peer.push(...bare.commit(k));
        issueSome(k);
      } else {
        issueSome(k);
        peer.push(...bare.commit(k));
      }
      done += k;
    }
    return {
      ours: summary('QueueStore.issue, WAL, synchronous FULL', ours),
      bare: summary('bare better-sqlite3 INSERT, one commit each, WAL FULL', peer),
    };
  } finally {
    store.close();
    bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isEntry('issuance')) {
  const N = Number(process.env.BENCH_TICKETS ?? 1000);
  for (const cycle of [false, true]) {
    const what = cycle ? 'issue + printing + printed (3 commits)' : 'issue (1 commit)';
    const { durable, peers } = measureIssuance(N, cycle);
    console.log(`\n${what}, ${N} tickets`);
    console.log('setup'.padEnd(40), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'tickets/s'.padStart(10));
    for (const r of [durable, ...peers]) console.log(r.name.padEnd(40), r.p50.toFixed(3).padStart(8), r.p99.toFixed(3).padStart(8), r.perSecond.toFixed(0).padStart(10));
    for (const p of peers) {
      console.log(`durable vs ${p.name}: p50 x${(durable.p50 / p.p50).toFixed(2)}, p99 x${(durable.p99 / p.p99).toFixed(2)}, throughput x${(durable.perSecond / p.perSecond).toFixed(2)}`);
    }
    // a ward center issues ~200 tickets a day; what matters is that one stays far under a tap's 100 ms
    console.log(`headroom: p99 ${durable.p99.toFixed(2)} ms per ticket against a 100 ms budget per tap`);
  }
  const { ours, bare } = measureDurableVsBare(N);
  console.log(`\nissue (1 commit) against its limit, ${N} each, in turns`);
  for (const r of [ours, bare]) console.log(r.name.padEnd(56), `p50 ${r.p50.toFixed(3)} ms`, `p99 ${r.p99.toFixed(3)} ms`, `${r.perSecond.toFixed(0)}/s`);
  console.log(`durable issuance / bare commit loop: ${(ours.perSecond / bare.perSecond).toFixed(3)}`);
}
