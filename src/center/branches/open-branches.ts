/**
 * The branches of a deployment as the server starts them: each declared branch (or the one
 * default branch of a single-ward center) gets its storage, its staff key and its context.
 */
import { readOrCreateOnce } from '../secret-files';
import { join } from 'node:path';
import type { Catalog } from '../../contract/catalog';
import { CodedError } from '../../contract/error-codes';
import type { Appointment, Dossier } from '../../contract/sync';
import { BookingConfig, type BookingConfigInput } from '../config/booking';
import {
  DEFAULT_STAFF_SESSION_MS, DEFAULT_TOKEN_TTL_MS, deriveCounters, deriveMaxOvertakes, deriveNumbering, deriveWeights, etagOf, type CenterContext, type CenterLog,
} from '../context';
import type { NumberSpaceRule } from '../domain/number-space';
import { newSecret } from '../http/auth';
import type { CenterStorage } from '../storage/port';
import { openPostgresBranches } from '../storage/postgres';
import { openSqliteStorage } from '../storage/sqlite';
import { BranchId, DEFAULT_BRANCH_ID } from './branch-id';

/** One ward center of the deployment, as the center's config declares it. */
export interface BranchOptions {
  id: string;
  /** Shown to the city administrator; the catalog's Vietnamese center name when absent. */
  name?: string;
  catalog: Catalog;
  /** The branch's staff key; from a file in the data folder (created on first start) when absent. */
  staffKey?: string;
  booking?: BookingConfigInput;
}

export interface SharedOptions {
  dataDir: string;
  log: CenterLog;
  now: () => number;
  tokenTtlMs?: number;
  tokenGraceMs?: number;
  staffSessionMs?: number;
  numbering?: Partial<NumberSpaceRule>;
  publicUrl?: string | ((port: number) => string);
  adminKey?: string;
}

/** A secret kept in a file readable only by the center's user, made on first start. */
export function loadKeyFile(file: string): string {
  // several instances may start together on one data folder: one key wins, complete
  return readOrCreateOnce(file, () => `${newSecret()}\n`).trim();
}

/** The default branch keeps the single-ward center's key file; another branch has its own folder. */
export function staffKeyFileOf(dataDir: string, branchId: string): string {
  return branchId === DEFAULT_BRANCH_ID ? join(dataDir, 'staff-key') : join(dataDir, 'branches', branchId, 'staff-key');
}

/** Ids valid and distinct, staff keys distinct from each other and from the admin key: refused at start otherwise. */
export function checkBranches(branches: readonly (BranchOptions & { staffKey: string })[], adminKey?: string): void {
  const fail = (why: string) => {
    throw new CodedError('STARTUP_CENTER_BRANCHES_INVALID', why);
  };
  if (!branches.length) fail('no branch declared');
  const ids = new Set<string>();
  const keys = new Set<string>(adminKey ? [adminKey] : []);
  for (const b of branches) {
    if (!BranchId.safeParse(b.id).success) fail(`branches: "${b.id.slice(0, 40)}" is not a branch id (a-z, 0-9, inner hyphens, at most 32)`);
    if (ids.has(b.id)) fail(`branches: "${b.id}" is declared twice`);
    ids.add(b.id);
    // a staff key picks its branch: one key in two branches (or the admin's) could not
    if (keys.has(b.staffKey)) fail(`branches: the staff key of "${b.id}" is also another branch's or the administrator's`);
    keys.add(b.staffKey);
  }
}

export async function openStorages(ids: readonly string[], o: { dataDir: string; database?: string; storage?: CenterStorage; seed?: { appointments: readonly Appointment[]; dossiers: readonly Dossier[] } }): Promise<CenterStorage[]> {
  if (o.storage) {
    if (ids.length !== 1) throw new CodedError('STARTUP_CENTER_BRANCHES_INVALID', 'one storage given for several branches');
    return [o.storage];
  }
  if (o.database) return openPostgresBranches({ url: o.database, seed: o.seed }, ids);
  const opened: CenterStorage[] = [];
  try {
    for (const branchId of ids) opened.push(openSqliteStorage({ dataDir: o.dataDir, seed: o.seed, branchId }));
  } catch (e) {
    for (const s of opened) await s.close();
    throw e;
  }
  return opened;
}

export function branchContext(b: BranchOptions & { staffKey: string }, storage: CenterStorage, o: SharedOptions): CenterContext {
  const ttl = o.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const numbering = deriveNumbering(b.catalog, o.numbering);
  const counters = deriveCounters(b.catalog);
  const weights = deriveWeights(b.catalog);
  return {
    branchId: b.id, branchName: b.name ?? b.catalog.centerName.vi, adminKey: o.adminKey,
    storage, now: o.now, log: o.log, catalog: b.catalog, counters, weights, maxOvertakes: deriveMaxOvertakes(b.catalog), numbering,
    catalogEtag: etagOf({ catalog: b.catalog, counters, weights, numbering }),
    prefixes: new Set(b.catalog.services.map((s) => s.prefix)),
    staffKey: b.staffKey,
    tokenTtlMs: ttl,
    tokenGraceMs: Math.min(o.tokenGraceMs ?? 10 * 60_000, ttl),
    staffSessionMs: o.staffSessionMs ?? DEFAULT_STAFF_SESSION_MS,
    booking: BookingConfig.parse(b.booking ?? {}),
    publicUrl: typeof o.publicUrl === 'string' ? o.publicUrl : undefined,
  };
}
