/**
 * Issue 16, point 3: a robot that dies between asking for a number block and storing the answer
 * asks again with the same request id after its restart (the id is in its store file), so the
 * center hands back the same block and no block is wasted.
 */
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { memoryCredentialStore } from '../../../src/controller/sync/credentials';
import { SyncClient } from '../../../src/controller/sync/sync-client';
import { QueueStore } from '../../../src/controller/store/queue-store';
import { call, MONDAY_9AM, quietLog, tempDataDir } from '../center/harness';
import { connectionOf } from '../../../src/controller/store/connection';

describe('lease request ids across a crash', () => {
  let center: RunningCenter;
  const stores: QueueStore[] = [];
  afterAll(async () => {
    for (const s of stores) s.close();
    await center.close();
  });

  it('the block asked for before the crash is the one stored after it', async () => {
    const clock = { t: MONDAY_9AM };
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDataDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'k' });
    const file = `${tempDataDir()}/robot.sqlite`;
    const open = () => {
      const s = QueueStore.open({ file, robotId: 'robot-a', robotSlot: 1, catalog: DEMO_CATALOG, clock: { wallMs: () => clock.t } });
      stores.push(s);
      return s;
    };
    const credentials = memoryCredentialStore();
    let answersLost = true;
    // the center gets the lease request and answers; the robot dies before it reads the answer
    const dying: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (answersLost && String(input).endsWith('/v1/leases')) throw new TypeError('fetch failed');
      return res;
    };
    const client = (store: QueueStore) =>
      new SyncClient({ centerUrl: center.url, robotId: 'robot-a', version: 't', outbox: store, leases: store, marks: store, credentials, now: () => clock.t, fetchImpl: dying });

    const before = open();
    const code = (await call(center.url, 'POST', '/v1/admin/enrolment-codes', {}, 'Staff k')).body.code as string;
    await client(before).enrol(code);
    await expect(client(before).syncOnce()).rejects.toMatchObject({ code: 'SYNC_CENTER_UNREACHABLE' });
    before.close();

    answersLost = false;
    const after = open();
    await client(after).syncOnce();
    const blocks = connectionOf(after).prepare("SELECT prefix, first FROM number_sources WHERE kind = 'lease' ORDER BY prefix").all() as { prefix: string; first: number }[];
    expect(blocks.length).toBeGreaterThan(0);
    // the first block of every prefix: the one the center leased for the lost answer
    expect(blocks.every((b) => b.first === DEMO_CATALOG.numbering.start)).toBe(true);
    // a later request is a new one: the next block, not the same again
    const next = after.leaseRequestId('A', after.businessDay());
    expect(connectionOf(after).prepare('SELECT count(*) AS n FROM lease_requests WHERE request_id != ?').get(next)).toEqual({ n: 0 });
  });
});
