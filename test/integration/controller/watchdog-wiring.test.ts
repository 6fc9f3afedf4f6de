/**
 * startController tells systemd it is ready once its API listens, pings the watchdog while it
 * runs and stops pinging when closed. Without this wiring the kiosk unit (Type=notify) never
 * becomes active and systemd kills it after TimeoutStartSec. systemd-notify itself is replaced
 * by a recording spawner: the protocol side is covered by test/unit/controller/watchdog.test.ts.
 */
import { EventEmitter } from 'node:events';
import { request } from 'node:http';
import { loadConfig } from '../../../src/controller/config/load';
import { createLogger } from '../../../src/controller/log';
import { startController } from '../../../src/controller/main';
import type { NotifySpawn } from '../../../src/controller/watchdog';
import { tempDir } from '../../support/robot-process';

function recordingSpawn() {
  const calls: { args: readonly string[]; at: number; listening: Promise<boolean> }[] = [];
  const spawn: NotifySpawn = (command, args, { env }) => {
    expect(command).toBe('systemd-notify');
    expect(env.NOTIFY_SOCKET).toBe('/run/lobby-robot-test/notify');
    const url = /STATUS=listening on (\S+)/.exec(args.join(' '))?.[1];
    calls.push({ args, at: Date.now(), listening: url ? answers(url) : Promise.resolve(true) });
    const child = new EventEmitter();
    queueMicrotask(() => child.emit('exit', 0));
    return Object.assign(child, { kill: () => true });
  };
  return { spawn, calls };
}

/** True when the URL answers HTTP at the moment READY=1 is sent. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${url}healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('controller ↔ systemd watchdog wiring', () => {
  it('READY=1 once listening, WATCHDOG=1 every WATCHDOG_USEC/2 while running, nothing after close', async () => {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    const config = { ...loaded.config, motion: { adapter: 'none' as const }, printer: { adapter: 'none' as const } };
    const { spawn, calls } = recordingSpawn();
    const controller = await startController({
      config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(),
      watchdog: { env: { NOTIFY_SOCKET: '/run/lobby-robot-test/notify', WATCHDOG_USEC: '100000' }, spawn },
    });
    try {
      expect(calls[0]?.args).toEqual(['READY=1', `STATUS=listening on ${controller.url}`]);
      expect(await calls[0]!.listening).toBe(true);
      await sleep(400);
      const pings = calls.slice(1);
      expect(pings.every((c) => c.args.length === 1 && c.args[0] === 'WATCHDOG=1')).toBe(true);
      expect(pings.length).toBeGreaterThanOrEqual(3); // every 50 ms; generous for a busy machine
    } finally {
      await controller.close();
    }
    const afterClose = calls.length;
    await sleep(200);
    expect(calls.length).toBe(afterClose);
  });

  it('without NOTIFY_SOCKET (npm start, the Electron shell outside systemd) nothing is spawned', async () => {
    const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir: tempDir() } });
    const config = { ...loaded.config, motion: { adapter: 'none' as const }, printer: { adapter: 'none' as const } };
    const { spawn, calls } = recordingSpawn();
    const controller = await startController({ config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir(), watchdog: { env: {}, spawn } });
    await controller.close();
    expect(calls).toEqual([]);
  });
});
