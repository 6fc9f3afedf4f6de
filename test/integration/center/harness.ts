/**
 * Starts a real center (Fastify on 127.0.0.1, SQLite in a temp folder) with a clock the test
 * moves, and speaks HTTP to it with fetch. Each test builds its own; nothing is shared.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCenterServer, type CenterOptions, type RunningCenter } from '../../../src/center/server';
import type { TicketChangeInput } from '../../../src/contract/sync';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';

export const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface Clock {
  t: number;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

export interface TestCenter {
  center: RunningCenter;
  dataDir: string;
  clock: Clock;
  call(method: string, path: string, body?: unknown, auth?: string): Promise<Reply>;
  staff(method: string, path: string, body?: unknown): Promise<Reply>;
  /** Enrols a robot with a fresh one-time code; returns its token and slot. */
  enrol(robotId: string): Promise<{ token: string; robotSlot: number; refreshAfter: number; expiresAt: number }>;
  close(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'lobby-center-'));
}

/** 2026-11-30 09:00 in Asia/Ho_Chi_Minh: a Monday morning. */
export const MONDAY_9AM = Date.parse('2026-11-30T09:00:00+07:00');

export async function call(base: string, method: string, path: string, body?: unknown, auth?: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth) headers.authorization = auth;
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // pages and 304s are not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export async function startTestCenter(opts: Partial<CenterOptions> & { clock?: Clock } = {}): Promise<TestCenter> {
  const clock = opts.clock ?? { t: MONDAY_9AM };
  const dataDir = opts.dataDir ?? tempDataDir();
  const center = await createCenterServer({
    host: '127.0.0.1', port: 0, catalog: DEMO_CATALOG, log: quietLog, now: () => clock.t, staffKey: 'test-staff-key', ...opts, dataDir,
  });
  const t: TestCenter = {
    center, dataDir, clock,
    call: (m, p, b, a) => call(center.url, m, p, b, a),
    staff: (m, p, b) => call(center.url, m, p, m === 'GET' ? undefined : (b ?? {}), `Staff ${center.staffKey}`),
    enrol: async (robotId) => {
      const code = await t.staff('POST', '/v1/admin/enrolment-codes', {});
      const r = await t.call('POST', '/v1/enrol', { code: code.body.code, robotId, version: 'test' });
      if (r.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(r.body)}`);
      return { token: r.body.device.token, robotSlot: r.body.robotSlot, refreshAfter: r.body.device.refreshAfter, expiresAt: r.body.device.expiresAt };
    },
    close: () => center.close(),
  };
  return t;
}

/** A ticket change as a robot's outbox would send it. */
export function ticketChange(p: { prefix?: string; number: number; serviceId?: string; state?: string; version?: number; categoryId?: string; issuedAt?: number; id?: string; day?: string }): TicketChangeInput {
  const prefix = p.prefix ?? 'A';
  return {
    key: undefined,
    ticket: {
      id: p.id ?? randomUUID(),
      serviceId: p.serviceId ?? 'birth-registration',
      day: p.day ?? '2026-11-30',
      number: p.number,
      display: prefix + String(p.number).padStart(3, '0'),
      language: 'vi',
      state: (p.state ?? 'printed') as 'printed',
      issuedAt: new Date(p.issuedAt ?? MONDAY_9AM).toISOString(),
      ...(p.categoryId ? { categoryId: p.categoryId } : {}),
    },
    version: p.version ?? 3,
    kind: p.categoryId ? 'priority' : 'normal',
    prefix,
    printAttempts: 1,
    attention: null,
    changedAt: new Date(p.issuedAt ?? MONDAY_9AM).toISOString(),
  };
}

export const bearer = (token: string) => `Bearer ${token}`;
