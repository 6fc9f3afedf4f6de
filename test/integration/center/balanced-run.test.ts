/**
 * Issue 19's acceptance run: two real `lobby-robot center` processes on one PostgreSQL behind
 * HAProxy (Debian's package, config generated here), robots leasing and reporting tickets through
 * the balancer for LOBBY_CITY_RUN_SECONDS (default 60), a counter calling tickets on instance B
 * while a stream client listens on instance A. Half-way, instance B is killed with SIGKILL: the
 * robots carry on through A; B is restarted on its port and serves again. At the end, from the
 * database itself: no two leased blocks overlap, no (prefix, day, number) is stored twice, every
 * ticket the robots made is stored exactly once, and A's stream carried B's calls in order.
 *
 * Robots are ProtocolRobot clients (test/support/protocol-robot.ts: the robot sync protocol with
 * the contract's schemas; why not full controllers is said there). The deployment declares
 * BRANCHES ward centers (branches) in its config file; each robot enrols with a code made by its
 * branch's staff key, so the balancer's address serves every ward; numbers are checked per
 * (branch, prefix, day), each branch in its own PostgreSQL schema.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { pgSchemaOf as branchSchema } from '../../../src/center/branches/branch-id';
import { businessDay } from '../../../src/core/business-day';
import { startCenterProcess, type CenterProcess } from '../../support/center-process';
import { startHaproxy, type Balancer } from '../../support/haproxy';
import { freePort, startPostgres, type TestPostgres } from '../../support/postgres';
import { ProtocolRobot } from '../../support/protocol-robot';
import { readStream } from './sse-reader';
import { assertNoOverlap, callerOn, type Caller } from './balanced-run-helpers';

const BRANCH_IDS = ['p-ben-nghe', 'p-ben-thanh', 'p-da-kao'];
const BRANCHES = BRANCH_IDS.length;
const ROBOTS_PER_BRANCH = 20;
const RUN_SECONDS = Number(process.env.LOBBY_CITY_RUN_SECONDS ?? 60);
/**
 * Mean pause between one robot's batches (LOBBY_CITY_PAUSE_MS; 0 runs flat out). At 2 s the run
 * still makes ~12,000 tickets with 30 batches a second in flight on both instances; at 1 s it took
 * 1.3 of the 2 cores for its whole minute (PostgreSQL most of it) and starved the other worker.
 */
const PAUSE_MS = Number(process.env.LOBBY_CITY_PAUSE_MS ?? 2000);

/** The demo catalog with room for every robot: a fallback slot each, four-digit numbers. */
function cityCatalog(): unknown {
  return { ...DEMO_CATALOG, numbering: { start: 1, width: 4, dailyCap: 9999, fallbackSlots: 24, fallbackSize: 20, blockSize: 20 } };
}

describe(`two center instances behind HAProxy, ${BRANCHES} branch(es) x ${ROBOTS_PER_BRANCH} robots (LOBBY_CITY_RUN_SECONDS, default 60 s)`, () => {
  let pg: TestPostgres;
  let balancer: Balancer | undefined;
  const centers: { a?: CenterProcess; b?: CenterProcess } = {};
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await balancer?.stop();
    await Promise.all([centers.a?.kill('SIGTERM'), centers.b?.kill('SIGTERM')]);
    await pg?.stop();
  });

  it(`robots lease and report through the balancer for ${RUN_SECONDS} s with instance B SIGKILLed half-way and restarted: nothing lost, nothing twice, A's stream carries B's calls in order`, async () => {
    const url = await pg.createDatabase();
    const data = mkdtempSync(join(tmpdir(), 'lobby-city-'));
    writeFileSync(join(data, 'catalog.json'), JSON.stringify(cityCatalog()));
    // the city's config: three wards, each its own catalog file and staff key; both instances read it
    const staffKeys = BRANCH_IDS.map(() => randomBytes(24).toString('hex'));
    BRANCH_IDS.forEach((id, i) => writeFileSync(join(data, `${id}.staff-key`), `${staffKeys[i]}\n`, { mode: 0o600 }));
    const configFile = join(data, 'city.json');
    writeFileSync(configFile, JSON.stringify({ branches: BRANCH_IDS.map((id) => ({ id, catalogFile: 'catalog.json', staffKeyFile: `${id}.staff-key` })) }));
    const [portA, portB] = [await freePort(), await freePort()];
    const args = (port: number) => ['--host', '127.0.0.1', '--port', String(port), '--data', data, '--database', url, '--config', configFile, '--trust-proxy', '127.0.0.1'];
    // both start at once on an empty database and a fresh data folder: one migration, one staff key
    [centers.a, centers.b] = await Promise.all([startCenterProcess(args(portA)), startCenterProcess(args(portB))]);
    balancer = await startHaproxy([{ name: 'a', port: portA }, { name: 'b', port: portB }]);
    // the stream and the counter watch one ward; the robots of all three run meanwhile
    const watched = 1;
    const staffKey = staffKeys[watched]!;
    const branchPath = `/b/${BRANCH_IDS[watched]}`;
    const day = businessDay(new Date());
    const services = [...new Map(DEMO_CATALOG.services.map((s) => [s.prefix, { prefix: s.prefix, serviceId: s.id }])).values()];

    const robots: ProtocolRobot[] = [];
    for (let b = 0; b < BRANCHES; b++) {
      for (let r = 1; r <= ROBOTS_PER_BRANCH; r++) {
        const id = `robot-${r}`; // the same robot ids in every ward: each branch its own robots
        robots.push(await ProtocolRobot.enrol(balancer.url, staffKeys[b]!, id, day, services));
      }
    }
    const start = (await (await fetch(`${centers.a.url}${branchPath}/v1/board`)).json()).lastEventId as number;
    const onA = readStream(`${centers.a.url}${branchPath}/v1/stream?after=${start}`);
    const caller: Caller = callerOn(() => centers.b!.url, staffKey, DEMO_CATALOG.counters!.map((c) => c.id));

    const deadline = Date.now() + RUN_SECONDS * 1000;
    // after the kill, the run lasts at least until every robot has had tickets acknowledged through A
    const ackedAtKill: number[] = [];
    const everyRobotCarriedOn = () => ackedAtKill.length === robots.length && robots.every((r, i) => r.acked > ackedAtKill[i]!);
    let carriedOn: () => void = () => undefined;
    const carried = new Promise<void>((resolve) => (carriedOn = resolve));
    const running = robots.map(async (robot, i) => {
      while (Date.now() < deadline || !everyRobotCarriedOn()) {
        await robot.issue(1 + ((i + robot.tickets.length) % 8));
        if (everyRobotCarriedOn()) carriedOn();
        // a pause between a robot's batches: 60 robots still overlap all the time (the races under test), while
        // the suite's other worker keeps a share of the 2 cores; bench:center is where the center runs flat out
        await new Promise((r) => setTimeout(r, Math.random() * 2 * PAUSE_MS));
      }
    });
    let restarted = false;
    // the counter goes on past the deadline until it has called on the restarted B
    let callsBeforeRestart = Infinity;
    const calling = caller.run(() => Date.now() < deadline || !restarted || caller.calls.length <= callsBeforeRestart);

    // half-way: B dies as a crash does; the robots must go on through A meanwhile
    await new Promise((r) => setTimeout(r, (RUN_SECONDS * 1000) / 2));
    expect(await centers.b.kill('SIGKILL')).toBe(-1);
    ackedAtKill.push(...robots.map((r) => r.acked));
    await carried;
    const ticketsWhileBDown = robots.reduce((n, r) => n + r.acked, 0) - ackedAtKill.reduce((a, b) => a + b, 0);
    callsBeforeRestart = caller.calls.length;
    centers.b = await startCenterProcess(args(portB));
    restarted = true;

    await Promise.all(running);
    await caller.waitForCalls(callsBeforeRestart + 1);
    await calling;
    const madeIn = (b: number) => robots.slice(b * ROBOTS_PER_BRANCH, (b + 1) * ROBOTS_PER_BRANCH).flatMap((r) => r.tickets.map((t) => t.id));
    const made = robots.flatMap((r) => r.tickets.map((t) => t.id));
    console.error(`city run: ${RUN_SECONDS} s, ${robots.length} robots, ${made.length} tickets, ${ticketsWhileBDown} acknowledged while B was down, ${caller.calls.length} calls on B (${caller.empty} on an empty queue), ${robots.reduce((n, r) => n + r.retries, 0)} robot retries`);
    await Promise.all(robots.map((r) => r.flush()));

    // the restarted B served again: the counter's calls went on there, and it answers robots
    expect(caller.calls.length).toBeGreaterThan(callsBeforeRestart);
    expect((await fetch(`${centers.b.url}/healthz`)).status).toBe(200);

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      // per branch (each ward its own schema): blocks, numbers per (prefix, day), every ticket once
      for (let b = 0; b < BRANCHES; b++) {
        const schema = branchSchema(BRANCH_IDS[b]!);
        const leases = (await db.query<{ robot_id: string; prefix: string; day: string; first: number; last: number }>(`SELECT robot_id, prefix, day, first, last FROM ${schema}.leases`)).rows;
        expect(assertNoOverlap(leases)).toEqual([]);
        const duplicates = (await db.query(`SELECT prefix, day, number FROM ${schema}.tickets GROUP BY prefix, day, number HAVING count(*) > 1`)).rows;
        expect(duplicates).toEqual([]);
        const stored = (await db.query<{ ticket_id: string; robot_id: string; prefix: string; number: number }>(`SELECT ticket_id, robot_id, prefix, number FROM ${schema}.tickets`)).rows;
        expect({ branch: BRANCH_IDS[b], stored: stored.length }).toEqual({ branch: BRANCH_IDS[b], stored: madeIn(b).length });
        expect(new Set(stored.map((s) => s.ticket_id))).toEqual(new Set(madeIn(b)));
        // each number a robot printed came from a block its ward's center leased to that robot
        const outside = stored.filter((s) => !leases.some((l) => l.robot_id === s.robot_id && l.prefix === s.prefix && s.number >= l.first && s.number <= l.last));
        expect(outside).toEqual([]);
      }
      // A's stream of the watched ward: every event committed, in id order, and B's calls among them in B's order
      const committed = (await db.query<{ id: number }>(`SELECT id::int AS id FROM ${branchSchema(BRANCH_IDS[watched]!)}.events WHERE id > $1 ORDER BY id`, [start])).rows.map((r) => r.id);
      const events = (await onA.waitFor(committed.length, 60_000)).slice(0, committed.length);
      onA.drop();
      const seen = new Set(events.map((e) => e.id));
      const order = { missing: committed.filter((id) => !seen.has(id)).slice(0, 20), outOfOrder: events.filter((e, i) => i > 0 && e.id <= events[i - 1]!.id).length };
      expect(order).toEqual({ missing: [], outOfOrder: 0 });
      expect(events.map((e) => e.id)).toEqual(committed);
      const calledOnA = events.filter((e) => e.type === 'ticket.called').map((e) => (e.data.data as { ticketId: string }).ticketId);
      // a call B committed just before the SIGKILL may never have been answered: it is on the stream all the same
      expect(calledOnA.filter((id) => caller.calls.includes(id))).toEqual(caller.calls);
      expect(calledOnA.length - caller.calls.length).toBeLessThanOrEqual(caller.unanswered);
      expect(caller.calls.length).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  }, (RUN_SECONDS + 240) * 1000);
});
