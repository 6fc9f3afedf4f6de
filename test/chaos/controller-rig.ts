/**
 * One real robot controller in this process (queue store on a SQLite file, WebSocket API, printer
 * link to a virtual printer, optional center and board), driven over its WebSocket API like the
 * touchscreen does. The clock is the rig's: scenarios move it instead of waiting.
 */

import type WebSocket from 'ws';
import { MotionConfig } from '../../src/controller/config/motion-schema';
import { loadConfig } from '../../src/controller/config/load';
import { createLogger } from '../../src/controller/log';
import { startController, type Controller } from '../../src/controller/main';
import type { QueueStore } from '../../src/controller/store/queue-store';
import { tempDir } from '../support/robot-process';
import { openApi, request } from '../support/ws-client';

export interface Clock {
  t: number;
}

/** Monday 2026-11-30 08:00 in Ha Noi: the center is open. */
export const MONDAY_0800 = Date.parse('2026-11-30T08:00:00+07:00');

export interface RigOptions {
  clock: Clock;
  printerPort: number;
  robotId?: string;
  slot?: number;
  dataDir?: string;
  center?: { url: string; enrolmentCode?: string };
  /** The simulated board's tty: motion through johnny-five, as on the robot. */
  boardPath?: string;
}

export interface IssueReply {
  ok: boolean;
  result?: { ticket: { id: string; display: string; day: string; number: number; issuedAt: string; state: string }; printed: boolean; printError?: string };
  error?: { code: string };
}

export interface Rig {
  controller: Controller;
  store: QueueStore;
  dataDir: string;
  /** One tap on a service: ticket.issue over the API socket (elderly priority keeps the cut-off out of the way unless `normal`). */
  issue(serviceId?: string, opts?: { normal?: boolean }): Promise<IssueReply>;
  command(type: string, payload?: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startRig(opts: RigOptions): Promise<Rig> {
  const robotId = opts.robotId ?? 'robot-chaos';
  const dataDir = opts.dataDir ?? tempDir('lobby-chaos-');
  const loaded = loadConfig({ env: {}, overrides: { port: 0, dataDir } });
  const motion = opts.boardPath
    ? MotionConfig.parse({ adapter: 'johnny-five', path: opts.boardPath, readyTimeoutMs: 20_000, heartbeatMs: 500, heartbeatTimeoutMs: 3000, reconnectInitialMs: 50, reconnectMaxMs: 400 })
    : MotionConfig.parse({ adapter: 'none' });
  const config = { ...loaded.config, robotId, motion, queue: { ...loaded.config.queue, robotSlot: opts.slot ?? 1 } };
  let store: QueueStore | undefined;
  const controller = await startController({
    config, catalog: loaded.catalog, log: createLogger('silent'), uiDir: tempDir('lobby-chaos-ui-'), simulatorPrinterPort: opts.printerPort,
    now: () => new Date(opts.clock.t), ...(opts.center ? { center: opts.center } : {}),
    onStoreOpen: (s) => (store = s),
  });
  const { ws } = await openApi(controller.url, { token: controller.token });
  const socket = ws as WebSocket;
  let seq = 0;
  const command = (type: string, payload: unknown = {}) => {
    const id = `c${++seq}`;
    return request(socket, { v: 1, id, type, payload }, id);
  };
  return {
    controller,
    store: store!,
    dataDir,
    command,
    issue: (serviceId = 'birth-registration', o = {}) =>
      command('ticket.issue', { serviceId, language: 'vi', ...(o.normal ? {} : { categoryId: 'elderly' }) }) as unknown as Promise<IssueReply>,
    close: async () => {
      socket.close();
      await controller.close();
    },
  };
}

/** Numbers a set of tickets uses more than once: `prefix-day-number` keys. */
export function duplicateNumbers(tickets: readonly { display: string; day: string }[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const t of tickets) {
    const key = `${t.day}/${t.display}`;
    if (seen.has(key)) dups.push(key);
    seen.add(key);
  }
  return dups;
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

