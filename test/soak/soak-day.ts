/**
 * A whole simulated day at the center, 08:00–17:00 and after, at accelerated time: two robots
 * built from the controller's production parts (queue store on SQLite, sync client, printer link
 * to the virtual printer, issueTicket), the reference center, and counters calling and completing
 * tickets over the center's HTTP API. Every clock is injected; nothing waits for real time except
 * the I/O itself. Citizens arrive so that `tickets` tickets are issued by the afternoon.
 *
 * Every ticket is the real raster ticket (ticketJobBuilder, as the controller builds it), so the
 * memory bound covers the canvas renderer and the encoder over a whole day, not only the store.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startVirtualPrinter, type PrintedJob } from '../../hardware/sim/virtual-printer/server';
import { createCenterServer } from '../../src/center/server';
import { Catalog, isCodedError, type Ticket } from '../../src/contract';
import { DEMO_CATALOG } from '../../src/controller/config/demo-catalog';
import { createPrinter } from '../../src/controller/devices/printer/create-printer';
import { ticketJobBuilder } from '../../src/controller/devices/printer/ticket/ticket-job';
import { createLogger } from '../../src/controller/log';
import { issueTicket } from '../../src/controller/queue/issue-ticket';
import { QueueStore } from '../../src/controller/store/queue-store';
import { createCenterLink, type CenterLink } from '../../src/controller/sync/create-sync';
import { businessDay } from '../../src/core/business-day';
import { Recorder } from '../chaos/recorder';
import { quietLog } from '../integration/center/harness';
import { qrOnPaper } from '../support/paper-qr';
import { tempDir } from '../support/robot-process';

const MIN = 60_000;
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+07:00`);
const STAFF = 'soak-staff';

/** Counters per field for a busy day; every service takes about two minutes. */
const COUNTERS: Record<string, number> = { 'civil-status': 6, certification: 4, land: 4, business: 3, social: 4, results: 3 };

function soakCatalog(): Catalog {
  const counters = Object.entries(COUNTERS).flatMap(([group, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${group}-${i + 1}`, label: `${group} ${i + 1}`, counterGroup: group, closesForLunch: group !== 'results' })));
  return Catalog.parse({
    ...DEMO_CATALOG, counters,
    services: DEMO_CATALOG.services.map((s) => ({ ...s, expectedServiceMinutes: 2 })),
    numbering: { start: 1, width: 4, dailyCap: 9999, fallbackSlots: 4, fallbackSize: 100, blockSize: 50 },
  });
}

export interface SoakOptions {
  tickets: number;
  /** Progress lines (one per simulated hour). */
  progress?: (line: string) => void;
}

export interface SoakSummary {
  recorder: Recorder;
  lines: string[];
}

interface Robot {
  id: string;
  store: QueueStore;
  link: CenterLink;
  issue(serviceId: string, categoryId?: string): Promise<{ ticket?: Ticket; printed?: boolean; refused?: string }>;
  close(): Promise<void>;
}

export async function soakDay(opts: SoakOptions): Promise<SoakSummary> {
  const r = new Recorder(`soak: a simulated day, 2 robots, ${opts.tickets} tickets`);
  const lines: string[] = [];
  const clock = { t: at('07:55') };
  const catalog = soakCatalog();
  const dir = tempDir('lobby-soak-');
  const center = await createCenterServer({ host: '127.0.0.1', port: 0, dataDir: join(dir, 'center'), catalog, log: quietLog, now: () => clock.t, staffKey: STAFF });
  const printer = await startVirtualPrinter();
  let sheets = 0;
  /** QR texts read off every 100th sheet, as a phone would: the paper must name real tickets. */
  const sampledQrs: (string | undefined)[] = [];
  printer.events.on('job', (job: PrintedJob) => {
    if (sheets++ % 100 === 0) sampledQrs.push(qrOnPaper(job.png));
    printer.jobs.length = 0; // count the paper, keep none: the harness's memory is not the robots'
  });
  const staff = async (path: string, body: unknown = {}) => {
    const res = await fetch(center.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Staff ${STAFF}` }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const log = createLogger('silent');
  const printerConfig = { adapter: 'simulator', profile: 'epson-tm-t20', cut: 'partial', qr: 'raster', timeoutMs: 5000, statusPollMs: 0 } as const;
  const ticketJob = ticketJobBuilder(printerConfig, () => catalog, 'https://hcc.example.vn/t/{display}/{id}');

  const robot = async (id: string, slot: number): Promise<Robot> => {
    const code = (await staff('/v1/admin/enrolment-codes', { robotId: id })).body.code as string;
    const dataDir = join(dir, id);
    const store = QueueStore.open({ file: join(dataDir, 'robot.sqlite'), robotId: id, robotSlot: slot, catalog, clock: { wallMs: () => clock.t }, numberAuthority: 'center' });
    const device = createPrinter(printerConfig, { simulatorPort: printer.port });
    const link = createCenterLink({
      centerUrl: center.url, enrolmentCode: code, dataDir, robotId: id, version: 'soak', preferredSlot: slot, store, log, now: () => clock.t,
      health: () => ({ uptimeSeconds: 0, parts: { printer: device.status() } }),
    });
    await link.start();
    const deps = { store, printer: device, ticketJob, catalog: () => catalog, log, onTicket: () => link.client.kick() };
    return {
      id, store, link,
      issue: async (serviceId, categoryId) => {
        try {
          const out = await issueTicket(deps, serviceId, 'vi', categoryId);
          return { ticket: out.ticket, printed: out.printed };
        } catch (e) {
          if (isCodedError(e)) return { refused: e.code };
          throw e;
        }
      },
      close: async () => {
        await link.stop();
        await device.close();
        store.close();
      },
    };
  };

  const robots = [await robot('robot-a', 1), await robot('robot-b', 2)];
  r.did('center and two robots started; both enrolled; clock at 07:55');
  const counters = catalog.counters.map((c) => ({ id: c.id, group: c.counterGroup, busyUntil: 0, current: null as string | null }));
  const services = catalog.services.filter((s, i, all) => all.findIndex((x) => x.counterGroup === s.counterGroup) === i);
  const weights = services.map((s) => COUNTERS[s.counterGroup] ?? 1);
  const pickService = () => {
    let x = Math.random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < services.length; i++) if ((x -= weights[i]!) < 0) return services[i]!.id;
    return services[0]!.id;
  };
  const issued: Ticket[] = [];
  const called = new Map<string, number>();
  const refusals = new Map<string, number>();
  let notPrinted = 0;
  let completed = 0;
  const memory: { hour: string; heapMb: number; rssMb: number }[] = [];
  const sample = (hour: string) => {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    memory.push({ hour, heapMb: m.heapUsed / 2 ** 20, rssMb: m.rss / 2 ** 20 });
  };
  const syncAll = async () => {
    for (const x of robots) await x.link.client.syncOnce().catch(() => undefined);
  };
  const countersWork = async () => {
    // a clerk sees the lobby display: counters of a group nobody waits for do not press "call next"
    const waiting = await center.ctx.storage.countWaiting(businessDay(new Date(clock.t)));
    for (const c of counters) {
      if (clock.t < c.busyUntil || (!c.current && !waiting[c.group])) continue;
      if (c.current) {
        const done = await staff(`/v1/counters/${c.id}/complete`);
        if (done.status === 200) completed++;
        c.current = null;
      }
      const next = await staff(`/v1/counters/${c.id}/call-next`);
      const current = next.status === 200 ? (next.body.current as { ticketId: string } | null) : null;
      if (current) {
        c.current = current.ticketId;
        called.set(current.ticketId, (called.get(current.ticketId) ?? 0) + 1);
        c.busyUntil = clock.t + (1 + Math.random() * 2) * MIN;
      } else {
        c.busyUntil = clock.t + MIN; // nobody waiting: look again in a minute
      }
    }
  };

  // arrivals: the remaining tickets spread over the open minutes left (not at lunch, not in the last 20 minutes)
  const windows = [[at('08:00'), at('11:20')], [at('13:30'), at('16:40')]] as const;
  const openMinutesLeft = () => windows.reduce((n, [a, b]) => n + Math.max(0, b - Math.max(a, clock.t)) / MIN, 0);
  const inWindow = () => windows.some(([a, b]) => clock.t >= a && clock.t < b);
  sample('07:55');
  let nextHour = at('09:00');
  for (clock.t = at('08:00'); clock.t < at('19:00'); clock.t += MIN) {
    if (inWindow() && issued.length < opts.tickets) {
      const due = Math.ceil((opts.tickets - issued.length) / Math.max(1, openMinutesLeft()));
      for (let i = 0; i < due; i++) {
        const who = robots[(issued.length + i) % robots.length]!;
        const out = await who.issue(pickService(), Math.random() < 0.15 ? 'elderly' : undefined);
        if (out.refused) refusals.set(out.refused, (refusals.get(out.refused) ?? 0) + 1);
        if (out.ticket) issued.push(out.ticket);
        if (out.ticket && !out.printed) notPrinted++;
      }
    }
    if (clock.t % (5 * MIN) === 0) await syncAll();
    await countersWork();
    if (clock.t >= nextHour) {
      sample(new Date(clock.t).toISOString().slice(11, 16));
      const line = `${new Date(clock.t + 7 * 3600_000).toISOString().slice(11, 16)}  issued ${issued.length}, called ${called.size}, completed ${completed}, heap ${memory.at(-1)!.heapMb.toFixed(1)} MB, rss ${memory.at(-1)!.rssMb.toFixed(0)} MB`;
      lines.push(line);
      opts.progress?.(line);
      nextHour += 3600_000;
    }
    // after closing, once every robot has sent everything and no one waits, the day is over
    if (clock.t >= at('17:00') && issued.length && called.size >= issued.length) break;
  }
  await syncAll();
  sample('end');
  r.did(`clock ran to ${new Date(clock.t + 7 * 3600_000).toISOString().slice(11, 16)}; ${issued.length} tickets issued, ${[...refusals].map(([k, v]) => `${v} ${k}`).join(', ') || 'no refusals'}; ${called.size} called, ${completed} completed`);

  // invariants
  r.check(`${opts.tickets} tickets issued during opening hours`, issued.length === opts.tickets, `${issued.length}`);
  r.check('every ticket printed (one sheet each)', notPrinted === 0 && sheets === issued.length, `${sheets} sheets, ${notPrinted} not printed`);
  const issuedIds = new Set(issued.map((t) => t.id));
  const unknownSheets = sampledQrs.filter((q) => !q || !issuedIds.has(new URL(q).pathname.split('/').at(-1)!));
  r.check('every sampled sheet carries a QR naming an issued ticket (read off the paper)', sampledQrs.length > 0 && unknownSheets.length === 0, `${sampledQrs.length} sheets read, ${unknownSheets.length} unknown`);
  const pending = robots.map((x) => x.store.pendingCount());
  r.check('both outboxes drained', pending.every((n) => n === 0), pending.join(', '));
  for (const x of robots) r.check(`${x.id}: store integrity_check ok`, x.store.integrityCheck() === 'ok');
  const day = businessDay(new Date(at('08:00')));
  const robotTickets = robots.flatMap((x) => x.store.ticketsOfDay(day));
  r.check('the robots hold exactly the issued tickets', robotTickets.length === issued.length && new Set(robotTickets.map((t) => t.id)).size === issued.length, `${robotTickets.length}`);
  const twice = [...called].filter(([, n]) => n > 1);
  r.check('no ticket called twice', twice.length === 0, `${twice.length}`);
  const uncalled = issued.filter((t) => !called.has(t.id));
  r.check('every ticket called by a counter before the day ended', uncalled.length === 0, `${uncalled.length} never called`);
  for (const x of robots) await x.close();
  await printer.close();
  await center.close();

  const db = new Database(join(dir, 'center', 'center.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT ticket_id AS id, prefix, day, number, status FROM tickets').all() as { id: string; prefix: string; day: string; number: number; status: string }[];
    const ids = new Set(rows.map((x) => x.id));
    r.check('every ticket at the center exactly once', rows.length === issued.length && issued.every((t) => ids.has(t.id)), `${rows.length} rows at the center`);
    r.check('no number twice at the center', new Set(rows.map((x) => `${x.prefix}/${x.day}/${x.number}`)).size === rows.length);
    const served = rows.filter((x) => x.status === 'served').length;
    r.check('the center counts every completed ticket as served', served === completed, `${served} served, ${completed} completed`);
    r.check('center database intact', db.pragma('integrity_check', { simple: true }) === 'ok');
  } finally {
    db.close();
  }

  // memory: the first hour warms up (JIT, statements, fonts); after it, growth must stay bounded
  const base = memory.find((m) => m.hour !== '07:55') ?? memory[0]!;
  const end = memory.at(-1)!;
  const growth = end.heapMb - base.heapMb;
  const gcNote = (globalThis as { gc?: () => void }).gc ? 'after gc' : 'without --expose-gc';
  r.check('heap growth after the first hour stays under 48 MB', growth < 48, `${growth.toFixed(1)} MB (${base.heapMb.toFixed(1)} → ${end.heapMb.toFixed(1)} MB, ${gcNote})`);
  // native memory (canvas, SQLite, sockets) shows in RSS only
  const rssGrowth = end.rssMb - base.rssMb;
  r.check('RSS growth after the first hour stays under 64 MB', rssGrowth < 64, `${rssGrowth.toFixed(0)} MB (${base.rssMb.toFixed(0)} → ${end.rssMb.toFixed(0)} MB)`);
  lines.push(`memory: heap ${memory.map((m) => m.heapMb.toFixed(0)).join(' → ')} MB; rss ${memory.map((m) => m.rssMb.toFixed(0)).join(' → ')} MB`);
  return { recorder: r, lines };
}
