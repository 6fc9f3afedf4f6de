/**
 * The robot's check-in record on a real SQLite file: a claim is taken once, the outbox carries
 * only check-ins that got their ticket, and a claim a stopped process left without a ticket is
 * released at the next start.
 */
import { join } from 'node:path';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { tempDir } from '../../support/robot-process';

describe('CheckInLog', () => {
  it('claims once, sends only check-ins with a ticket, releases unfinished claims on reopening', () => {
    const file = join(tempDir(), 'robot.sqlite');
    const open = () => QueueStore.open({ file, robotId: 'robot-1', robotSlot: 1, catalog: DEMO_CATALOG });
    const store = open();
    const log = store.checkInLog();
    const at = '2026-11-30T01:20:00.000Z';
    expect(log.claim({ appointmentId: 'LH-1', checkInId: 'c1', at })).toBe(true);
    expect(log.claim({ appointmentId: 'LH-1', checkInId: 'c2', at })).toBe(false);
    expect(log.pendingCheckIns(10)).toEqual([]); // still being printed: not a check-in yet
    log.attachTicket('c1', 't1');
    expect(log.pendingCheckIns(10)).toEqual([expect.objectContaining({ appointmentId: 'LH-1', checkInId: 'c1', ticketId: 't1' })]);
    expect(log.pendingCount()).toBe(1);

    expect(log.claim({ appointmentId: 'LH-2', checkInId: 'c3', at })).toBe(true);
    log.release('c3');
    expect(log.claim({ appointmentId: 'LH-2', checkInId: 'c4', at })).toBe(true);
    store.close(); // the process stops while LH-2's ticket is being issued

    const reopened = open();
    const again = reopened.checkInLog();
    expect(again.find('LH-2')).toBeUndefined();
    expect(again.find('LH-1')).toMatchObject({ ticketId: 't1', centerOutcome: null });
    reopened.close();
  });
});
