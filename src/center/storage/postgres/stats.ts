/**
 * The director's statistics on PostgreSQL (issue 18): the same queries as SQLite's
 * (../stats-sql.ts), placeholders numbered $1…, all in one REPEATABLE READ snapshot so the
 * figures agree with each other; text ordered by bytes (COLLATE "C"), as on SQLite.
 */
import type { Pool } from 'pg';
import type { StatsFigures } from '../../../contract/sync';
import type { StatsInput, StatsTicketRow } from '../port';
import { assembleStats, ticketRow, type StatsRows } from '../stats-assemble';
import { statsQueries, statsTicketsQuery, type Sql } from '../stats-sql';
import { direct, read } from './tx';

/** `?` → $1, $2, … (the shared queries hold no `?` inside a literal). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

export function stats(pool: Pool, input: StatsInput): Promise<StatsFigures> {
  return read(pool, async (t) => {
    const rows: Partial<StatsRows> = {};
    for (const [name, q] of Object.entries(statsQueries(input, { bytes: '"C"' })) as [keyof StatsRows, Sql][]) {
      rows[name] = await t.all(numbered(q.text), q.params);
    }
    return assembleStats(input, rows as StatsRows);
  });
}

export async function statsTickets(pool: Pool, from: string, to: string, afterSeq: number, limit: number): Promise<StatsTicketRow[]> {
  const q = statsTicketsQuery(from, to, afterSeq, limit);
  return (await direct(pool).all(numbered(q.text), q.params)).map(ticketRow);
}
