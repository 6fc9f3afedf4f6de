/**
 * The PostgreSQL adapter of the center's storage port (a city's server database; SQLite stays
 * the embedded default). A bounded pool of connections; the schema is migrated on open. Failures
 * to open are CodedErrors naming the cause (bad URL, unreachable server, schema too new), never
 * the password: the URL is shown without it.
 */
import type { Pool } from 'pg';
import { z } from 'zod';
import { CodedError } from '../../../contract/error-codes';
import type { Appointment, Dossier } from '../../../contract/sync';
import type { CenterStorage } from '../port';
import { bookAppointment, placesTaken, purgeBookingPersonalData } from './bookings';
import { counterOp, listCounters, syncCounters } from './counters';
import { createEnrolmentCode, enrol, findToken, listDevices, recordHeartbeat, revokeDevice, rotateToken, slotOf } from './devices';
import { changeHomeVisit, homeVisitByToken, listHomeVisits, purgeHomeVisitPersonalData, requestHomeVisit } from './home-visits';
import { ping, rateBuckets } from './instances';
import { leaseBlock } from './leases';
import { checkInAppointment, findAppointment, findDossier, seedLookups } from './lookups';
import { migrate, SchemaTooNewError } from './migrations';
import { printUncertain, settleTicket } from './print-uncertain';
import { rateTicket, ratingOfIn } from './ratings';
import { acknowledgeStaffCall, auditSummaries, openStaffCalls, recentAudit, storeAudit, storeStaffCalls } from './robot-events';
import {
  createStaffSession, eventsAfter, firstEventId, lastEventId, revokeStaffSessions, staffSessionValid,
} from './sessions-events';
import { stats, statsTickets } from './stats';
import { ingest } from './ingest';
import { countWaiting, getTicket, waitingIn } from './tickets';
import { direct, tx } from './tx';
import { BranchId, DEFAULT_BRANCH_ID, pgSchemaOf } from '../../branches/branch-id';
import { checkBranchIdentity } from '../branch-identity';
import { branchPool } from './branch-pool';

/** postgres:// or postgresql:// with a host; bounded like every input. */
export const PostgresUrl = z.string().max(500).regex(/^postgres(ql)?:\/\/[^\s]+$/, 'a postgres:// URL').refine((u) => {
  try {
    return new URL(u).hostname !== '' || new URL(u).searchParams.has('host');
  } catch {
    return false;
  }
}, 'a postgres:// URL with a host');

export interface PostgresStorageOptions {
  url: string;
  /** Connections per process (default 10): several instances share the server's max_connections. */
  poolMax?: number;
  seed?: { appointments: readonly Appointment[]; dossiers: readonly Dossier[] };
  /** The branch (ward center) whose schema this is; the default branch (schema public) when absent. */
  branchId?: string;
}

/** The URL as it may be shown and logged: without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

const INT8 = 20;
// ms times and counts are BIGINT; they stay far below 2^53, so plain numbers are exact
const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (v: string) => Number(v) : loadPg().types.getTypeParser(oid, format as 'text')) };
/** pg (~45 ms to load) only when a PostgreSQL database is opened: a robot and a center on SQLite never need it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the deferred require is the point
const loadPg = () => require('pg') as (typeof import('pg'))['default'];

/** Opens one pool and, on it, each branch's schema (migrated, checked, seeded): the branch's view of the pool per id. */
async function openPools(opts: PostgresStorageOptions, branchIds: readonly string[]): Promise<{ shared: Pool; views: Pool[] }> {
  const bad = branchIds.find((b) => !BranchId.safeParse(b).success);
  if (bad !== undefined) throw new CodedError('STARTUP_CENTER_BRANCHES_INVALID', `not a branch id: ${JSON.stringify(bad).slice(0, 60)}`);
  if (!PostgresUrl.safeParse(opts.url).success) throw new CodedError('STARTUP_CENTER_DATABASE_URL_INVALID', `not a postgres://user@host:port/database URL: ${redactUrl(opts.url)}`);
  const pool = new (loadPg().Pool)({
    connectionString: opts.url, max: Math.max(1, Math.min(100, opts.poolMax ?? 10)), connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000,
    types: types as never, application_name: 'lobby-robot-center',
  });
  // an idle connection the server dropped must not take the process down; the next query reconnects
  pool.on('error', () => undefined);
  try {
    const views: Pool[] = [];
    // one after the other: each migration holds the migration lock, so parallel opens would queue anyway
    for (const branchId of branchIds) views.push(await openBranch(pool, branchId, opts));
    return { shared: pool, views };
  } catch (e) {
    await pool.end().catch(() => undefined);
    if (e instanceof CodedError) throw e;
    if (e instanceof SchemaTooNewError) throw new CodedError('STARTUP_CENTER_DATABASE_TOO_NEW', `${redactUrl(opts.url)}: ${e.message}`);
    const code = (e as { code?: unknown }).code;
    throw new CodedError('STARTUP_CENTER_DATABASE_UNREACHABLE', `${redactUrl(opts.url)}: ${(e as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
}

/** Migrates the branch's schema, checks which branch it holds, seeds it; the branch's view of the pool. */
async function openBranch(shared: Pool, branchId: string, opts: PostgresStorageOptions): Promise<Pool> {
  const pool = branchPool(shared, pgSchemaOf(branchId));
  await migrate(pool, pgSchemaOf(branchId));
  const bound = await tx(pool, async (t) => {
    await t.run('INSERT INTO branch_identity (one, branch_id, bound_at_ms) VALUES (1, $1, $2) ON CONFLICT (one) DO NOTHING', [branchId, Date.now()]);
    return (await t.one<{ branch_id: string }>('SELECT branch_id FROM branch_identity'))!.branch_id;
  });
  checkBranchIdentity(bound, branchId, `${redactUrl(opts.url)} schema ${pgSchemaOf(branchId)}`);
  if (opts.seed) await seedLookups(pool, opts.seed.appointments, opts.seed.dossiers);
  return pool;
}

export async function openPostgresStorage(opts: PostgresStorageOptions): Promise<CenterStorage> {
  return (await openPostgresBranches(opts, [opts.branchId ?? DEFAULT_BRANCH_ID]))[0]!;
}

/**
 * The storages of several branches on one database and one pool (a city: one schema per ward).
 * The pool ends when the last of them is closed.
 */
export async function openPostgresBranches(opts: PostgresStorageOptions, branchIds: readonly string[]): Promise<CenterStorage[]> {
  const { shared, views } = await openPools(opts, branchIds);
  let open = views.length;
  const release = async () => {
    if (--open === 0) await shared.end();
  };
  return views.map((pool) => storageOn(pool, release));
}

function storageOn(pool: Pool, release: () => Promise<void>): CenterStorage {
  let closed = false;
  const rateToken = rateBuckets(pool);
  return {
    createEnrolmentCode: (h, r, e, n) => createEnrolmentCode(pool, h, r, e, n),
    enrol: (i) => enrol(pool, i),
    findToken: (h) => findToken(pool, h),
    rotateToken: (o, n, e, g, now) => rotateToken(pool, o, n, e, g, now),
    revokeDevice: (r, n) => revokeDevice(pool, r, n),
    recordHeartbeat: (r, h, n) => recordHeartbeat(pool, r, h, n),
    listDevices: () => listDevices(pool),
    slotOf: (r) => slotOf(pool, r),
    leaseBlock: (i) => leaseBlock(pool, i),
    ingest: (c, ctx) => ingest(pool, c, ctx),
    getTicket: (id) => getTicket(direct(pool), id),
    waitingIn: (g, d) => waitingIn(direct(pool), g, d),
    countWaiting: (d) => countWaiting(direct(pool), d),
    printUncertain: (d, g) => printUncertain(pool, d, g),
    settleTicket: (id, o, n) => settleTicket(pool, id, o, n),
    rateTicket: (i) => rateTicket(pool, i),
    ratingOf: (id) => ratingOfIn(pool, id),
    syncCounters: (c) => syncCounters(pool, c),
    listCounters: () => listCounters(pool),
    counterOp: (i) => counterOp(pool, i),
    eventsAfter: (a, l) => eventsAfter(pool, a, l),
    firstEventId: () => firstEventId(pool),
    lastEventId: () => lastEventId(pool),
    appendEvent: (e, n) => tx(pool, async (t) => t.event(e, n)),
    storeStaffCalls: (c, ctx) => storeStaffCalls(pool, c, ctx),
    openStaffCalls: (l) => openStaffCalls(pool, l),
    acknowledgeStaffCall: (id, n) => acknowledgeStaffCall(pool, id, n),
    storeAudit: (e, ctx) => storeAudit(pool, e, ctx),
    auditSummaries: () => auditSummaries(pool),
    recentAudit: (r, l) => recentAudit(pool, r, l),
    createStaffSession: (h, e, n) => createStaffSession(pool, h, e, n),
    staffSessionValid: (h, n) => staffSessionValid(pool, h, n),
    revokeStaffSessions: (h, n) => revokeStaffSessions(pool, h, n),
    findAppointment: (c) => findAppointment(direct(pool), c),
    findDossier: (c) => findDossier(pool, c),
    checkInAppointment: (i) => checkInAppointment(pool, i),
    bookAppointment: (i) => bookAppointment(pool, i),
    placesTaken: (g, f, t) => placesTaken(pool, g, f, t),
    purgeBookingPersonalData: (d) => purgeBookingPersonalData(pool, d),
    requestHomeVisit: (v) => requestHomeVisit(pool, v),
    homeVisitByToken: (t) => homeVisitByToken(pool, t),
    listHomeVisits: (q) => listHomeVisits(pool, q),
    changeHomeVisit: (id, c, n) => changeHomeVisit(pool, id, c, n),
    purgeHomeVisitPersonalData: (d) => purgeHomeVisitPersonalData(pool, d),
    stats: (i) => stats(pool, i),
    statsTickets: (f, t, a, l) => statsTickets(pool, f, t, a, l),
    rateToken,
    ping: () => ping(pool),
    close: async () => {
      if (closed) return;
      closed = true;
      await release();
    },
  };
}
