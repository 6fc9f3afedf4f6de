/**
 * Crash reports kept on a robot reach the center with the next heartbeat: a real center
 * (harness), a real SyncClient, a real crashes folder. The center stores the bounded summary
 * and shows it in the fleet view; it refuses a summary out of bounds; a robot whose crash
 * folder cannot be listed still sends its heartbeat.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CRASH_SUMMARY_MAX } from '../../../src/contract/sync';
import { crashReportsDir, listCrashReports, writeFatalErrorReport } from '../../../src/controller/crash-reports';
import { memoryCredentialStore } from '../../../src/controller/sync/credentials';
import { SyncClient } from '../../../src/controller/sync/sync-client';
import { openRobotStore } from '../sync/robot-store';
import { startTestCenter, type TestCenter } from './harness';

async function robot(t: TestCenter, robotId: string, crashReports: () => ReturnType<typeof listCrashReports>) {
  const { store } = openRobotStore(robotId, 1, t.clock.t);
  const client = new SyncClient({
    centerUrl: t.center.url, robotId, version: '1.0.0', outbox: store, credentials: memoryCredentialStore(), now: () => t.clock.t, timeoutMs: 2000, crashReports,
  });
  const code = await t.staff('POST', '/v1/admin/enrolment-codes', {});
  await client.enrol(code.body.code);
  return client;
}

const fleetHealth = async (t: TestCenter, robotId: string) => (await t.staff('GET', '/v1/fleet')).body.robots.find((r: { robotId: string }) => r.robotId === robotId)?.health;

describe('crash reports ride the heartbeat to the center', () => {
  let t: TestCenter;
  beforeEach(async () => {
    t = await startTestCenter();
  });
  afterEach(async () => {
    await t.close();
  });

  it('a robot with a minidump and a fatal-error report: the fleet view shows both, newest first, without their contents', async () => {
    const data = mkdtempSync(join(tmpdir(), 'lobby-robot-crash-sync-'));
    mkdirSync(join(crashReportsDir(data), 'electron/completed'), { recursive: true });
    writeFileSync(join(crashReportsDir(data), 'electron/completed/0b1c.dmp'), Buffer.alloc(4096));
    writeFatalErrorReport(data, Object.assign(new Error('secret citizen data'), { code: 'ENOSPC' }), { now: new Date(t.clock.t), version: '1.0.0', origin: 'uncaughtException' });

    const client = await robot(t, 'robot-crashy', () => listCrashReports(data));
    await client.syncOnce();

    const health = await fleetHealth(t, 'robot-crashy');
    expect(health.crashReports.count).toBe(2);
    expect(health.crashReports.latest).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'minidump', file: 'electron/completed/0b1c.dmp', sizeBytes: 4096 }),
        expect.objectContaining({ kind: 'fatal-error', code: 'ENOSPC' }),
      ]),
    );
    expect(JSON.stringify(health)).not.toContain('secret citizen data');
  });

  it('the center refuses a summary that names more than the bound', async () => {
    const { token } = await t.enrol('robot-raw');
    const latest = Array.from({ length: CRASH_SUMMARY_MAX + 1 }, (_, i) => ({ kind: 'minidump', file: `${i}.dmp`, at: 1, sizeBytes: 1 }));
    const r = await t.call('POST', '/v1/heartbeat', { version: '1', uptimeSeconds: 1, outboxLength: 0, parts: {}, robotTime: t.clock.t, crashReports: { count: 11, totalBytes: 11, latest } }, `Bearer ${token}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('CENTER_INVALID_REQUEST');
  });

  it('a crash folder that cannot be listed never costs the heartbeat', async () => {
    const client = await robot(t, 'robot-unlucky', () => {
      throw new Error('EACCES');
    });
    await client.syncOnce();
    const health = await fleetHealth(t, 'robot-unlucky');
    expect(health).toMatchObject({ version: '1.0.0' });
    expect(health.crashReports).toBeUndefined();
  });
});
