/**
 * The program the crash test kills. It runs the production store (bundled by esbuild at test
 * time): start-up recovery, then an endless stream of issue / print / fail / void / sync steps.
 * After each committed issue it writes "ACK <ticket id>" to stdout: the parent may rely on
 * every acknowledged ticket surviving any SIGKILL.
 *
 * argv: <db file> <catalog json> <seed> <base wall ms> <parent start ms>
 * The catalog comes already validated by the parent, so the child loads no schema library:
 * start-up stays cheap and 200 kills fit in a CI minute.
 */
import { readFileSync, writeSync } from 'node:fs';
import type { Catalog } from '../../../src/contract';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { recoverInterrupted } from '../../../src/controller/store/recovery';
import { nextLeaseBlock, numberingFor } from '../../../src/core/queue';
import { connectionOf } from '../../../src/controller/store/connection';

const [file, catalogFile, seedArg, baseArg, startArg] = process.argv.slice(2) as [string, string, string, string, string];
let seed = Number(seedArg) >>> 0;
const random = (): number => {
  // mulberry32: a different, reproducible sequence per run
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const CRASH_CATALOG = JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog;
const services = CRASH_CATALOG.services.map((s) => s.id);
const base = Number(baseArg);
const start = Number(startArg);
const store = QueueStore.open({ file, robotId: 'robot-crash', robotSlot: 2, catalog: CRASH_CATALOG, clock: { wallMs: () => base + (Date.now() - start) } });
const say = (line: string) => writeSync(1, `${line}\n`);

/** Plays the center: leases the next block after the highest one this robot holds (ids are deterministic, so re-adding after a crash is a no-op). */
function leaseIfLow(reachable = random() >= 0.3): void {
  for (const need of store.leaseNeeds()) {
    if (!reachable) continue; // sometimes the center is unreachable: the fallback run covers it
    const block = nextLeaseBlock(numberingFor(CRASH_CATALOG, need.prefix), need.leasedUpTo);
    if (block) store.addLease({ leaseId: `${need.prefix}-${need.day}-${block.first}`, prefix: need.prefix, day: need.day, ...block });
  }
}

function step(): void {
  const r = random();
  if (r < 0.1) {
    const batch = store.takeBatch(1 + Math.floor(random() * 30));
    store.ack(batch.filter(() => random() < 0.9));
    return;
  }
  if (r < 0.2) return leaseIfLow();
  const serviceId = services[Math.floor(random() * services.length)]!;
  // a priority category keeps the cut-off out of the way: this test is about crashes
  let outcome = store.issue({ serviceId, language: 'vi', categoryId: 'elderly' });
  // out of numbers: a robot asks the center for a block at once (prefix A holds most services, so a
  // long run between kills can use up its blocks); the center answering, the issue is retried
  if (!outcome.ok && outcome.code === 'QUEUE_NO_NUMBERS_AVAILABLE') {
    leaseIfLow(true);
    outcome = store.issue({ serviceId, language: 'vi', categoryId: 'elderly' });
  }
  // the whole refusal (code, detail) and the sources of its prefix, so a failure in CI says why
  if (!outcome.ok) throw new Error(`refused ${JSON.stringify(outcome)}; sources: ${JSON.stringify(connectionOf(store).prepare("SELECT prefix, day, kind, first, last, next FROM number_sources ORDER BY id DESC LIMIT 12").all())}`);
  const t = outcome.ticket;
  say(`ACK ${t.id}`);
  store.markPrinting(t.id);
  const p = random();
  if (p < 0.75) {
    store.markPrinted(t.id);
    if (random() < 0.05) store.voidTicket(t.id, 'citizen left');
  } else {
    const failed = store.markPrintFailed(t.id, 'PRINTER_PAPER_OUT');
    if (failed.action === 'reprint') {
      store.markPrinting(t.id);
      if (random() < 0.5) store.markPrinted(t.id);
      else store.markPrintFailed(t.id, 'PRINTER_TIMEOUT');
    }
  }
}

async function main(): Promise<void> {
  say('OPEN');
  await recoverInterrupted(store, random() < 0.5 ? undefined : async () => (random() < 0.5 ? 'printed' : 'not_printed'));
  say('READY');
  // synchronous bursts with a yield between them so the kill can land anywhere, also mid-burst
  for (;;) {
    for (let i = 0; i < 5; i++) step();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(3);
});
