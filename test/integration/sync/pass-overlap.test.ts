/**
 * Issue 21 point 2: one sync pass at a time. The center link runs a first pass at start-up and
 * then starts the loop while that pass may still wait for the center; a citizen's ticket kicks the
 * loop; a caller may ask for a pass. None of these may start a second pass while one runs (two
 * passes would send the same outbox rows and lease requests twice, and race on the shared state):
 * a pass asked for meanwhile runs after the running one and still carries what was issued.
 */
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { memoryCredentialStore } from '../../../src/controller/sync/credentials';
import { SyncClient } from '../../../src/controller/sync/sync-client';
import { call, MONDAY_9AM, quietLog, tempDataDir } from '../center/harness';
import { openRobotStore } from './robot-store';

/** Past every promise already settled and the loop's close phase: what was going to be sent is sent. */
const settle = async () => {
  for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
};

/** fetch to the center, counting the pass requests in flight; once armed, the next one is held until released. */
function countingFetch() {
  let inFlight = 0;
  let gate: Promise<void> | null = null;
  let release: () => void = () => undefined;
  const seen = { maxInFlight: 0, requests: 0 };
  const impl: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    // the stream and the board it fetches are not pass requests
    if (path === '/v1/stream' || path === '/v1/board') return fetch(input, init);
    inFlight++;
    seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
    seen.requests++;
    try {
      const wait = gate;
      gate = null;
      if (wait) await wait;
      return await fetch(input, init);
    } finally {
      inFlight--;
    }
  };
  const holdNext = () => {
    gate = new Promise<void>((r) => (release = r));
  };
  return { impl, seen, holdNext, release: () => release() };
}

describe('sync passes never overlap', () => {
  let center: RunningCenter;
  let client: SyncClient | undefined;
  afterEach(async () => {
    await client?.stop();
    await center.close();
  });

  it('the loop started during the first pass, a kick and a caller asking for a pass all wait for it', async () => {
    center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: tempDataDir(), catalog: DEMO_CATALOG, log: quietLog, now: () => MONDAY_9AM, staffKey: 'k' });
    const robot = openRobotStore('robot-a', 1, MONDAY_9AM);
    const store = robot.store;
    const net = countingFetch();
    client = new SyncClient({ centerUrl: center.url, robotId: 'robot-a', version: 't', outbox: store, leases: store, marks: store, credentials: memoryCredentialStore(), now: () => MONDAY_9AM, fetchImpl: net.impl, pollMs: 60_000 });
    const code = await call(center.url, 'POST', '/v1/admin/enrolment-codes', {}, 'Staff k');
    await client.enrol(code.body.code);

    robot.issue(MONDAY_9AM);
    net.holdNext();
    const first = client.syncOnce();
    await settle();
    // as createCenterLink does: the loop starts while the first pass may still be running
    client.start();
    client.kick();
    robot.issue(MONDAY_9AM + 1000);
    const asked = client.syncOnce();
    await settle();

    net.release();
    await first;
    await asked;
    expect(net.seen.maxInFlight).toBe(1);
    // the pass asked for while the first ran still carried the ticket issued meanwhile
    expect(store.pendingCount()).toBe(0);
  });
});
