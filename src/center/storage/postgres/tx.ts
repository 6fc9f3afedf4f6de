/**
 * One port method = one PostgreSQL transaction. `tx` runs a function on one pooled connection
 * between BEGIN and COMMIT and retries the whole function on a serialization failure or a
 * deadlock (40001, 40P01): PostgreSQL aborts one side, and the retry sees the winner's commit.
 *
 * Stream events are buffered and written just before COMMIT, under a transaction-level advisory
 * lock (pg_advisory_xact_lock). Why: an identity column hands out ids at INSERT time, and two
 * transactions can commit in the other order, so a reader at id N could later find N-1 appear and
 * a resuming client would miss it. Under the lock, the next event id is only drawn after the
 * previous event-writing transaction has committed (the lock is released after the commit is
 * visible), so ids become visible in increasing order and `id > cursor` never skips one. Taking
 * the lock at the very end keeps it held only for the INSERT and the COMMIT, not for the work.
 * Every lock key carries the branch (its schema, `current_schema()`): two wards never wait on each other.
 */
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { NewEvent } from '../port';
import { beginSql, checkout } from './branch-pool';

/** Advisory lock namespaces (first key of the two-int form). */
export const LOCK = { events: 71_001, migrations: 71_002, callGroup: 71_003, enrolment: 71_004, seed: 71_005, bookingRequest: 71_006, bookingSlot: 71_007 } as const;

/** How many events the center keeps for resuming clients; older ids get a `stream.reset` (as SQLite). */
export const EVENTS_KEPT = 20_000;

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;

export interface Tx {
  all<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  one<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R | undefined>;
  /** Rows changed by an INSERT/UPDATE/DELETE. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Appends a stream event, written with the transaction's commit. */
  event(e: NewEvent, nowMs: number): void;
}

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * Times are whole ms in BIGINT columns; an injected clock may give a fraction (SQLite stores it
 * as is, PostgreSQL would refuse the statement), so numbers are floored to whole ms here, once.
 */
const whole = (params?: unknown[]) => params?.map((v) => (typeof v === 'number' && !Number.isInteger(v) && Number.isFinite(v) ? Math.floor(v) : v));

function wrap(client: PoolClient, events: { e: NewEvent; at: number }[]): Tx {
  return {
    all: async (sql, params) => (await client.query(sql, whole(params))).rows,
    one: async (sql, params) => (await client.query(sql, whole(params))).rows[0],
    run: async (sql, params) => (await client.query(sql, whole(params))).rowCount ?? 0,
    event: (e, at) => void events.push({ e, at }),
  };
}

async function flushEvents(client: PoolClient, events: { e: NewEvent; at: number }[]): Promise<void> {
  if (!events.length) return;
  const params: unknown[] = [LOCK.events];
  const values = events.map(({ e, at }, i) => {
    params.push(Math.floor(at), e.type, JSON.stringify(e.data));
    return `($${i * 3 + 2}::bigint, $${i * 3 + 3}::text, $${i * 3 + 4}::text)`;
  });
  // one round trip: the lock is a materialized CTE every inserted row joins, so it is taken before the
  // first row (and its id) exists; its one row keeps the VALUES in order, so ids follow the order the
  // method appended them
  const ids = (await client.query<{ id: number }>(
    `WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock($1, hashtext(current_schema())))
     INSERT INTO events (at_ms, type, data) SELECT v.at_ms, v.type, v.data FROM locked, (VALUES ${values.join(', ')}) AS v (at_ms, type, data) RETURNING id`,
    params,
  )).rows;
  // prune now and then, not on every append
  const crossing = ids.find((r) => r.id % 1000 === 0);
  if (crossing) await client.query('DELETE FROM events WHERE id <= $1', [crossing.id - EVENTS_KEPT]);
}

export async function tx<T>(pool: Pool, fn: (t: Tx) => Promise<T>, isolation: Isolation = 'READ COMMITTED'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const { client, schema } = await checkout(pool);
    const events: { e: NewEvent; at: number }[] = [];
    try {
      await client.query(beginSql(isolation, schema));
      const result = await fn(wrap(client, events));
      await flushEvents(client, events);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (e) {
      // a connection that cannot even roll back is broken: drop it from the pool
      const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
      client.release(!rolledBack);
      const code = (e as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw e;
    }
  }
}

/** Several reads that must agree with each other: one REPEATABLE READ snapshot. */
export function read<T>(pool: Pool, fn: (t: Tx) => Promise<T>): Promise<T> {
  return tx(pool, fn, 'REPEATABLE READ');
}

/** A single statement needs no explicit transaction: it is one on its own. */
export function direct(pool: Pool): Pick<Tx, 'all' | 'one' | 'run'> {
  return {
    all: async (sql, params) => (await pool.query(sql, whole(params))).rows,
    one: async (sql, params) => (await pool.query(sql, whole(params))).rows[0],
    run: async (sql, params) => (await pool.query(sql, whole(params))).rowCount ?? 0,
  };
}
