/**
 * The number-block allocator. One IMMEDIATE transaction per request: read the highest number
 * leased for (prefix, day), take the next block, insert it. SQLite serialises writers, so
 * concurrent robots can never receive overlapping blocks; UNIQUE (prefix, day, first) is a second
 * guard. A repeated request id returns the block already leased for it, so a lost answer costs
 * nothing and wastes no numbers.
 */
import { randomUUID } from 'node:crypto';
import { nextBlock } from '../../domain/number-space';
import type { LeaseInput, LeaseOutcome } from '../port';
import type { Db } from './open';
import { type LeaseRow, leaseFromRow } from '../rows/leases';

export function leaseBlock(db: Db, input: LeaseInput): LeaseOutcome {
  return db.transaction((): LeaseOutcome => {
    const known = db.prepare('SELECT lease_id, prefix, day, first, last FROM leases WHERE robot_id = ? AND request_id = ?').get(input.robotId, input.requestId) as LeaseRow | undefined;
    if (known) {
      // the same request id for another prefix or day is a client bug: do not hand out a second block for it
      if (known.prefix !== input.prefix || known.day !== input.day) return { ok: false, code: 'CENTER_INVALID_REQUEST' };
      return { ok: true, lease: leaseFromRow(known) };
    }
    const top = (db.prepare('SELECT max(last) AS top FROM leases WHERE prefix = ? AND day = ?').get(input.prefix, input.day) as { top: number | null }).top;
    const block = nextBlock(input.rule, top);
    if (!block) return { ok: false, code: 'CENTER_NUMBERS_EXHAUSTED' };
    const row: LeaseRow = { lease_id: randomUUID(), prefix: input.prefix, day: input.day, first: block.first, last: block.last };
    db.prepare('INSERT INTO leases (lease_id, robot_id, request_id, prefix, day, first, last, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      row.lease_id, input.robotId, input.requestId, row.prefix, row.day, row.first, row.last, input.nowMs,
    );
    return { ok: true, lease: leaseFromRow(row) };
  }).immediate();
}
