/**
 * What several center instances on one PostgreSQL must share instead of keeping in memory
 * (issue 19): the rate buckets, and the database check behind /healthz. The schema step is
 * idempotent (IF NOT EXISTS), so its place among the numbered steps does not matter.
 */
import type { Pool } from 'pg';
import type { RateTokenInput } from '../port';
import { direct } from './tx';

export const INSTANCES_MIGRATION = `
  -- a token bucket per (limit, client address); updated in one statement by whichever instance answers
  CREATE TABLE IF NOT EXISTS rate_buckets (key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at_ms BIGINT NOT NULL, took BOOLEAN NOT NULL);
  CREATE INDEX IF NOT EXISTS rate_buckets_at ON rate_buckets (at_ms);
`;

/** Every limit refills within minutes; an hour-old bucket is full, so dropping it changes nothing. */
const FULL_AFTER_MS = 3600_000;
const PRUNE_EVERY = 500;

// refilled tokens as of now; SET expressions all see the row as it was before this statement
const REFILLED = 'least($3::float8, b.tokens + greatest(0, $4::bigint - b.at_ms) * $2::float8 / 60000.0)';

const TAKE_SQL = `
  INSERT INTO rate_buckets AS b (key, tokens, at_ms, took)
  VALUES ($1, $3::float8 - CASE WHEN $5::boolean THEN 1 ELSE 0 END, $4::bigint, true)
  ON CONFLICT (key) DO UPDATE SET
    took = ${REFILLED} >= 1,
    tokens = ${REFILLED} - CASE WHEN $5::boolean AND ${REFILLED} >= 1 THEN 1 ELSE 0 END,
    at_ms = greatest(b.at_ms, $4::bigint)
  RETURNING took`;

export function rateBuckets(pool: Pool): (input: RateTokenInput) => Promise<boolean> {
  let calls = 0;
  return async (input) => {
    // the row is locked by the upsert itself: two instances never both spend the last token
    const row = await direct(pool).one<{ took: boolean }>(TAKE_SQL, [input.key.slice(0, 200), input.perMinute, input.burst, input.nowMs, input.take]);
    if (++calls % PRUNE_EVERY === 0) await direct(pool).run('DELETE FROM rate_buckets WHERE at_ms < $1', [input.nowMs - FULL_AFTER_MS]);
    return row!.took;
  };
}

export async function ping(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}
