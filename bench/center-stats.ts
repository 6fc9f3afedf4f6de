/**
 * How fast the director's statistics answer for a year (issue 18: "a year answers in under a
 * second"): a generated year of 200 tickets a day in the center's SQLite store, then
 * GET /v1/stats for the whole year (JSON, every figure) and GET /v1/stats.csv (~73 000 rows),
 * several rounds each over loopback. A figure, not a test: nothing here fails on time.
 * Run: npx esbuild bench/center-stats.ts --bundle --platform=node --packages=external --outfile=dist/bench/center-stats.js && node dist/bench/center-stats.js [rounds]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../src/contract/catalog';
import { createCenterServer } from '../src/center/server';
import { CENTER_DB_FILE } from '../src/center/storage/sqlite';
import { DEMO_CATALOG } from '../src/controller/config/demo-catalog';
import { tempDataDir } from '../test/integration/center/harness';
import { addDays, generateYear, insertYear } from '../test/support/stats-year';
import { isEntry, markdownTable, summarize } from './stats';

const FIRST = '2025-12-01';
const LAST = addDays(FIRST, 364);

export interface StatsBenchRow {
  what: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  bytes: number;
}

async function timed(url: string, headers: Record<string, string>, rounds: number): Promise<{ ms: number[]; bytes: number }> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    ms.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    bytes = body.byteLength;
  }
  return { ms, bytes };
}

export async function measureCenterStats(rounds = 5): Promise<StatsBenchRow[]> {
  const catalog = Catalog.parse(DEMO_CATALOG);
  const dataDir = tempDataDir();
  const center = await createCenterServer({
    host: '127.0.0.1', port: 0, dataDir, catalog, staffKey: 'bench-staff-key', seedDemoData: false,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined }, now: () => Date.parse(`${LAST}T15:00:00+07:00`),
  });
  try {
    insertYear(join(dataDir, CENTER_DB_FILE), generateYear(catalog, FIRST, 365, 200));
    const headers = { authorization: `Staff ${center.staffKey}` };
    const rows: StatsBenchRow[] = [];
    for (const [what, path] of [['GET /v1/stats, a year', '/v1/stats'], ['GET /v1/stats, a month', '/v1/stats'], ['GET /v1/stats.csv, a year', '/v1/stats.csv']] as const) {
      const from = what.endsWith('month') ? addDays(LAST, -29) : FIRST;
      const r = await timed(`${center.url}${path}?from=${from}&to=${LAST}`, headers, rounds);
      const s = summarize(r.ms);
      rows.push({ what, medianMs: s.median, minMs: s.min, maxMs: s.max, bytes: r.bytes });
    }
    return rows;
  } finally {
    await center.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const rows = await measureCenterStats(rounds);
  console.log(`center statistics: a generated year (200 tickets a day, ~73 000 tickets) in SQLite, ${rounds} rounds over loopback\n`);
  console.log(markdownTable(['request', 'median ms', 'min ms', 'max ms', 'bytes'], rows.map((r) => [r.what, r.medianMs.toFixed(0), r.minMs.toFixed(0), r.maxMs.toFixed(0), String(r.bytes)])));
}

if (isEntry('center-stats')) void main();
