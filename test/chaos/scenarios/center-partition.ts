/**
 * The center partitioned from two robots and restarted: the reference center in this process on a
 * SQLite folder, two real controllers reaching it through a TCP proxy that the run cuts and heals,
 * the center closed and started again on the same port and data while robots still hold unsent
 * tickets. Afterwards every ticket is at the center exactly once with a unique number.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { createCenterServer, type RunningCenter } from '../../../src/center/server';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { quietLog } from '../../integration/center/harness';
import { tempDir } from '../../support/robot-process';
import { startTcpProxy } from '../../support/tcp-proxy';
import { MONDAY_0800, startRig, type Rig } from '../controller-rig';
import { Recorder } from '../recorder';
import type { ChaosOptions } from './options';

const STAFF = 'chaos-staff';

export async function centerPartition(opts: ChaosOptions): Promise<Recorder> {
  const r = new Recorder('center partitioned and restarted');
  const clock = { t: MONDAY_0800 };
  const dataDir = tempDir('lobby-chaos-center-');
  const startCenter = (port: number) => createCenterServer({ host: '127.0.0.1', port, dataDir, catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: STAFF });
  let center: RunningCenter = await startCenter(0);
  const port = center.port;
  const proxy = await startTcpProxy(port);
  const printer = await startVirtualPrinter();
  const code = async (robotId: string) => {
    const res = await fetch(`${center.url}/v1/admin/enrolment-codes`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Staff ${STAFF}` }, body: JSON.stringify({ robotId }) });
    return ((await res.json()) as { code: string }).code;
  };
  const robots: Rig[] = [];
  const issued = new Map<string, string>();
  const rounds = opts.short ? 1 : 4;
  const perBurst = opts.short ? 3 : 12;
  try {
    for (const [id, slot] of [['robot-a', 1], ['robot-b', 2]] as const) {
      robots.push(await startRig({ clock, printerPort: printer.port, robotId: id, slot, center: { url: proxy.url, enrolmentCode: await code(id) } }));
    }
    r.did('two controllers enrolled with the center through a TCP proxy');
    const burst = async (label: string) => {
      for (const rig of robots) {
        for (let i = 0; i < perBurst; i++) {
          clock.t += 15_000;
          const reply = await rig.issue();
          if (reply.result) issued.set(reply.result.ticket.id, reply.result.ticket.display);
          else r.check(`tap answered with a ticket (${label})`, false, JSON.stringify(reply.error));
        }
      }
      r.did(`${label}: ${perBurst} tickets on each robot`);
    };
    const syncAll = async () => {
      for (const rig of robots) await rig.controller.centerLink!.client.syncOnce().catch(() => undefined);
    };
    for (let round = 1; round <= rounds; round++) {
      await burst(`round ${round} online`);
      proxy.cut();
      r.did(`round ${round}: network cut`);
      await burst(`round ${round} offline`);
      const offline = await robots[0]!.controller.centerLink!.client.syncOnce().then(() => 'synced', (e: { code?: string }) => e.code ?? 'error');
      r.check(`round ${round}: a sync while cut fails with SYNC_CENTER_UNREACHABLE (nothing pretends)`, offline === 'SYNC_CENTER_UNREACHABLE', offline);
      await center.close();
      r.did(`round ${round}: center stopped while cut`);
      center = await startCenter(port);
      proxy.heal();
      r.did(`round ${round}: center started again on the same data, network healed`);
      // robot A drains, then the center restarts again before B has sent anything
      await robots[0]!.controller.centerLink!.client.syncOnce().catch(() => undefined);
      await center.close();
      center = await startCenter(port);
      r.did(`round ${round}: center restarted again right after robot A's drain (robot B's may be in flight)`);
      await burst(`round ${round} after restart`);
      await syncAll();
    }
    for (let i = 0; i < 5 && robots.some((x) => (x.controller.health().center?.outboxLength ?? 1) > 0); i++) await syncAll();
    const pending = robots.map((x) => x.controller.health().center?.outboxLength);
    r.check('every outbox drained after healing', pending.every((n) => n === 0), `outboxes ${pending.join(', ')}`);
    r.check('sync state ok on both robots after healing', robots.every((x) => x.controller.health().sync.state === 'ok'), robots.map((x) => x.controller.health().sync.state).join(', '));
  } finally {
    for (const x of robots) await x.close();
    await proxy.close();
    await printer.close();
    await center.close();
  }
  const db = new Database(join(dataDir, 'center.sqlite'), { readonly: true });
  try {
    r.check('the center database is intact', db.pragma('integrity_check', { simple: true }) === 'ok');
    const rows = db.prepare('SELECT ticket_id AS id, prefix, day, number FROM tickets').all() as { id: string; prefix: string; day: string; number: number }[];
    const ids = rows.map((x) => x.id);
    const missing = [...issued.keys()].filter((id) => !ids.includes(id));
    r.check('every ticket issued on either robot is at the center', missing.length === 0, `${issued.size} issued, ${missing.length} missing`);
    r.check('each exactly once', new Set(ids).size === ids.length, `${ids.length} rows`);
    const numbers = new Set(rows.map((x) => `${x.prefix}/${x.day}/${x.number}`));
    r.check('no number twice across the two robots', numbers.size === rows.length, `${numbers.size} distinct numbers`);
  } finally {
    db.close();
  }
  return r;
}
