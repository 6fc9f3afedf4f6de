/**
 * The service-mode module on a real SQLite store (temp file), with a fake printer and no board:
 * login and lock-out, badge entry, the server-side session check, inactivity, the audit outbox
 * kept apart from ticket sync, statistics.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PNG } from 'pngjs';
import { join } from 'node:path';
import type { EventData, EventType, PartStatus } from '../../../src/contract';
import { RobotConfig } from '../../../src/controller/config/schema';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { createMotion } from '../../../src/controller/devices/motion/create-motion';
import type { PrinterPort } from '../../../src/controller/devices/printer/port';
import { createLogger } from '../../../src/controller/log';
import { createServiceMode, type ServiceMode } from '../../../src/controller/service-mode/create-service-mode';
import { hashPin } from '../../../src/controller/service-mode/pin';
import { syncServiceView } from '../../../src/controller/service-mode/sync-view';
import { memoryCredentialStore } from '../../../src/controller/sync/credentials';
import { SyncClient } from '../../../src/controller/sync/sync-client';
import { storeHarness, type StoreHarness } from '../store/store-fixtures';

const PIN = '4321';

function fakePrinter(): PrinterPort & { jobs: Uint8Array[] } {
  const jobs: Uint8Array[] = [];
  const status: PartStatus = { state: 'ok', adapter: 'fake' };
  return { jobs, status: () => status, print: async (j) => void jobs.push(j), refreshStatus: async () => undefined, onStatus: () => () => undefined, close: async () => undefined };
}

interface Harness {
  service: ServiceMode;
  events: Array<{ event: string; data: unknown }>;
  h: StoreHarness;
  printer: ReturnType<typeof fakePrinter>;
  close(): Promise<void>;
}

async function harness(service: Record<string, unknown> = {}): Promise<Harness> {
  const h = storeHarness();
  const store = h.open();
  const config = RobotConfig.parse({ profile: 'production', robotId: 'robot-t', dataDir: h.dir, printer: { adapter: 'tcp', host: 'printer.local' }, service: { pinHash: await hashPin(PIN), ...service } });
  const events: Harness['events'] = [];
  const printer = fakePrinter();
  const motion = createMotion({ adapter: 'none' }, { dataDir: h.dir, log: createLogger('silent') });
  const mode = createServiceMode({
    config, catalog: () => DEMO_CATALOG, store, printer, motion, log: createLogger('silent'), now: () => new Date(h.clock.ms),
    health: () => ({ robotId: 'robot-t', version: 'test', profile: 'production', uptimeSeconds: 1, devices: {}, store: { state: 'ok', adapter: 'sqlite' }, sync: { state: 'disabled', adapter: 'none' } }),
    broadcast: <T extends EventType>(event: T, data: EventData<T>) => void events.push({ event, data }),
    secrets: () => ['a'.repeat(64)],
  });
  return { service: mode, events, h, printer, close: async () => (await mode.close(), h.cleanup()) };
}

const login = (s: ServiceMode, pin: string, via: 'gesture' | 'badge' = 'gesture') => s.handlers['service.login']({ pin, via });
async function sessionOf(s: ServiceMode): Promise<string> {
  const r = await login(s, PIN);
  if (!r.ok) throw new Error(r.code);
  return r.session;
}

describe('service mode module', () => {
  let t: Harness;
  afterEach(() => t?.close());

  it('counts down wrong PINs, opens a session on the right one, and every command checks the session', async () => {
    t = await harness();
    await expect(login(t.service, '0000')).resolves.toEqual({ ok: false, code: 'SERVICE_PIN_WRONG', attemptsLeft: 4 });
    const ok = await login(t.service, PIN);
    expect(ok).toMatchObject({ ok: true, actor: 'pin', inactivitySeconds: 300 });
    const session = ok.ok ? ok.session : '';
    await expect(Promise.resolve().then(() => t.service.handlers['service.stats.get']({ session: 'b'.repeat(64) }))).rejects.toMatchObject({ code: 'SERVICE_SESSION_INVALID' });
    await expect(Promise.resolve(t.service.handlers['service.stats.get']({ session }))).resolves.toMatchObject({ total: 0 });
    // a good login starts the count again
    await expect(login(t.service, '0000')).resolves.toMatchObject({ attemptsLeft: 4 });
  });

  it('six wrong PINs sent at once: exactly five are checked, the sixth meets the lock', async () => {
    t = await harness();
    const results = await Promise.all(Array.from({ length: 6 }, () => login(t.service, '9999')));
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['SERVICE_PIN_WRONG', 'SERVICE_PIN_WRONG', 'SERVICE_PIN_WRONG', 'SERVICE_PIN_WRONG', 'SERVICE_LOCKED_OUT', 'SERVICE_LOCKED_OUT']);
    await expect(login(t.service, PIN)).resolves.toMatchObject({ ok: false, code: 'SERVICE_LOCKED_OUT', lockedUntil: new Date(t.h.clock.ms + 30_000).toISOString() });
    t.h.clock.ms += 30_000;
    await expect(login(t.service, PIN)).resolves.toMatchObject({ ok: true });
  });

  it('badge entry needs a badge scanned shortly before, and audits the badge as the actor', async () => {
    t = await harness();
    await expect(login(t.service, PIN, 'badge')).resolves.toMatchObject({ ok: false, code: 'SERVICE_BADGE_REQUIRED' });
    const badge = { format: 'badge', badgeId: 'B-17', role: 'technician', validFrom: '2026-01-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' } as const;
    t.service.noteScan({ scannerId: 'front', source: 'hid', code: badge });
    t.h.clock.ms += 121_000;
    await expect(login(t.service, PIN, 'badge')).resolves.toMatchObject({ ok: false, code: 'SERVICE_BADGE_REQUIRED' });
    t.service.noteScan({ scannerId: 'front', source: 'hid', code: badge });
    await expect(login(t.service, PIN, 'badge')).resolves.toMatchObject({ ok: true, actor: 'badge:B-17' });
    expect(t.service.auditOutbox.takeBatch(10).map((e) => [e.payload.actor, e.payload.action])).toEqual([['badge:B-17', 'service.login']]);
  });

  it('ends the session after the configured inactivity and tells the UI', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      t = await harness({ inactivitySeconds: 60 });
      const session = await sessionOf(t.service);
      jest.advanceTimersByTime(59_000);
      t.service.handlers['service.ping']({ session }); // activity: the minute starts again
      jest.advanceTimersByTime(59_000);
      expect(t.events.filter((e) => e.event === 'service.ended')).toEqual([]);
      jest.advanceTimersByTime(1_000);
      expect(t.events.filter((e) => e.event === 'service.ended')).toEqual([{ event: 'service.ended', data: { reason: 'inactivity' } }]);
      expect(() => t.service.handlers['service.ping']({ session })).toThrow(expect.objectContaining({ code: 'SERVICE_SESSION_INVALID' }));
    } finally {
      jest.useRealTimers();
    }
  });

  it('audit events wait in their own outbox kind: ticket sync never sees them', async () => {
    t = await harness();
    const store = t.h.open();
    const issued = store.issue({ serviceId: DEMO_CATALOG.services[0]!.id, language: 'vi' });
    expect(issued.ok).toBe(true);
    const session = await sessionOf(t.service);
    await t.service.handlers['service.printer.testPage']({ session });
    expect(t.printer.jobs).toHaveLength(1); // one diagnostic page, never a ticket
    expect(store.takeBatch(100).map((e) => e.type)).toEqual(['ticket.changed']);
    expect(store.pendingCount()).toBe(1);
    const audit = t.service.auditOutbox.takeBatch(100);
    expect(audit.map((e) => e.payload.action)).toEqual(['service.login', 'service.printer.testPage']);
    expect(audit[0]!.key).toBe(`robot-t:audit:${audit[0]!.payload.auditId}`);
    expect(t.service.auditOutbox.ack(audit.map((e) => e.id))).toBe(2);
    expect(t.service.auditOutbox.pendingCount()).toBe(0);
    expect(store.pendingCount()).toBe(1);
  });

  it('statistics: tickets per hour in center time, per service, average wait from the center marks', async () => {
    t = await harness();
    const store = t.h.open();
    const [a, b] = DEMO_CATALOG.services;
    const ids: string[] = [];
    for (const [service, minutes] of [[a!, 0], [a!, 10], [b!, 70]] as const) {
      t.h.clock.advanceMinutes(minutes);
      const r = store.issue({ serviceId: service.id, language: 'vi' });
      if (r.ok) ids.push(r.ticket.id);
    }
    store.applyCenterMark(ids[0]!, { calledAt: new Date(Date.parse('2026-11-30T01:12:00Z')) });
    const session = await sessionOf(t.service);
    const stats = await t.service.handlers['service.stats.get']({ session });
    expect(stats.total).toBe(3);
    expect(stats.perHour[8]).toBe(2);
    expect(stats.perHour[9]).toBe(1);
    expect(stats.perService).toEqual([
      { serviceId: a!.id, issued: 2, averageWaitMinutes: 12 },
      { serviceId: b!.id, issued: 1, averageWaitMinutes: null },
    ]);
    expect(stats.averageWaitMinutes).toBe(12);
  });

  it('writes the support bundle to a mounted USB stick too, without the PIN hash or the API token', async () => {
    const stick = mkdtempSync(join(tmpdir(), 'usb-'));
    t = await harness({ exportDir: stick });
    const session = await sessionOf(t.service);
    const bundle = await t.service.handlers['service.logs.export']({ session });
    expect(bundle.savedTo).toBe(join(stick, bundle.filename));
    const onStick = readFileSync(bundle.savedTo!, 'utf8');
    expect(onStick).toBe(bundle.content);
    expect(onStick).not.toContain('scrypt$');
    expect(onStick).not.toContain('a'.repeat(64));
    expect(JSON.parse(onStick)).toMatchObject({ config: { service: { pinHash: '[removed]', exportDir: stick } } });
  });

  it('previews the day\'s last ticket as the printer draws it; nothing before the first ticket', async () => {
    t = await harness();
    const session = await sessionOf(t.service);
    await expect(Promise.resolve(t.service.handlers['service.printer.preview']({ session }))).resolves.toEqual({ display: null, png: null });
    const issued = t.h.open().issue({ serviceId: DEMO_CATALOG.services[0]!.id, language: 'en' });
    const preview = await t.service.handlers['service.printer.preview']({ session });
    expect(preview.display).toBe(issued.ok ? issued.ticket.display : 'none');
    const png = PNG.sync.read(Buffer.from(preview.png!.replace(/^data:image\/png;base64,/, ''), 'base64'));
    expect(png.width).toBe(576); // the 80 mm default profile
    expect(png.height).toBeGreaterThan(300);
  });

  it('sends microphone levels to the UI only while a session is open', async () => {
    t = await harness();
    const sample = { micLevel: 0.4, wakeScore: 0.1, threshold: 0.5 };
    t.service.publishAudio(sample);
    await sessionOf(t.service);
    t.service.publishAudio(sample);
    expect(t.events.filter((e) => e.event === 'service.audio')).toHaveLength(1);
  });
});

describe('sync view for service mode', () => {
  it('shows the sync client state and names the device token as a secret for the bundle', () => {
    const credentials = memoryCredentialStore({ centerUrl: 'http://center.test', robotId: 'robot-t', robotSlot: 1, token: 't'.repeat(40), expiresAt: Date.now() + 3_600_000, refreshAfter: Date.now() + 1_800_000 });
    const client = new SyncClient({
      centerUrl: 'http://center.test', robotId: 'robot-t', version: 'test', credentials,
      outbox: { takeBatch: () => [], ack: () => 0, pendingCount: () => 3 },
      fetchImpl: (() => Promise.reject(new Error('offline'))) as typeof fetch,
    });
    const view = syncServiceView(client, 'http://center.test', credentials);
    expect(view.state()).toEqual({ online: false, enrolment: 'enrolled', outboxLength: 3, lastSyncAt: null, lastErrorCode: null });
    expect(view.secrets!()).toEqual(['t'.repeat(40)]);
    expect(view.status()).toMatchObject({ state: 'degraded', adapter: 'center http://center.test' });
  });
});
