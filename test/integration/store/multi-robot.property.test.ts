/**
 * Property: whatever the interleaving of 2-3 robots issuing, printing, losing the network,
 * healing, syncing (with lost acknowledgements) and the clock running across lunches, closings
 * and midnights, no (prefix, day, number) is ever given twice, and after a final heal every
 * ticket reaches the center exactly once, in its latest version.
 */
import fc from 'fast-check';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import type { OutboxEvent } from '../../../src/controller/store/journal';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { nextLeaseBlock, numberingFor } from '../../../src/core/queue';
import { connectionOf } from '../../../src/controller/store/connection';

/** The test's own reference center: leases blocks and ingests events idempotently. */
class FakeCenter {
  private leasedUpTo = new Map<string, number>();
  private leaseSeq = 0;
  readonly seenKeys = new Set<string>();
  readonly tickets = new Map<string, { robotId: string; key: string; version: number; state: string }>();
  readonly numberOwner = new Map<string, string>();
  readonly duplicates: string[] = [];
  creations = 0;

  lease(prefix: string, day: string) {
    const k = `${prefix}|${day}`;
    const block = nextLeaseBlock(numberingFor(DEMO_CATALOG, prefix), this.leasedUpTo.get(k) ?? null);
    if (!block) return null;
    this.leasedUpTo.set(k, block.last);
    return { leaseId: `lease-${++this.leaseSeq}`, prefix, day, ...block };
  }

  ingest(e: OutboxEvent): void {
    if (this.seenKeys.has(e.key)) return; // a retry after a lost acknowledgement
    this.seenKeys.add(e.key);
    const t = e.payload.ticket;
    const numberKey = `${e.payload.prefix}|${t.day}|${t.number}`;
    const owner = this.numberOwner.get(numberKey);
    if (owner && owner !== t.id) this.duplicates.push(`${numberKey}: ${owner} and ${t.id}`);
    this.numberOwner.set(numberKey, t.id);
    const known = this.tickets.get(t.id);
    if (!known) this.creations++;
    if (!known || known.version < e.payload.version) this.tickets.set(t.id, { robotId: t.robotId!, key: numberKey, version: e.payload.version, state: t.state });
  }
}

type Action =
  | { kind: 'issue'; robot: number; service: number; priority: boolean; print: 'ok' | 'fail' | 'fail-then-ok' | 'crash-before-print' }
  | { kind: 'partition' | 'heal'; robot: number }
  | { kind: 'sync'; robot: number; batch: number; loseAck: boolean; lease: boolean }
  | { kind: 'advance'; minutes: number };

const actionArb = (robots: number): fc.Arbitrary<Action> => {
  const robot = fc.integer({ min: 0, max: robots - 1 });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('issue' as const), robot, service: fc.integer({ min: 0, max: DEMO_CATALOG.services.length - 1 }), priority: fc.boolean(), print: fc.constantFrom('ok' as const, 'fail' as const, 'fail-then-ok' as const, 'crash-before-print' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('partition' as const, 'heal' as const), robot }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), robot, batch: fc.integer({ min: 1, max: 8 }), loseAck: fc.boolean(), lease: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 600 }) }) },
  );
};

function runScenario(robotCount: number, actions: Action[], slotOf = (i: number) => i + 1): void {
  let wall = Date.parse('2026-11-30T00:30:00Z'); // Monday 07:30 in Ha Noi
  const center = new FakeCenter();
  const robots = Array.from({ length: robotCount }, (_, i) =>
    QueueStore.open({ file: ':memory:', robotId: `robot-${i + 1}`, robotSlot: slotOf(i), catalog: DEMO_CATALOG, clock: { wallMs: () => wall } }),
  );
  const online = robots.map(() => true);
  const sync = (r: number, batch: number, loseAck: boolean, lease: boolean) => {
    const store = robots[r]!;
    if (lease) {
      for (const need of store.leaseNeeds()) {
        const block = center.lease(need.prefix, need.day);
        if (block) store.addLease(block);
      }
    }
    const events = store.takeBatch(batch);
    for (const e of events) center.ingest(e);
    if (!loseAck) store.ack(events);
  };
  try {
    for (const a of actions) {
      switch (a.kind) {
        case 'advance':
          wall += a.minutes * 60_000;
          break;
        case 'partition':
          online[a.robot] = false;
          break;
        case 'heal':
          online[a.robot] = true;
          break;
        case 'sync':
          if (online[a.robot]) sync(a.robot, a.batch, a.loseAck, a.lease);
          break;
        case 'issue': {
          const store = robots[a.robot]!;
          const r = store.issue({ serviceId: DEMO_CATALOG.services[a.service]!.id, language: 'vi', ...(a.priority ? { categoryId: 'elderly' } : {}) });
          if (!r.ok) break;
          if (a.print === 'crash-before-print') break;
          store.markPrinting(r.ticket.id);
          if (a.print === 'ok') store.markPrinted(r.ticket.id);
          else {
            const failed = store.markPrintFailed(r.ticket.id, 'PRINTER_PAPER_OUT');
            if (failed.action === 'reprint' && a.print === 'fail-then-ok') {
              store.markPrinting(r.ticket.id);
              store.markPrinted(r.ticket.id);
            }
          }
          break;
        }
      }
    }
    // heal everything and drain every outbox to the end
    robots.forEach((store, r) => {
      while (store.pendingCount() > 0) sync(r, 50, false, false);
    });

    const all = robots.flatMap((s) => connectionOf(s).prepare('SELECT id, robot_id, prefix, day, number, version FROM tickets').all() as { id: string; robot_id: string; prefix: string; day: string; number: number; version: number }[]);
    const numbers = all.map((t) => `${t.prefix}|${t.day}|${t.number}`);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(center.duplicates).toEqual([]);
    expect(center.creations).toBe(all.length);
    expect(center.tickets.size).toBe(all.length);
    for (const t of all) expect(center.tickets.get(t.id)).toMatchObject({ robotId: t.robot_id, key: `${t.prefix}|${t.day}|${t.number}`, version: t.version });
  } finally {
    for (const s of robots) s.close();
  }
}

describe('several robots, partitions and heals', () => {
  it.each([2, 3])('%i robots: no duplicate number, every ticket at the center exactly once', (robotCount) => {
    fc.assert(fc.property(fc.array(actionArb(robotCount), { minLength: 1, maxLength: 120 }), (actions) => runScenario(robotCount, actions)), { numRuns: 60 });
  });

  it('holds when one robot stays offline all day and uses its fallback run while the others lease', () => {
    const offlineDay: Action[] = [{ kind: 'partition', robot: 2 }];
    for (let i = 0; i < 60; i++) {
      offlineDay.push({ kind: 'issue', robot: i % 3, service: 0, priority: true, print: 'ok' });
      if (i % 5 === 0) offlineDay.push({ kind: 'sync', robot: i % 2, batch: 8, loseAck: i % 10 === 0, lease: true });
    }
    offlineDay.push({ kind: 'heal', robot: 2 });
    runScenario(3, offlineDay);
  });

  it('catches the duplicates of two robots wrongly enrolled with the same slot (the check can fail)', () => {
    const sameSlot: Action[] = [
      { kind: 'partition', robot: 0 },
      { kind: 'partition', robot: 1 },
      { kind: 'issue', robot: 0, service: 0, priority: true, print: 'ok' },
      { kind: 'issue', robot: 1, service: 0, priority: true, print: 'ok' },
      { kind: 'heal', robot: 0 },
      { kind: 'heal', robot: 1 },
    ];
    expect(() => runScenario(2, sameSlot, () => 1)).toThrow();
  });
});
