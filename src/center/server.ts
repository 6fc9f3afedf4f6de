/**
 * The reference center backend: Fastify 5 on a configurable host and port, SQLite under a data
 * folder (or any CenterStorage), the sync API for robots, counter operations, the realtime
 * stream and the pages (counter, lobby display, ticket status, fleet).
 *
 * Every request body is bounded (SYNC_MAX_BODY_BYTES) and validated with zod; every failure is
 * `{ error: { code }, serverTime }` with a stable code; every response carries x-server-time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Catalog } from '../contract/catalog';
import { SERVER_TIME_HEADER, SYNC_MAX_BODY_BYTES, SYNC_PROTOCOL_HEADER, SYNC_PROTOCOL_VERSION } from '../contract/sync';
import type { BranchDirectory, CenterContext, CenterLog } from './context';
import { DEFAULT_BRANCH_ID } from './branches/branch-id';
import { branchContext, checkBranches, loadKeyFile, openStorages, staffKeyFileOf, type BranchOptions } from './branches/open-branches';
import { branchRouter } from './http/branch-router';
import { cityRoutes } from './routes/city';
import type { NumberSpaceRule } from './domain/number-space';
import { staffSessionHook } from './http/auth';
import { CenterError } from './http/errors';
import { RateLimiter } from './http/rate-limit';
import { StreamHub } from './http/stream-hub';
import { appointmentSigner, loadAppointmentKey, type AppointmentSigner } from './appointment-signing';
import { appointmentRoutes } from './routes/appointments';
import { bookingRoutes } from './routes/booking';
import { BookingConfig, type BookingConfigInput } from './config/booking';
import { centerPurgers, startRetentionJob, type RetentionJob } from './retention';
import { labelRoutes } from './routes/labels';
import { pageRoutes } from './routes/pages';
import { printUncertainRoutes } from './routes/print-uncertain';
import { speechRoutes } from './routes/speech';
import { publicRoutes } from './routes/public';
import { ratingRoutes } from './routes/ratings';
import { robotEventRoutes } from './routes/robot-events';
import { robotRoutes } from './routes/robot';
import { staffRoutes } from './routes/staff';
import { staffSessionRoutes } from './routes/staff-session';
import { homeVisitRoutes } from './routes/home-visits';
import { homeVisitStaffRoutes } from './routes/home-visits-staff';
import { statsRoutes } from './routes/stats';
import { demoAppointments, demoDossiers } from './seed/demo-lookups';
import { businessDay } from '../core/business-day';
import type { CenterStorage } from './storage/port';

export interface CenterOptions {
  host: string;
  port: number;
  dataDir: string;
  catalog: Catalog;
  log: CenterLog;
  /** Wall clock in ms; tests inject one to run token expiry without sleeping. */
  now?: () => number;
  /** Defaults to the key in <dataDir>/staff-key, created on first start. */
  staffKey?: string;
  tokenTtlMs?: number;
  tokenGraceMs?: number;
  /** How long a staff sign-in lasts (12 h by default). */
  staffSessionMs?: number;
  numbering?: Partial<NumberSpaceRule>;
  /** Another storage adapter (a server database); SQLite under dataDir by default. */
  storage?: CenterStorage;
  /** A postgres:// URL: the city's PostgreSQL instead of SQLite under dataDir (ignored when `storage` is given). */
  database?: string;
  seedDemoData?: boolean;
  /** Signs appointment QRs; from <dataDir>/appointment-signing-key.pem (created on first start) when absent. */
  appointmentSigner?: AppointmentSigner;
  /** The `booking` section of the center's config (capacity calendar, retention); defaults when absent. */
  booking?: BookingConfigInput;
  /** The ward centers this deployment serves (the center's config); absent: one default branch from the options above. */
  branches?: BranchOptions[];
  /** The city administrator's key; from <dataDir>/admin-key (created on first start) when branches are declared. */
  adminKey?: string;
  /**
   * The balancers in front of several instances (addresses or CIDRs, comma-separated): requests
   * from them are taken to come from the X-Forwarded-For client, so rate limits count citizens.
   */
  trustProxy?: string;
  /** Base URL printed in home visits' status links (/v/<token>), e.g. http://10.0.0.5:8080; a function gets the bound port. */
  publicUrl?: string | ((port: number) => string);
}

export interface RunningCenter {
  url: string;
  port: number;
  /** The home branch's staff key (the only branch of a single-ward center). */
  staffKey: string;
  /** The city administrator's key; none for a single-ward center without declared branches. */
  adminKey?: string;
  /** Every branch's context, by branch id. */
  branches: Map<string, CenterContext>;
  /** Public half of the key that signs appointment QRs (base64, raw 32 bytes): robots trust it via config. */
  appointmentKey: string;
  ctx: CenterContext;
  /** Deletes expired personal data at start and every `booking.retentionCheckMinutes`. */
  retention: RetentionJob;
  close(): Promise<void>;
}

function errorBody(ctx: CenterContext, code: CenterError['code'], issues?: string[]) {
  return { error: issues?.length ? { code, issues } : { code }, serverTime: ctx.now() };
}

export type FastifyServerFactory = (handler: (req: IncomingMessage, res: ServerResponse) => void) => Server;

export function buildApp(ctx: CenterContext, signer?: AppointmentSigner, serverFactory?: FastifyServerFactory, trustProxy?: string): { app: FastifyInstance; hub: StreamHub } {
  const app = Fastify({
    ...(trustProxy ? { trustProxy } : {}),
    forceCloseConnections: true, bodyLimit: SYNC_MAX_BODY_BYTES, logger: false, requestTimeout: 30_000, connectionTimeout: 60_000, routerOptions: { maxParamLength: 120 },
    ...(serverFactory ? { serverFactory } : {}),
  });
  const hub = new StreamHub(ctx.storage, ctx.now);
  const afterWrite = () => hub.notify();

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header(SERVER_TIME_HEADER, String(ctx.now()));
    reply.header(SYNC_PROTOCOL_HEADER, String(SYNC_PROTOCOL_VERSION));
    return payload;
  });

  app.setErrorHandler((thrown: FastifyError | CenterError, req, reply) => {
    if (thrown instanceof CenterError) return reply.code(thrown.status).send(errorBody(ctx, thrown.code, thrown.issues));
    const err = thrown as FastifyError;
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 413) return reply.code(413).send(errorBody(ctx, 'CENTER_BODY_TOO_LARGE'));
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody(ctx, 'CENTER_INVALID_REQUEST', [String(err.code ?? err.message).slice(0, 200)]));
    ctx.log.error({ err: { message: err.message, code: err.code }, url: req.url.split('?')[0] }, 'center request failed');
    // SQLite's codes name themselves; PostgreSQL's errors carry a severity (and a pool's connection errors an errno)
    const storageFailed = /SQLITE/.test(String(err.code)) || 'severity' in err;
    return reply.code(500).send(errorBody(ctx, storageFailed ? 'CENTER_STORAGE_FAILED' : 'INTERNAL_ERROR'));
  });
  app.addHook('onRequest', staffSessionHook(ctx));
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(errorBody(ctx, 'CENTER_NOT_FOUND')));

  robotRoutes(app, ctx, { enrolLimiter: new RateLimiter(ctx.storage, 'enrol', 10, 10), afterWrite, appointmentKey: signer?.publicKeyBase64 });
  if (signer) appointmentRoutes(app, ctx, { signer });
  if (signer) bookingRoutes(app, ctx, { booking: ctx.booking, signer });
  staffRoutes(app, ctx, { afterWrite });
  printUncertainRoutes(app, ctx, { afterWrite });
  staffSessionRoutes(app, ctx, { signInLimiter: new RateLimiter(ctx.storage, 'sign-in', 10, 10) });
  robotEventRoutes(app, ctx, { afterWrite });
  publicRoutes(app, ctx, { hub, statusLimiter: new RateLimiter(ctx.storage, 'ticket-status', 120, 60) });
  ratingRoutes(app, ctx, { ratingLimiter: new RateLimiter(ctx.storage, 'rating', 20, 10) });
  labelRoutes(app, ctx);
  statsRoutes(app, ctx);
  speechRoutes(app, ctx, { synthLimiter: new RateLimiter(ctx.storage, 'speech', 30, 10) });
  homeVisitRoutes(app, ctx, { statusLimiter: new RateLimiter(ctx.storage, 'visit-status', 120, 60) });
  homeVisitStaffRoutes(app, ctx);
  pageRoutes(app);
  return { app, hub };
}

interface BranchRuntime {
  ctx: CenterContext;
  app: FastifyInstance;
  hub: StreamHub;
  retention?: RetentionJob;
}

/** Declared branches, or the single default branch of a single-ward center (its catalog, key and booking as before). */
function declaredBranches(opts: CenterOptions): (BranchOptions & { staffKey: string })[] {
  const declared: BranchOptions[] = opts.branches?.length ? opts.branches : [{ id: DEFAULT_BRANCH_ID, catalog: opts.catalog, staffKey: opts.staffKey, booking: opts.booking }];
  return declared.map((b) => ({ ...b, staffKey: b.staffKey ?? loadKeyFile(staffKeyFileOf(opts.dataDir, b.id)) }));
}

/** The home branch's app listens; the router hands each request to its branch's app. */
function listeningApp(runtimes: BranchRuntime[], build: (ctx: CenterContext, serverFactory?: FastifyServerFactory) => BranchRuntime, ctx: CenterContext): BranchRuntime {
  let router: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  return build(ctx, (handler) => {
    // made at the first request, when every branch's app (this one first) is ready
    const server = createServer({ requestTimeout: 30_000 }, (req, res) => {
      router ??= branchRouter(runtimes.map((r) => ({ id: r.ctx.branchId, staffKey: r.ctx.staffKey, routing: r.app.routing })), handler, ctx.now);
      router(req, res);
    });
    server.setTimeout(60_000);
    return server;
  });
}

/** The declared branches and the administrator's key; an invalid declaration (or booking section) stops start-up before anything is opened, naming the field. */
function checkedBranches(opts: CenterOptions): { branches: ReturnType<typeof declaredBranches>; adminKey: string | undefined } {
  const branches = declaredBranches(opts);
  const adminKey = opts.adminKey ?? (opts.branches?.length ? loadKeyFile(join(opts.dataDir, 'admin-key')) : undefined);
  checkBranches(branches, adminKey);
  for (const b of branches) BookingConfig.parse(b.booking ?? {});
  return { branches, adminKey };
}

export async function createCenterServer(opts: CenterOptions): Promise<RunningCenter> {
  const now = opts.now ?? Date.now;
  const { branches, adminKey } = checkedBranches(opts);
  const seed = opts.seedDemoData === false ? undefined : { appointments: demoAppointments(businessDay(new Date(now()))), dossiers: demoDossiers(businessDay(new Date(now()))) };
  const storages = await openStorages(branches.map((b) => b.id), { dataDir: opts.dataDir, database: opts.database, storage: opts.storage, seed });
  const shared = { ...opts, now, adminKey };
  const contexts = branches.map((b, i) => branchContext(b, storages[i]!, shared));
  const runtimes: BranchRuntime[] = [];
  const directory: BranchDirectory = { all: () => runtimes.map((r) => ({ ctx: r.ctx, afterWrite: () => r.hub.notify() })) };
  for (const c of contexts) c.directory = directory;
  const closeStorages = async () => {
    for (const s of storages) await s.close();
  };
  let signer: AppointmentSigner;
  // a center that cannot start closes the storage it opened (a bad key or a busy port)
  try {
    for (const c of contexts) await c.storage.syncCounters(c.counters);
    signer = opts.appointmentSigner ?? appointmentSigner(loadAppointmentKey(opts.dataDir));
    const build = (ctx: CenterContext, serverFactory?: FastifyServerFactory): BranchRuntime => ({ ctx, ...buildApp(ctx, signer, serverFactory, opts.trustProxy) });
    for (const c of contexts.slice(1)) runtimes.push(build(c));
    for (const r of runtimes) await r.app.ready();
    runtimes.unshift(listeningApp(runtimes, build, contexts[0]!));
    cityRoutes(runtimes[0]!.app, contexts[0]!);
    await runtimes[0]!.app.listen({ host: opts.host, port: opts.port });
  } catch (e) {
    for (const r of runtimes) await r.app.close().catch(() => undefined);
    await closeStorages();
    throw e;
  }
  const { app } = runtimes[0]!;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  if (typeof opts.publicUrl === 'function') for (const c of contexts) c.publicUrl = opts.publicUrl(port);
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  opts.log.info({ host: opts.host, port, dataDir: opts.dataDir, branches: contexts.length, appointmentKey: signer.publicKeyBase64 }, 'center listening (appointmentKey: put it in each robot\'s codes.centerPublicKeys)');
  for (const r of runtimes) {
    r.retention = startRetentionJob({ purgers: centerPurgers(r.ctx.storage), retentionDays: r.ctx.booking.retentionDays, now, log: opts.log, everyMs: r.ctx.booking.retentionCheckMinutes * 60_000 });
  }
  let closed = false;
  const ctx = contexts[0]!;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    staffKey: ctx.staffKey,
    adminKey,
    appointmentKey: signer.publicKeyBase64,
    ctx,
    branches: new Map(contexts.map((c) => [c.branchId, c])),
    retention: runtimes[0]!.retention!,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const r of runtimes) await r.retention?.stop();
      for (const r of runtimes) r.hub.close();
      // the listening app first: it closes every connection, whichever branch's route holds it
      for (const r of runtimes) await r.app.close();
      await closeStorages();
    },
  };
}
