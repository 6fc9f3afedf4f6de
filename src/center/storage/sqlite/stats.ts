/**
 * The director's statistics on SQLite (issue 18): the queries of ../stats-sql.ts, run in one read
 * transaction so the figures agree with each other, assembled by ../stats-assemble.ts.
 */
import type { StatsFigures } from '../../../contract/sync';
import type { StatsInput, StatsTicketRow } from '../port';
import { assembleStats, ticketRow, type StatsRows } from '../stats-assemble';
import { statsQueries, statsTicketsQuery } from '../stats-sql';
import type { Db } from './open';

export function stats(db: Db, input: StatsInput): StatsFigures {
  return db.transaction((): StatsFigures => {
    const queries = statsQueries(input, { bytes: 'BINARY' });
    const rows = Object.fromEntries(Object.entries(queries).map(([name, q]) => [name, db.prepare(q.text).all(...q.params)])) as StatsRows;
    return assembleStats(input, rows);
  })();
}

/** One page of the CSV export, keyset-paged on the receipt sequence (no OFFSET scan). */
export function statsTickets(db: Db, from: string, to: string, afterSeq: number, limit: number): StatsTicketRow[] {
  const q = statsTicketsQuery(from, to, afterSeq, limit);
  return (db.prepare(q.text).all(...q.params) as Record<string, unknown>[]).map(ticketRow);
}
