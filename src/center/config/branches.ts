/**
 * The center's config file (`lobby-robot center --config FILE`, JSON), issue 19: a city declares
 * its ward centers here. Nothing in it is required: an empty document (or no file at all) is the
 * single-ward center, one default branch with the demo catalog and the key in <data>/staff-key.
 *
 * {
 *   "database": "postgres://lobby@db.city.example/lobby",
 *   "admin": { "keyFile": "/etc/lobby-robot/admin-key" },
 *   "branches": [
 *     { "id": "p-ben-nghe", "name": "Phường Bến Nghé", "catalogFile": "ben-nghe.catalog.json", "staffKeyFile": "ben-nghe.staff-key" },
 *     { "id": "p-ben-thanh", "catalogFile": "ben-thanh.catalog.json" }
 *   ]
 * }
 *
 * Paths are relative to the config file. A branch without `staffKeyFile` gets a key made on first
 * start in <data>/branches/<id>/staff-key; without `admin.keyFile` the administrator's key is made
 * in <data>/admin-key. Several instances on one PostgreSQL must be given the same key files.
 */
import { z } from 'zod';
import { BranchId } from '../branches/branch-id';
import { BookingConfig } from './booking';

const FilePath = z.string().min(1).max(500);

export const BranchDeclaration = z
  .object({
    id: BranchId,
    /** Shown to the city administrator; the catalog's Vietnamese center name when absent. */
    name: z.string().min(1).max(120).optional(),
    /** The branch's catalog (services, counters, hours) as the robot's catalogFile; the demo catalog when absent. */
    catalogFile: FilePath.optional(),
    staffKeyFile: FilePath.optional(),
    booking: BookingConfig.optional(),
  })
  .strict();
export type BranchDeclaration = z.infer<typeof BranchDeclaration>;

export const CenterConfigFile = z
  .object({
    /** postgres://… (a city's shared database); SQLite under --data when absent. --database overrides it. */
    database: z.string().min(1).max(500).optional(),
    admin: z.object({ keyFile: FilePath }).strict().optional(),
    /** The single-ward center's booking section (a declared branch has its own). */
    booking: BookingConfig.optional(),
    /** At most 500: a city of 168 wards fits with room to grow. */
    branches: z.array(BranchDeclaration).min(1).max(500).optional(),
  })
  .strict()
  .refine((c) => !c.branches || new Set(c.branches.map((b) => b.id)).size === c.branches.length, { path: ['branches'], message: 'every branch id once' });
export type CenterConfigFile = z.infer<typeof CenterConfigFile>;
