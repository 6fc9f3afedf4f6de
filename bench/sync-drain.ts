/**
 * Draining an outbox of offline tickets into the center over loopback with the robot's sync
 * client: batched (200 per request) against one request per ticket. The outbox here is in
 * memory, so the numbers are the protocol's and the center's cost, not the robot store's.
 * Run: npm run bench:drain [-- tickets]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCenterServer } from '../src/center/server';
import { memoryCredentialStore } from '../src/controller/sync/credentials';
import type { OutboxEvent, OutboxPort } from '../src/controller/sync/outbox-port';
import { SyncClient } from '../src/controller/sync/sync-client';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { isEntry } from './stats';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

function offlineOutbox(n: number, at: number): OutboxPort & { events: OutboxEvent[] } {
  const events: OutboxEvent[] = Array.from({ length: n }, (_, i) => {
    const id = randomUUID();
    const number = 800 + (i % 50);
    const issuedAt = new Date(at + i * 1000).toISOString();
    // every ticket of a day needs its own number; spread them over days so the space is not the limit
    const day = new Date(at + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10);
    return {
      key: `robot-a:${id}:v3`, ticketId: id, version: 3,
      payload: { ticket: { id, serviceId: 'birth-registration', day, number, display: `A${number}`, language: 'vi', state: 'printed', issuedAt }, version: 3, prefix: 'A', changedAt: issuedAt },
    };
  });
  return {
    events,
    takeBatch: (max) => events.slice(0, max),
    ack: (acks) => {
      const set = new Set(acks.map((a) => a.ticketId));
      events.splice(0, events.length, ...events.filter((e) => !set.has(e.ticketId)));
    },
    pendingCount: () => events.length,
  };
}

export interface DrainResult {
  seconds: number;
  requests: number;
  stored: number;
}

async function drain(total: number, batchSize: number): Promise<DrainResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-drain-'));
  const now = () => Date.parse('2026-11-30T09:00:00+07:00');
  const center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir, catalog: DEMO_CATALOG, log, now, staffKey: 'bench' });
  const outbox = offlineOutbox(total, now());
  const client = new SyncClient({ centerUrl: center.url, robotId: 'robot-a', version: 'bench', outbox, credentials: memoryCredentialStore(), now, batchSize, heartbeatMs: 1e12 });
  const code = await fetch(`${center.url}/v1/admin/enrolment-codes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Staff bench' }, body: '{}' }).then((r) => r.json());
  await client.enrol(code.code);
  const started = performance.now();
  const round = await client.syncOnce();
  const seconds = (performance.now() - started) / 1000;
  await center.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (outbox.pendingCount() !== 0 || round.acked !== total) throw new Error(`drain left ${outbox.pendingCount()} events`);
  return { seconds, requests: Math.ceil(total / batchSize), stored: round.acked };
}

/**
 * One round: `total` offline tickets drained batched (200 a request) and `oneByOneTotal` (default
 * the same) one request each, each into a fresh center; compare them by tickets per second.
 */
export async function measureDrain(total: number, oneByOneTotal = total): Promise<{ batched: DrainResult; oneByOne: DrainResult }> {
  return { batched: await drain(total, 200), oneByOne: await drain(oneByOneTotal, 1) };
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 10_000);
  const { batched, oneByOne } = await measureDrain(total);
  const rows = [['batched (200)', batched], ['one by one', oneByOne]] as const;
  console.log(`sync drain: ${total} offline tickets from one robot's outbox to the center over loopback (SQLite WAL + synchronous FULL)\n`);
  console.log('| mode          | requests | seconds | tickets/s | acknowledged |');
  console.log('|---------------|----------|---------|-----------|--------------|');
  for (const [mode, r] of rows) {
    console.log(`| ${mode.padEnd(13)} | ${String(r.requests).padStart(8)} | ${r.seconds.toFixed(2).padStart(7)} | ${(total / r.seconds).toFixed(0).padStart(9)} | ${String(r.stored).padStart(12)} |`);
  }
  console.log(`\nbatched is ${(oneByOne.seconds / batched.seconds).toFixed(1)}x faster than one by one`);
}

if (isEntry('sync-drain')) void main();
