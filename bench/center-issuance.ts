/**
 * Center issuance and ingestion throughput with 20 concurrent simulated robots over loopback, on
 * the SQLite store (one file) and on PostgreSQL (one instance; a throwaway local cluster unless
 * BENCH_DATABASE names one), with the p99 of each robot request and the ratio between the two.
 *
 * Each robot leases blocks of numbers (POST /v1/leases), numbers its tickets from them and reports
 * them (POST /v1/tickets/batch), either one batch per block or one request per ticket. At the end
 * the center's store is checked: every ticket present once, no (prefix, day, number) twice.
 * Run: npm run bench:center [-- ticketsPerRobot]
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_BRANCH_ID, pgSchemaOf } from '../src/center/branches/branch-id';
import { createCenterServer } from '../src/center/server';
import { branchDbFile } from '../src/center/storage/sqlite';
import type { Lease, TicketChangeInput } from '../src/contract/sync';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { startPostgres } from '../test/support/postgres';
import { CITY_ROBOTS, measureCity, WARD_IDS, runCenterInstanceIfAsked, type CityRow } from './center-city';
import { isEntry, markdownTable, percentile } from './stats';

const ROBOTS = 20;
const PREFIXES = ['A', 'B', 'C', 'R'];
const DAY_MS = 24 * 3600_000;

export interface CenterIssuanceRow {
  mode: string;
  store: string;
  p99Ms: number;
  tickets: number;
  requests: number;
  seconds: number;
  perSecond: number;
  duplicates: number;
  missing: number;
}

const latencies: number[] = [];

async function post(url: string, token: string, body: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  latencies.push(performance.now() - t0);
  return json;
}

/** Tickets stored once each and numbers taken twice, as the store holds them at the end (summed over `branches`; the default one when absent). */
async function check(dataDir: string, database: string | undefined, branches: readonly string[] = [DEFAULT_BRANCH_ID]): Promise<{ duplicates: number; stored: number }> {
  const dup = 'SELECT count(*) AS n FROM (SELECT 1 FROM tickets GROUP BY prefix, day, number HAVING count(*) > 1) d';
  const all = 'SELECT count(DISTINCT ticket_id) AS n FROM tickets';
  const out = { duplicates: 0, stored: 0 };
  if (database) {
    const c = new Client({ connectionString: database });
    await c.connect();
    const n = async (q: string) => Number((await c.query<{ n: string }>(q)).rows[0]!.n);
    for (const b of branches) {
      await c.query(`SET search_path TO "${pgSchemaOf(b)}"`);
      out.duplicates += await n(dup);
      out.stored += await n(all);
    }
    await c.end();
    return out;
  }
  for (const b of branches) {
    const db = new Database(branchDbFile(dataDir, b), { readonly: true });
    const n = (q: string) => (db.prepare(q).get() as { n: number }).n;
    out.duplicates += n(dup);
    out.stored += n(all);
    db.close();
  }
  return out;
}

async function run(mode: 'batched' | 'one-by-one', perRobot: number, database?: string): Promise<CenterIssuanceRow> {
  latencies.length = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-center-'));
  // a fixed weekday morning; each mode has its own database, so runs do not interfere
  const day = '2026-11-30';
  const now = () => Date.parse('2026-11-30T09:00:00+07:00') + (Date.now() % DAY_MS) / 1000;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  // the space must hold everyone's tickets: 4 prefixes x 9999 numbers
  const center = await createCenterServer({
    host: '127.0.0.1', port: 0, dataDir, catalog: DEMO_CATALOG, log, now, staffKey: 'bench',
    numbering: { dailyCap: 9999, fallbackSlots: ROBOTS, fallbackSize: 20, blockSize: 20 }, database,
  });
  const tokens: string[] = [];
  for (let i = 0; i < ROBOTS; i++) {
    const code = await fetch(`${center.url}/v1/admin/enrolment-codes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Staff bench' }, body: '{}' }).then((r) => r.json());
    const e = await fetch(`${center.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code.code, robotId: `robot-${i + 1}`, version: 'bench' }) }).then((r) => r.json());
    if (!e.device) throw new Error(`enrolment refused: ${JSON.stringify(e)}`);
    tokens.push(e.device.token);
  }
  let requests = 0;
  const started = performance.now();
  await Promise.all(
    tokens.map(async (token, r) => {
      const held = new Map<string, { lease: Lease; next: number }>();
      let pending: TicketChangeInput[] = [];
      for (let i = 0; i < perRobot; i++) {
        const prefix = PREFIXES[(i + r) % PREFIXES.length]!;
        let source = held.get(prefix);
        if (!source || source.next > source.lease.last) {
          const res = await post(`${center.url}/v1/leases`, token, { requests: [{ requestId: randomUUID(), prefix, day }] });
          requests++;
          source = { lease: res.results[0].lease, next: res.results[0].lease.first };
          held.set(prefix, source);
        }
        const number = source.next++;
        const at = new Date(now()).toISOString();
        pending.push({
          ticket: { id: randomUUID(), serviceId: DEMO_CATALOG.services.find((s) => s.prefix === prefix)!.id, day, number, display: prefix + String(number).padStart(4, '0'), language: 'vi', state: 'printed', issuedAt: at },
          version: 3, prefix, changedAt: at,
        });
        if (mode === 'one-by-one' || pending.length === 20 || i === perRobot - 1) {
          await post(`${center.url}/v1/tickets/batch`, token, { changes: pending });
          requests++;
          pending = [];
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await center.close();
  const { duplicates, stored } = await check(dataDir, database);
  rmSync(dataDir, { recursive: true, force: true });
  const tickets = ROBOTS * perRobot;
  const p99Ms = percentile([...latencies].sort((a, b) => a - b), 99);
  return { mode, store: database ? 'PostgreSQL' : 'SQLite', p99Ms, tickets, requests, seconds, perSecond: tickets / seconds, duplicates, missing: tickets - stored };
}

export const CENTER_ROBOTS = ROBOTS;

/**
 * One round: 20 robots issuing `perRobot` tickets each batched, and `oneByOnePerRobot` (default the
 * same) one request per ticket; throws if any number is duplicated or a ticket missing.
 */
export async function measureCenterIssuance(perRobot: number, oneByOnePerRobot = perRobot): Promise<{ batched: CenterIssuanceRow; oneByOne: CenterIssuanceRow }> {
  const batched = await run('batched', perRobot);
  const oneByOne = await run('one-by-one', oneByOnePerRobot);
  for (const r of [batched, oneByOne]) {
    if (r.duplicates || r.missing) throw new Error(`center issuance (${r.mode}): ${r.duplicates} duplicate numbers, ${r.missing} missing tickets`);
  }
  return { batched, oneByOne };
}

/** PostgreSQL for the bench: BENCH_DATABASE (an empty database), or a throwaway local cluster. */
async function benchDatabase(): Promise<{ url: () => Promise<string>; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE) return { url: async () => process.env.BENCH_DATABASE!, stop: async () => undefined };
  const pg = await startPostgres(undefined, { durable: true });
  return { url: () => pg.createDatabase(), stop: () => pg.stop() };
}

/** A city's load: SQLite one process, PostgreSQL one process, PostgreSQL two processes behind HAProxy. */
async function city(perRobot: number): Promise<CityRow[]> {
  const rows = [await measureCity('SQLite, 1 instance', 1, perRobot, undefined, (dir) => check(dir, undefined, WARD_IDS))];
  const pg = await benchDatabase();
  try {
    for (const instances of (process.env.BENCH_CITY_INSTANCES === "2" ? [2] : [1, 2]) as (1 | 2)[]) {
      const url = await pg.url();
      rows.push(await measureCity(`PostgreSQL, ${instances} instance${instances > 1 ? 's behind HAProxy' : ''}`, instances, perRobot, url, () => check('', url, WARD_IDS)));
    }
  } finally {
    await pg.stop();
  }
  return rows;
}

async function main(): Promise<void> {
  if (await runCenterInstanceIfAsked()) return;
  const perRobot = Number(process.argv[2] ?? 200);
  if (process.env.BENCH_CITY_ONLY) return printCity();
  const rows = [await run('batched', perRobot), await run('one-by-one', perRobot)];
  const pg = await benchDatabase();
  try {
    rows.push(await run('batched', perRobot, await pg.url()), await run('one-by-one', perRobot, await pg.url()));
  } finally {
    await pg.stop();
  }
  console.log(`center issuance: ${ROBOTS} concurrent robots over loopback, ${perRobot} tickets each; SQLite WAL + synchronous FULL vs PostgreSQL 15 with fsync on (one center instance, pool of 10)\n`);
  const head = ['store', 'mode', 'tickets', 'HTTP requests', 'seconds', 'tickets/s', 'p99 request ms', 'duplicate numbers', 'missing tickets'];
  console.log(markdownTable(head, rows.map((r) => [r.store, r.mode, String(r.tickets), String(r.requests), r.seconds.toFixed(2), r.perSecond.toFixed(0), r.p99Ms.toFixed(1), String(r.duplicates), String(r.missing)])));
  console.log(`\nbatched vs one by one (SQLite): ${(rows[0]!.perSecond / rows[1]!.perSecond).toFixed(1)}x the throughput`);
  console.log(`PostgreSQL vs SQLite: ${(rows[2]!.perSecond / rows[0]!.perSecond).toFixed(2)}x batched, ${(rows[3]!.perSecond / rows[1]!.perSecond).toFixed(2)}x one by one`);
  if (rows.some((r) => r.duplicates || r.missing)) process.exitCode = 1;
  await printCity();
}

async function printCity(): Promise<void> {
  const cityPerRobot = Number(process.env.BENCH_CITY_PER_ROBOT ?? 100);
  const cityRows = await city(cityPerRobot);
  const cores = cpus().length;
  console.log(`\na city: ${CITY_ROBOTS} robots (168 wards x 2) over loopback, ${cityPerRobot} tickets each in batches of 20 (one lease per 20 numbers), timed after one untimed batch per robot (warm caches, as a center that runs all day); each center instance its own process; durability on (SQLite synchronous FULL, PostgreSQL fsync + synchronous_commit on, pool of 10 per instance); ${cores} cores shared with other work: load average before each run shown\n`);
  const sqlite = cityRows[0]!.perSecond;
  console.log(markdownTable(['setup', 'tickets', 'seconds', 'tickets/s', 'p99 request ms', 'vs SQLite 1 instance', 'load avg (1 min) before'],
    cityRows.map((r) => [r.setup, String(r.tickets), r.seconds.toFixed(2), r.perSecond.toFixed(0), r.p99Ms.toFixed(1), `${(r.perSecond / sqlite).toFixed(2)}x`, r.loadBefore.toFixed(1)])));
  console.log('0 duplicate numbers and 0 missing tickets in every setup (checked in the store)');
}

if (isEntry('center-issuance')) void main();
