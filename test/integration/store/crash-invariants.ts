/** What must hold in the store file after any crash; each check returns the problems it found. */
import type Database from 'better-sqlite3';

export function crashInvariantProblems(db: Database.Database, acknowledged: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);

  const dups = db.prepare('SELECT prefix, day, number, count(*) AS n FROM tickets GROUP BY prefix, day, number HAVING n > 1').all();
  if (dups.length) problems.push(`duplicate numbers: ${JSON.stringify(dups)}`);

  const ids = new Set((db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id));
  const lost = [...acknowledged].filter((id) => !ids.has(id));
  if (lost.length) problems.push(`${lost.length} acknowledged tickets missing, e.g. ${lost[0]}`);

  // every number a source has given out (first .. cursor - 1) belongs to exactly one ticket of that
  // source: no gap, and no ticket outside its source's range
  const unexplained = db
    .prepare(
      `SELECT s.prefix, s.day, s.first, s.last, s.next, count(t.id) AS n,
              sum(CASE WHEN t.number > s.last OR t.number < s.first THEN 1 ELSE 0 END) AS outside
       FROM number_cursors s LEFT JOIN tickets t ON t.source_id = s.id
       GROUP BY s.id HAVING n <> s.next - s.first OR outside > 0`,
    )
    .all();
  if (unexplained.length) problems.push(`numbers used without a ticket, or outside their source: ${JSON.stringify(unexplained)}`);
  // a voided number has its void record (the gap in the printed sequence is explained)
  const voidedWithoutRecord = db
    .prepare("SELECT count(*) AS n FROM tickets t WHERE t.state = 'voided' AND NOT EXISTS (SELECT 1 FROM voided_numbers v WHERE v.prefix = t.prefix AND v.day = t.day AND v.number = t.number AND v.ticket_id = t.id)")
    .get() as { n: number };
  if (voidedWithoutRecord.n) problems.push(`${voidedWithoutRecord.n} voided tickets without a void record`);
  const voidsWithoutTicketVoided = db.prepare("SELECT count(*) AS n FROM voided_numbers v JOIN tickets t ON t.id = v.ticket_id WHERE t.state <> 'voided'").get() as { n: number };
  if (voidsWithoutTicketVoided.n) problems.push(`${voidsWithoutTicketVoided.n} void records for tickets not voided`);

  // the center hears of every ticket: owed (a version above the acknowledged one), or acknowledged
  // at its version and marked synced; an acknowledgement never runs ahead of the ticket
  const unheard = db.prepare('SELECT count(*) AS n FROM tickets WHERE acked_version > version OR (acked_version = version AND synced_at_ms IS NULL)').get() as { n: number };
  if (unheard.n) problems.push(`${unheard.n} tickets the center would never hear of`);
  return problems;
}
