/**
 * Issue 16 point 9: a client that sends but never reads its replies (a hung page, an attacker with
 * the token) must not grow the controller without bound. Its socket is closed once what waits for
 * it passes the limit, and the citizen's own connection keeps answering meanwhile.
 */
import { readFileSync } from 'node:fs';
import type WebSocket from 'ws';
import { startRobot, type RobotProcess } from '../../support/robot-process';
import { openApi, request } from '../../support/ws-client';

const RSS_LIMIT_MB = 300;
/** The acceptance's "non-reading client for 15 s": the flood stops then if nothing closed it. */
const FLOOD_MS = 15_000;

function rssMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line![1]) / 1024;
}

/** Keeps sending procedure.list (a few hundred kB of reply each) on a socket that reads nothing. */
async function floodUnread(ws: WebSocket, pid: number): Promise<{ closedByServer: boolean; peakRssMb: number }> {
  ws.pause(); // nothing read: replies pile up in the controller
  let closed = false;
  ws.once('close', () => (closed = true));
  ws.on('error', () => (closed = true));
  let peak = 0;
  const until = Date.now() + FLOOD_MS;
  for (let i = 0; !closed && Date.now() < until; i++) {
    ws.send(JSON.stringify({ v: 1, id: `f${i}`, type: 'procedure.list', payload: {} }));
    if (i % 200 === 0) {
      peak = Math.max(peak, rssMb(pid));
      if (peak > RSS_LIMIT_MB) break;
      // let the socket's events (a reset by the controller) reach us between bursts
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { closedByServer: closed, peakRssMb: Math.max(peak, rssMb(pid)) };
}

describe('a WebSocket client that does not read', () => {
  let robot: RobotProcess;
  beforeAll(async () => {
    robot = await startRobot([]);
  });
  afterAll(async () => {
    await robot.stop();
  });

  it('is disconnected before the controller grows past 300 MB, and the citizen keeps being answered', async () => {
    const citizen = (await openApi(robot.url, { token: robot.token })).ws!;
    const attacker = (await openApi(robot.url, { token: robot.token })).ws!;
    const flooding = floodUnread(attacker, robot.child.pid!);
    // answered while the flood runs
    const reply = await request(citizen, { v: 1, id: 'c1', type: 'hello', payload: { client: 'kiosk' } }, 'c1');
    expect(reply).toMatchObject({ ok: true });
    const flood = await flooding;
    expect(flood.peakRssMb).toBeLessThan(RSS_LIMIT_MB);
    expect(flood.closedByServer).toBe(true);
    // and still answered after the slow reader was cut off
    const t0 = performance.now();
    expect(await request(citizen, { v: 1, id: 'c2', type: 'hello', payload: { client: 'kiosk' } }, 'c2')).toMatchObject({ ok: true });
    process.stdout.write(`second client answered in ${Math.round(performance.now() - t0)} ms after the flood; peak RSS ${Math.round(flood.peakRssMb)} MB\n`);
    expect(robot.output()).toMatch(/"msg":"ui socket closed: it does not read its replies"/);
    citizen.close();
  });
});
