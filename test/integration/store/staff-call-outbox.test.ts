/**
 * StaffCallOutbox on the store's SQLite outbox: calls survive reopening the file, stay bounded,
 * and never mix with the ticket or audit queues that share the table.
 */
import { join } from 'node:path';
import type { StaffCall } from '../../../src/contract/staff';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { MAX_PENDING_CALLS, StaffCallOutbox } from '../../../src/controller/staff/staff-outbox';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { tempDir } from '../../support/robot-process';

const callOf = (i: number): StaffCall => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, reason: 'help', language: 'zh', robotId: 'robot-1', calledAt: new Date(Date.UTC(2026, 10, 30, 1, 0, i)).toISOString() });

describe('staff calls in the store outbox', () => {
  it('survive a reopen, keep at most MAX_PENDING_CALLS (oldest dropped and counted), and stay apart from tickets', async () => {
    const file = join(tempDir(), 'robot.sqlite');
    const open = () => QueueStore.open({ file, robotId: 'robot-1', robotSlot: 1, catalog: DEMO_CATALOG, clock: { wallMs: () => Date.UTC(2026, 10, 30, 1) }, numberAuthority: 'self' });
    let store = open();
    let outbox = new StaffCallOutbox(store);
    for (let i = 1; i <= MAX_PENDING_CALLS + 3; i++) await outbox.notify(callOf(i));
    await outbox.notify(callOf(MAX_PENDING_CALLS + 3)); // the same call again is not a second one
    expect(outbox.dropped).toBe(3);
    expect(store.pendingCount()).toBe(0);
    expect(store.takeBatch(10)).toEqual([]);
    store.close();

    store = open();
    outbox = new StaffCallOutbox(store);
    expect(outbox.pending(2)).toEqual([callOf(4), callOf(5)]);
    outbox.ack([callOf(4).id, callOf(4).id, 'unknown']);
    expect(outbox.pending().length).toBe(MAX_PENDING_CALLS - 1);
    expect(outbox.pending(1)).toEqual([callOf(5)]);
    store.close();
  });
});
