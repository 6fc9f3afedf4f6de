/**
 * Issue 16: no ticket whose sheet may exist is left uncallable. After the last kill, a store file
 * is opened as the next start opens it (start-up recovery, no printer to ask), and the state of
 * every ticket — its row at its latest version, as the drain sends it — is given to a fresh reference center through
 * the center's own ingestion. A ticket printed, reprinted, or flagged with an unknown print outcome
 * must then be callable there (waiting) or settled by staff; the counts go into the chaos report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../src/contract';
import { TicketChange } from '../../src/contract/sync';
import { openSqliteStorage } from '../../src/center/storage/sqlite';
import { QueueStore } from '../../src/controller/store/queue-store';
import { recoverInterrupted } from '../../src/controller/store/recovery';
import { eventPayload, type TicketRow } from '../../src/controller/store/ticket-rows';
import { connectionOf } from '../../src/controller/store/connection';

export interface Callability {
  /** Tickets whose sheet may be in a citizen's hand. */
  mayExist: number;
  printed: number;
  /** Flagged after a crash while printing: the sheet may or may not exist. */
  uncertain: number;
  /** Of `mayExist`: waiting (or further) at the center. */
  callable: number;
  /** Of `mayExist`: neither callable nor settled; must be none. */
  uncallable: string[];
}

const CALLABLE = new Set(['waiting', 'called', 'served', 'skipped']);

/** `sheets`, when known (QR read back off the paper), must each name a callable ticket too. */
export async function checkCallable(file: string, catalog: Catalog, robotId: string, sheets: readonly string[] = []): Promise<Callability> {
  const store = QueueStore.open({ file, robotId, robotSlot: 1, catalog });
  const dir = mkdtempSync(join(tmpdir(), 'chaos-center-'));
  const center = openSqliteStorage({ dataDir: dir });
  try {
    await recoverInterrupted(store);
    const rows = connectionOf(store).prepare('SELECT * FROM tickets ORDER BY issued_at_ms, rowid').all() as TicketRow[];
    const groups = new Map(catalog.services.map((s) => [s.id, s.counterGroup]));
    for (let i = 0; i < rows.length; i += 200) {
      const changes = rows.slice(i, i + 200).map((r) => TicketChange.parse({ key: `${r.robot_id}:${r.id}:v${r.version}`, ...eventPayload(r) }));
      await center.ingest(changes, { robotId, nowMs: store.now().getTime(), groupOf: (id) => groups.get(id) ?? null });
    }
    const printed = rows.filter((r) => r.state === 'printed' || r.state === 'reprinted');
    const uncertain = rows.filter((r) => r.state === 'printing' && r.attention === 'QUEUE_PRINT_OUTCOME_UNKNOWN');
    const mayExist = new Set([...printed, ...uncertain].map((r) => r.id).concat(sheets));
    const uncallable: string[] = [];
    for (const id of mayExist) {
      const t = await center.getTicket(id);
      if (!t || !CALLABLE.has(t.status)) uncallable.push(`${id} (${t ? `${t.status}, robot ${t.robotState}` : 'unknown at the center'})`);
    }
    return { mayExist: mayExist.size, printed: printed.length, uncertain: uncertain.length, callable: mayExist.size - uncallable.length, uncallable };
  } finally {
    store.close();
    await center.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line for the report. */
export function describeCallable(c: Callability): string {
  return `${c.mayExist} tickets whose sheet may exist (${c.printed} printed, ${c.uncertain} print uncertain), ${c.callable} callable, ${c.uncallable.length} uncallable${c.uncallable.length ? `: ${c.uncallable.slice(0, 3).join('; ')}` : ''}`;
}
