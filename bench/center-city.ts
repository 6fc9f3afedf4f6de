/**
 * A city's load on the center (issue 19): 336 robots (168 wards x 2) leasing blocks and reporting
 * tickets in batches of 20, against SQLite with one center process, PostgreSQL with one, and
 * PostgreSQL with two processes behind HAProxy. Each center is a separate Node process (this
 * bench file forked with --center-instance), so two instances really use two cores; the robots
 * run in the bench's own process. Durability stays on everywhere: SQLite WAL + synchronous FULL,
 * PostgreSQL fsync and synchronous_commit on.
 *
 * The centers declare the city's 168 wards as branches (a SQLite file or a PostgreSQL schema each,
 * issue 19's design); the two robots of a ward enrol with that ward's staff key, so each ward has
 * its own number space, as in production.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCenterServer } from '../src/center/server';
import type { Lease, TicketChangeInput } from '../src/contract/sync';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { createBackoff } from '../src/core/backoff';
import { startHaproxy } from '../test/support/haproxy';
import { freePort } from '../test/support/postgres';
import { percentile } from './stats';

export const CITY_WARDS = 168;
export const CITY_ROBOTS = CITY_WARDS * 2;
const DAY = '2026-11-30';
const DAY_MS = 24 * 3600_000;
/** Tickets per robot before the timed run (one batch). */
export const WARM_UP_PER_ROBOT = 20;
export const WARD_IDS = Array.from({ length: CITY_WARDS }, (_, i) => `ward-${i + 1}`);
const staffKeyOf = (ward: string) => `bench-staff-${ward}`;
const PREFIXES = [...new Set(DEMO_CATALOG.services.map((s) => s.prefix))];
const SERVICE_OF = new Map(DEMO_CATALOG.services.map((s) => [s.prefix, s.id]));

export interface CityRow {
  setup: string;
  tickets: number;
  seconds: number;
  perSecond: number;
  p99Ms: number;
  loadBefore: number;
}

interface InstanceArgs {
  port: number;
  dataDir: string;
  database?: string;
}

/** In the forked child: one center instance until SIGTERM. */
export async function runCenterInstanceIfAsked(): Promise<boolean> {
  const i = process.argv.indexOf('--center-instance');
  if (i < 0) return false;
  const args = JSON.parse(process.argv[i + 1]!) as InstanceArgs;
  const now = () => Date.parse(`${DAY}T09:00:00+07:00`) + (Date.now() % DAY_MS) / 1000;
  // failures still show: a bench that hides why a request failed measures nothing
  const log = { info: () => undefined, warn: () => undefined, error: (o: object, m?: string) => console.error(m, JSON.stringify(o)) };
  const center = await createCenterServer({
    host: '127.0.0.1', port: args.port, dataDir: args.dataDir, database: args.database, catalog: DEMO_CATALOG, log, now, adminKey: 'bench-admin',
    branches: WARD_IDS.map((id) => ({ id, catalog: DEMO_CATALOG, staffKey: staffKeyOf(id) })),
  });
  process.send?.({ port: center.port });
  process.once('SIGTERM', () => void center.close().then(() => process.exit(0)));
  return true;
}

function startInstance(args: InstanceArgs): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1]!, ['--center-instance', JSON.stringify(args)], { stdio: 'inherit' });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`center instance exited (${code}) before listening`)));
  });
}

async function stopInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function post(url: string, auth: string, body: unknown, latencies: number[]): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const backoff = createBackoff({ initialMs: 50, maxMs: 2000, jitter: 'full' }, Math.random);
  for (;;) {
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify(body) });
    // 5xx is retried as a robot does: the balancer holding both instances for down (health checks late on a loaded
    // machine), or a center whose pool wait ran out (10 s) while 168 robots queue for its 10 connections
    if (res.status >= 500) {
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, backoff.next()));
      continue;
    }
    const json = await res.json();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
    latencies.push(performance.now() - t0);
    return json;
  }
}

/** One robot: leases a block per 20 numbers, reports each block's tickets in one batch. */
async function robot(base: string, token: string, r: number, perRobot: number, latencies: number[]): Promise<void> {
  const held = new Map<string, { lease: Lease; next: number }>();
  let pending: TicketChangeInput[] = [];
  for (let i = 0; i < perRobot; i++) {
    const prefix = PREFIXES[(r + Math.floor(i / 20)) % PREFIXES.length]!;
    let source = held.get(prefix);
    if (!source || source.next > source.lease.last) {
      const res = await post(`${base}/v1/leases`, `Bearer ${token}`, { requests: [{ requestId: randomUUID(), prefix, day: DAY }] }, latencies);
      source = { lease: res.results[0].lease, next: res.results[0].lease.first };
      held.set(prefix, source);
    }
    const number = source.next++;
    const at = new Date().toISOString();
    pending.push({ ticket: { id: randomUUID(), serviceId: SERVICE_OF.get(prefix)!, day: DAY, number, display: prefix + String(number).padStart(4, '0'), language: 'vi', state: 'printed', issuedAt: at }, version: 3, prefix, changedAt: at });
    if (pending.length === 20 || i === perRobot - 1) {
      await post(`${base}/v1/tickets/batch`, `Bearer ${token}`, { changes: pending }, latencies);
      pending = [];
    }
  }
}

/**
 * One setup: `instances` center processes (SQLite when no database), HAProxy in front of two.
 * `check` reads the store at the end: duplicates and stored tickets.
 */
export async function measureCity(setup: string, instances: 1 | 2, perRobot: number, database: string | undefined, check: (dataDir: string) => Promise<{ duplicates: number; stored: number }>): Promise<CityRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-city-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  let balancer: Awaited<ReturnType<typeof startHaproxy>> | undefined;
  try {
    for (let i = 0; i < instances; i++) {
      ports.push(await freePort());
      children.push(await startInstance({ port: ports[i]!, dataDir, database }));
    }
    if (instances === 2) balancer = await startHaproxy(ports.map((port, i) => ({ name: `c${i + 1}`, port })));
    const base = balancer?.url ?? `http://127.0.0.1:${ports[0]}`;
    const tokens: string[] = [];
    for (let i = 0; i < CITY_ROBOTS; i++) {
      const ward = WARD_IDS[Math.floor(i / 2)]!;
      const code = await post(`${base}/v1/admin/enrolment-codes`, `Staff ${staffKeyOf(ward)}`, {}, []);
      const e = await post(`${base}/v1/enrol`, '', { code: code.code, robotId: `${ward}-robot-${(i % 2) + 1}`, version: 'bench' }, []);
      tokens.push(e.device.token);
    }
    // a city's center runs all day: one untimed batch per robot first, so every connection has met every
    // ward's tables (PostgreSQL builds its catalog caches per connection and schema) before the clock starts
    await Promise.all(tokens.map((token, r) => robot(base, token, r, WARM_UP_PER_ROBOT, [])));
    const latencies: number[] = [];
    const loadBefore = loadavg()[0]!;
    const started = performance.now();
    await Promise.all(tokens.map((token, r) => robot(base, token, r, perRobot, latencies)));
    const seconds = (performance.now() - started) / 1000;
    const tickets = CITY_ROBOTS * perRobot;
    const { duplicates, stored } = await check(dataDir);
    const expected = tickets + CITY_ROBOTS * WARM_UP_PER_ROBOT;
    if (duplicates || stored !== expected) throw new Error(`${setup}: ${duplicates} duplicate numbers, ${expected - stored} missing tickets`);
    return { setup, tickets, seconds, perSecond: tickets / seconds, p99Ms: percentile(latencies.sort((a, b) => a - b), 99), loadBefore };
  } finally {
    await balancer?.stop();
    await Promise.all(children.map(stopInstance));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
