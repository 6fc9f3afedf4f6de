/**
 * The number-block allocator on PostgreSQL. One READ COMMITTED transaction per request that locks
 * the (prefix, day) row of `lease_days` (an upsert that takes the row lock as FOR UPDATE): concurrent requests for the
 * same prefix and day (from any instance) take turns, and each reads the top its predecessor
 * committed. The row is created on first use by the same upsert, so two first requests of a day
 * do not collide. UNIQUE (prefix, day, first) stays as a second guard. A repeated
 * request id returns the block already leased for it: it is looked up after the lock, when a
 * concurrent twin has committed, and the INSERT's ON CONFLICT catches a twin for another day.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { nextBlock } from '../../domain/number-space';
import type { LeaseInput, LeaseOutcome } from '../port';
import { tx, type Tx } from './tx';
import { type LeaseRow, leaseFromRow } from '../rows/leases';

async function known(t: Tx, input: LeaseInput): Promise<LeaseOutcome | null> {
  const row = await t.one<LeaseRow>('SELECT lease_id, prefix, day, first, last FROM leases WHERE robot_id = $1 AND request_id = $2', [input.robotId, input.requestId]);
  if (!row) return null;
  // the same request id for another prefix or day is a client bug: do not hand out a second block for it
  if (row.prefix !== input.prefix || row.day !== input.day) return { ok: false, code: 'CENTER_INVALID_REQUEST' };
  return { ok: true, lease: leaseFromRow(row) };
}

export function leaseBlock(pool: Pool, input: LeaseInput): Promise<LeaseOutcome> {
  return tx(pool, async (t): Promise<LeaseOutcome> => {
    // one statement creates the day's row on first use and locks it (as FOR UPDATE would), returning the committed top
    const day = await t.one<{ top: number | null }>(
      'INSERT INTO lease_days (prefix, day, top) VALUES ($1, $2, NULL) ON CONFLICT (prefix, day) DO UPDATE SET top = lease_days.top RETURNING top',
      [input.prefix, input.day],
    );
    const before = await known(t, input);
    if (before) return before;
    const block = nextBlock(input.rule, day?.top ?? null);
    if (!block) return { ok: false, code: 'CENTER_NUMBERS_EXHAUSTED' };
    const row: LeaseRow = { lease_id: randomUUID(), prefix: input.prefix, day: input.day, first: block.first, last: block.last };
    // the block and the new top in one statement: the top moves only when the block was written
    const moved = await t.run(
      `WITH written AS (
         INSERT INTO leases (lease_id, robot_id, request_id, prefix, day, first, last, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (robot_id, request_id) DO NOTHING RETURNING 1)
       UPDATE lease_days SET top = $7 WHERE prefix = $4 AND day = $5 AND EXISTS (SELECT 1 FROM written)`,
      [row.lease_id, input.robotId, input.requestId, row.prefix, row.day, row.first, row.last, input.nowMs],
    );
    // a twin request for another prefix or day committed meanwhile: answer as it was answered
    if (!moved) return (await known(t, input)) ?? { ok: false, code: 'CENTER_INVALID_REQUEST' };
    return { ok: true, lease: leaseFromRow(row) };
  });
}
