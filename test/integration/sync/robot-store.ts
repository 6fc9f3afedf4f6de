/**
 * The robot's real queue store (QueueStore on a temporary SQLite file) for the sync tests, with a
 * hand-set clock: it refuses what the real one refuses (an overlapping lease, a number twice),
 * which an in-memory stand-in did not. Each test opens its own; `issue` prints the ticket too.
 */
import { join } from 'node:path';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { tempDir } from '../../support/robot-process';

export interface IssuedTicket {
  id: string;
  display: string;
  issuedAtMs: number;
}

export interface RobotStore {
  store: QueueStore;
  /** Every ticket issued through `issue`, in order. */
  issued: IssuedTicket[];
  /** Issues and prints a ticket of `serviceId` at `atMs` (the store's clock is set there). */
  issue(atMs: number, serviceId?: string): IssuedTicket;
  /** The same, or null on a day the catalog's hours keep the center closed (a weekend, a holiday). */
  issueIfOpen(atMs: number): IssuedTicket | null;
  /** The day's tickets the center has marked called. */
  calledCount(): number;
  close(): void;
}

export function openRobotStore(robotId: string, slot: number | null, startMs: number): RobotStore {
  let now = startMs;
  const store = QueueStore.open({ file: join(tempDir(), `${robotId}.sqlite`), robotId, robotSlot: slot, catalog: DEMO_CATALOG, clock: { wallMs: () => now } });
  const issued: IssuedTicket[] = [];
  const issue = (atMs: number, serviceId = 'birth-registration'): IssuedTicket | 'closed' => {
    now = Math.max(now, atMs);
    const r = store.issue({ serviceId, language: 'vi' });
    if (!r.ok && (r.code === 'QUEUE_CENTER_CLOSED' || r.code === 'QUEUE_HOLIDAY')) return 'closed';
    if (!r.ok) throw new Error(`refused: ${r.code}`);
    store.markPrinting(r.ticket.id);
    store.markPrinted(r.ticket.id);
    const t = { id: r.ticket.id, display: r.ticket.display, issuedAtMs: Date.parse(r.ticket.issuedAt) };
    issued.push(t);
    return t;
  };
  return {
    store,
    issued,
    issue: (atMs, serviceId) => {
      const t = issue(atMs, serviceId);
      if (t === 'closed') throw new Error('refused: QUEUE_CENTER_CLOSED');
      return t;
    },
    issueIfOpen: (atMs) => {
      const t = issue(atMs);
      return t === 'closed' ? null : t;
    },
    calledCount: () => store.ticketTimesOfDay(store.businessDay()).filter((t) => t.calledAtMs !== null).length,
    close: () => store.close(),
  };
}
