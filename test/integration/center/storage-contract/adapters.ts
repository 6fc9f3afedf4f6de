/**
 * The storage contract suite runs every case against both adapters of the center's storage port.
 * Each case gets a fresh store and a SECOND instance on the same data, as a second process
 * would have it: two connections on one SQLite file, two pools on one PostgreSQL database. The
 * PostgreSQL cluster is a real throwaway server (test/support/postgres.ts), one per test file.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { CenterStorage, IngestContext } from '../../../../src/center/storage/port';
import { openPostgresStorage } from '../../../../src/center/storage/postgres';
import { CENTER_DB_FILE, openSqliteStorage } from '../../../../src/center/storage/sqlite';
import type { Appointment, Dossier, TicketChange } from '../../../../src/contract/sync';
import { TicketChange as TicketChangeSchema } from '../../../../src/contract/sync';
import { startPostgres, type TestPostgres } from '../../../support/postgres';
import { ticketChange } from '../harness';

export const DAY = '2026-11-30';
export const NOW = Date.parse('2026-11-30T09:00:00+07:00');

export const SEED: { appointments: Appointment[]; dossiers: Dossier[] } = {
  appointments: [
    { code: 'APPT-0001', serviceId: 'birth-registration', day: DAY, time: '09:30', status: 'booked', maskedName: 'N*** V** A' },
    { code: 'APPT-0002', serviceId: 'birth-registration', day: DAY, time: '10:00', status: 'cancelled', maskedName: 'T*** T** B' },
  ],
  dossiers: [{ code: 'HS-0001', serviceId: 'birth-registration', status: 'processing', receivedDay: DAY, dueDay: '2026-12-03', maskedName: 'L** V** C' }],
};

export interface Stores {
  /** The store under test. */
  a: CenterStorage;
  /** A second instance on the same data (another process's view). */
  b: CenterStorage;
  /**
   * Runs one statement (`?` placeholders) once per row of parameters, in one transaction, on the
   * database itself: for data sets too large to build through the port (the statistics' tickets).
   * Returns the rows the last run read (a SELECT run once with `[[]]`).
   */
  exec(text: string, rows: readonly unknown[][]): Promise<unknown[]>;
  /** The store of another branch of the same deployment, on the same data (opened on first use, closed with the case). */
  branch(branchId: string): Promise<CenterStorage>;
  /** Where the data lives: the SQLite data folder, or the PostgreSQL URL. */
  where: string;
}

export type AdapterKind = 'sqlite' | 'postgres';
export const ADAPTERS: AdapterKind[] = ['sqlite', 'postgres'];

let cluster: Promise<TestPostgres> | undefined;

async function open(kind: AdapterKind): Promise<Stores & { close(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lobby-contract-'));
    const a = openSqliteStorage({ dataDir: dir, seed: SEED });
    const b = openSqliteStorage({ dataDir: dir, seed: SEED });
    const others = new Map<string, CenterStorage>();
    const branch = async (branchId: string) => {
      if (!others.has(branchId)) others.set(branchId, openSqliteStorage({ dataDir: dir, seed: SEED, branchId }));
      return others.get(branchId)!;
    };
    const closeOthers = async () => {
      for (const o of others.values()) await o.close();
    };
    const exec = async (text: string, rows: readonly unknown[][]) => {
      const db = new Database(join(dir, CENTER_DB_FILE));
      try {
        const st = db.prepare(text);
        return db.transaction(() => rows.map((r) => (st.reader ? st.all(...r) : (st.run(...r), []))).at(-1) ?? [])();
      } finally {
        db.close();
      }
    };
    return { a, b, exec, branch, where: dir, close: async () => (await closeOthers(), await a.close(), await b.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  cluster ??= startPostgres();
  const url = await (await cluster).createDatabase();
  // the two instances migrate at the same time, as two processes starting together would
  const [a, b] = await Promise.all([openPostgresStorage({ url, seed: SEED, poolMax: 8 }), openPostgresStorage({ url, seed: SEED, poolMax: 8 })]);
  const exec = async (text: string, rows: readonly unknown[][]) => {
    let n = 0;
    const dollar = text.replace(/\?/g, () => `$${++n}`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      let last: unknown[] = [];
      for (const r of rows) last = (await client.query(dollar, r as unknown[])).rows;
      await client.query('COMMIT');
      return last;
    } finally {
      await client.end();
    }
  };
  const others = new Map<string, Promise<CenterStorage>>();
  const branch = (branchId: string) => {
    if (!others.has(branchId)) others.set(branchId, openPostgresStorage({ url, seed: SEED, poolMax: 4, branchId }));
    return others.get(branchId)!;
  };
  const closeOthers = async () => {
    for (const o of others.values()) await (await o).close();
  };
  return { a, b, exec, branch, where: url, close: async () => (await closeOthers(), await a.close(), await b.close()) };
}

/** `describe.each` over both adapters; `stores()` is the current case's pair. */
export function eachAdapter(title: string, body: (stores: () => Stores, kind: AdapterKind) => void): void {
  afterAll(async () => {
    if (cluster) await (await cluster).stop();
    cluster = undefined;
  });
  describe.each(ADAPTERS)(`${title} (%s adapter)`, (kind) => {
    let current: (Stores & { close(): Promise<void> }) | undefined;
    beforeEach(async () => {
      current = await open(kind);
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    body(() => current!, kind);
  });
}

/** A parsed ticket change (what the route hands the port). */
export function change(p: Parameters<typeof ticketChange>[0]): TicketChange {
  return TicketChangeSchema.parse(ticketChange({ day: DAY, ...p }));
}

export function ingestCtx(robotId = 'robot-a', nowMs = NOW): IngestContext {
  return { robotId, nowMs, groupOf: (s) => (s === 'birth-registration' ? 'civil-status' : s === 'business-license' ? 'business' : null) };
}

export const RULE = { start: 1, dailyCap: 999, fallbackSlots: 4, fallbackSize: 50, blockSize: 20 };

export const uuid = (): string => randomUUID();
