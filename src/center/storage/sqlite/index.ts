/** The SQLite adapter of the center's storage port: one file under the data folder. */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Appointment, Dossier } from '../../../contract/sync';
import { BranchId, DEFAULT_BRANCH_ID } from '../../branches/branch-id';
import { checkBranchIdentity } from '../branch-identity';
import type { CenterStorage } from '../port';
import { bookAppointment, placesTaken, purgeBookingPersonalData } from './bookings';
import { counterOp, listCounters, syncCounters } from './counters';
import { createEnrolmentCode, enrol, findToken, listDevices, recordHeartbeat, revokeDevice, rotateToken, slotOf } from './devices';
import { appendEvent, eventsAfter, firstEventId, lastEventId } from './events';
import { changeHomeVisit, homeVisitByToken, listHomeVisits, purgeHomeVisitPersonalData, requestHomeVisit } from './home-visits';
import { leaseBlock } from './leases';
import { checkInAppointment, findAppointment, findDossier, seedLookups } from './lookups';
import { openCenterDb } from './open';
import { acknowledgeStaffCall, auditSummaries, openStaffCalls, recentAudit, storeAudit, storeStaffCalls } from './robot-events';
import { createStaffSession, revokeStaffSessions, staffSessionValid } from './staff-sessions';
import { countWaiting, getTicket, ingest, waitingIn } from './tickets';
import { printUncertain, settleTicket } from './print-uncertain';
import { rateTicket, ratingOf } from './ratings';
import { stats, statsTickets } from './stats';
import { MemoryBuckets } from '../../http/rate-limit';

export const CENTER_DB_FILE = 'center.sqlite';

export interface SqliteStorageOptions {
  dataDir: string;
  seed?: { appointments: readonly Appointment[]; dossiers: readonly Dossier[] };
  /** The branch (ward center) whose file this is; the default branch when absent. */
  branchId?: string;
}

/** The default branch keeps the single-ward center's file; any other has its own under branches/. */
export function branchDbFile(dataDir: string, branchId: string): string {
  return branchId === DEFAULT_BRANCH_ID ? join(dataDir, CENTER_DB_FILE) : join(dataDir, 'branches', `${BranchId.parse(branchId)}.sqlite`);
}

function openBranchDb(dataDir: string, branchId: string) {
  const file = branchDbFile(dataDir, branchId);
  mkdirSync(dirname(file), { recursive: true });
  const db = openCenterDb(file);
  try {
    db.prepare('INSERT OR IGNORE INTO branch_identity (one, branch_id, bound_at_ms) VALUES (1, ?, ?)').run(branchId, Date.now());
    checkBranchIdentity((db.prepare('SELECT branch_id FROM branch_identity').get() as { branch_id: string }).branch_id, branchId, file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function openSqliteStorage(opts: SqliteStorageOptions): CenterStorage {
  const db = openBranchDb(opts.dataDir, opts.branchId ?? DEFAULT_BRANCH_ID);
  if (opts.seed) seedLookups(db, opts.seed.appointments, opts.seed.dossiers);
  // one process is the whole center: its rate buckets need no disk write per request
  const buckets = new MemoryBuckets();
  // better-sqlite3 is synchronous: each call below is a whole transaction, done before the next starts
  return {
    createEnrolmentCode: async (h, r, e, n) => createEnrolmentCode(db, h, r, e, n),
    enrol: async (i) => enrol(db, i),
    findToken: async (h) => findToken(db, h),
    rotateToken: async (o, n, e, g, now) => rotateToken(db, o, n, e, g, now),
    revokeDevice: async (r, n) => revokeDevice(db, r, n),
    recordHeartbeat: async (r, h, n) => recordHeartbeat(db, r, h, n),
    listDevices: async () => listDevices(db),
    slotOf: async (r) => slotOf(db, r),
    leaseBlock: async (i) => leaseBlock(db, i),
    ingest: async (c, ctx) => ingest(db, c, ctx),
    getTicket: async (id) => getTicket(db, id),
    waitingIn: async (g, d) => waitingIn(db, g, d),
    countWaiting: async (d) => countWaiting(db, d),
    printUncertain: async (d, g) => printUncertain(db, d, g),
    settleTicket: async (id, o, n) => settleTicket(db, id, o, n),
    rateTicket: async (i) => rateTicket(db, i),
    ratingOf: async (id) => ratingOf(db, id),
    syncCounters: async (c) => syncCounters(db, c),
    listCounters: async () => listCounters(db),
    counterOp: async (i) => counterOp(db, i),
    eventsAfter: async (a, l) => eventsAfter(db, a, l),
    firstEventId: async () => firstEventId(db),
    lastEventId: async () => lastEventId(db),
    appendEvent: async (e, n) => void appendEvent(db, e, n),
    storeStaffCalls: async (c, ctx) => storeStaffCalls(db, c, ctx),
    openStaffCalls: async (l) => openStaffCalls(db, l),
    acknowledgeStaffCall: async (id, n) => acknowledgeStaffCall(db, id, n),
    storeAudit: async (e, ctx) => storeAudit(db, e, ctx),
    auditSummaries: async () => auditSummaries(db),
    recentAudit: async (r, l) => recentAudit(db, r, l),
    createStaffSession: async (h, e, n) => createStaffSession(db, h, e, n),
    staffSessionValid: async (h, n) => staffSessionValid(db, h, n),
    revokeStaffSessions: async (h, n) => revokeStaffSessions(db, h, n),
    findAppointment: async (c) => findAppointment(db, c),
    findDossier: async (c) => findDossier(db, c),
    checkInAppointment: async (i) => checkInAppointment(db, i),
    bookAppointment: async (i) => bookAppointment(db, i),
    placesTaken: async (g, f, t) => placesTaken(db, g, f, t),
    purgeBookingPersonalData: async (d) => purgeBookingPersonalData(db, d),
    requestHomeVisit: async (v) => requestHomeVisit(db, v),
    homeVisitByToken: async (t) => homeVisitByToken(db, t),
    listHomeVisits: async (q) => listHomeVisits(db, q),
    changeHomeVisit: async (id, c, n) => changeHomeVisit(db, id, c, n),
    purgeHomeVisitPersonalData: async (d) => purgeHomeVisitPersonalData(db, d),
    stats: async (i) => stats(db, i),
    statsTickets: async (f, t, a, l) => statsTickets(db, f, t, a, l),
    rateToken: async (i) => buckets.rateToken(i),
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
