/**
 * Center issuance and ingestion throughput with 20 concurrent simulated robots over loopback.
 *
 * Each robot leases blocks of numbers (POST /v1/leases), numbers its tickets from them and reports
 * them (POST /v1/tickets/batch), either one batch per block or one request per ticket. At the end
 * the center's SQLite file is checked: every ticket present once, no (prefix, day, number) twice.
 * Run: npm run bench:center [-- ticketsPerRobot]
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCenterServer } from '../src/center/server';
import type { Lease, TicketChangeInput } from '../src/contract/sync';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { isEntry, markdownTable } from './stats';

const ROBOTS = 20;
const PREFIXES = ['A', 'B', 'C', 'R'];
const DAY_MS = 24 * 3600_000;

export interface CenterIssuanceRow {
  mode: string;
  tickets: number;
  requests: number;
  seconds: number;
  perSecond: number;
  duplicates: number;
  missing: number;
}

async function post(url: string, token: string, body: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function run(mode: 'batched' | 'one-by-one', perRobot: number): Promise<CenterIssuanceRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-center-'));
  // a fixed weekday morning; each mode has its own database, so runs do not interfere
  const day = '2026-11-30';
  const now = () => Date.parse('2026-11-30T09:00:00+07:00') + (Date.now() % DAY_MS) / 1000;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
  // the space must hold everyone's tickets: 4 prefixes x 9999 numbers
  const center = await createCenterServer({
    host: '127.0.0.1', port: 0, dataDir, catalog: DEMO_CATALOG, log, now, staffKey: 'bench',
    numbering: { dailyCap: 9999, fallbackSlots: ROBOTS, fallbackSize: 20, blockSize: 20 },
  });
  const tokens: string[] = [];
  for (let i = 0; i < ROBOTS; i++) {
    const code = await fetch(`${center.url}/v1/admin/enrolment-codes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Staff bench' }, body: '{}' }).then((r) => r.json());
    const e = await fetch(`${center.url}/v1/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: code.code, robotId: `robot-${i + 1}`, version: 'bench' }) }).then((r) => r.json());
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
  const db = new Database(join(dataDir, 'center.sqlite'), { readonly: true });
  const duplicates = (db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM tickets GROUP BY prefix, day, number HAVING count(*) > 1)').get() as { n: number }).n;
  const stored = (db.prepare('SELECT count(DISTINCT ticket_id) AS n FROM tickets').get() as { n: number }).n;
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  const tickets = ROBOTS * perRobot;
  return { mode, tickets, requests, seconds, perSecond: tickets / seconds, duplicates, missing: tickets - stored };
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

async function main(): Promise<void> {
  const perRobot = Number(process.argv[2] ?? 200);
  const rows = [await run('batched', perRobot), await run('one-by-one', perRobot)];
  console.log(`center issuance: ${ROBOTS} concurrent robots over loopback, ${perRobot} tickets each, SQLite WAL + synchronous FULL\n`);
  const head = ['mode', 'tickets', 'HTTP requests', 'seconds', 'tickets/s', 'duplicate numbers', 'missing tickets'];
  console.log(markdownTable(head, rows.map((r) => [r.mode, String(r.tickets), String(r.requests), r.seconds.toFixed(2), r.perSecond.toFixed(0), String(r.duplicates), String(r.missing)])));
  console.log(`\nbatched vs one by one: ${(rows[0]!.perSecond / rows[1]!.perSecond).toFixed(1)}x the throughput`);
  if (rows.some((r) => r.duplicates || r.missing)) process.exitCode = 1;
}

if (isEntry('center-issuance')) void main();
