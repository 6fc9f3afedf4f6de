/**
 * Runs the crash child (crash-child.ts: the production store issuing, printing, voiding, syncing)
 * and SIGKILLs it again and again; after each kill the file's invariants are checked. Shared by
 * the store's crash test and the chaos harness (test/chaos), which only choose how many kills.
 */
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalog } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { crashInvariantProblems } from './crash-invariants';

/** Monday 08:00 in Ha Noi. */
export const BASE_WALL_MS = Date.parse('2026-11-30T01:00:00Z');

export interface CrashRig {
  /** Repository root: the child finds node_modules there. */
  root: string;
  dir: string;
  childJs: string;
  catalogJson: string;
}

/** Bundles the child into `dir` and writes the catalog it reads (room for thousands of tickets a day). */
export async function prepareCrashRig(root: string, dir: string): Promise<CrashRig> {
  const rig = { root, dir, childJs: join(dir, 'crash-child.js'), catalogJson: join(dir, 'catalog.json') };
  writeFileSync(rig.catalogJson, JSON.stringify(Catalog.parse({ ...DEMO_CATALOG, numbering: { start: 1, width: 4, dailyCap: 9999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 } })));
  await build({
    entryPoints: [join(root, 'test/integration/store/crash-child.ts')], outfile: rig.childJs,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning',
  });
  return rig;
}

export interface Run {
  acks: string[];
  /** The store was open when the kill landed (start-up recovery or issuing). */
  opened: boolean;
  exit: { code: number | null; signal: NodeJS.Signals | null };
  stderr: string;
}

/**
 * Where the kill lands: `afterAcks` = 0 means during or right after start-up recovery, else
 * after that many acknowledged tickets; then `jitterMs` more, so it falls anywhere inside the
 * following transactions. Counting acknowledgements instead of waiting a fixed time keeps the
 * work per run the same on a busy CI machine.
 */
export function runAndKill(rig: CrashRig, file: string, seed: number, start: number, afterAcks: number, jitterMs: number): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [rig.childJs, file, rig.catalogJson, String(seed), String(BASE_WALL_MS), String(start)], {
      env: { ...process.env, NODE_PATH: join(rig.root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { acks: [], opened: false, exit: { code: null, signal: null }, stderr: '' };
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), jitterMs);
    };
    let buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'OPEN') {
          run.opened = true;
          if (afterAcks === 0) arm();
        } else if (line.startsWith('ACK ')) {
          run.acks.push(line.slice(4));
          if (run.acks.length >= afterAcks) arm();
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (run.stderr += c));
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      run.exit = { code, signal };
      resolveRun(run);
    });
  });
}

export interface LaneResult {
  kills: number;
  rounds: number;
  acknowledged: number;
  tickets: number;
  voided: number;
}

/** One robot's file killed `kills` times after start-up; throws with the problems after the first kill that broke an invariant. */
export async function killLane(rig: CrashRig, index: number, kills: number, start: number): Promise<LaneResult> {
  const file = join(rig.dir, `robot-${index}.sqlite`);
  const acknowledged = new Set<string>();
  let done = 0;
  let rounds = 0;
  while (done < kills) {
    rounds++;
    const afterAcks = Math.random() < 0.15 ? 0 : 1 + Math.floor(Math.random() * 6);
    const run = await runAndKill(rig, file, index * 100_000 + rounds, start, afterAcks, Math.random() * 4);
    if (run.exit.signal !== 'SIGKILL') throw new Error(`child ended by itself (${run.exit.code}): ${run.stderr}`);
    if (run.opened) done++;
    for (const id of run.acks) acknowledged.add(id);
    const db = new Database(file);
    try {
      const problems = crashInvariantProblems(db, acknowledged);
      if (problems.length) throw new Error(`after kill ${done} of lane ${index}: ${problems.join('\n')}`);
    } finally {
      db.close();
    }
  }
  const db = new Database(file, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const result = { kills: done, rounds, acknowledged: acknowledged.size, tickets: count('SELECT count(*) AS n FROM tickets'), voided: count('SELECT count(*) AS n FROM voided_numbers') };
  db.close();
  return result;
}
