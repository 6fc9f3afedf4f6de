/**
 * A branch is one ward center of a deployment. Its id is short, lower-case and safe everywhere
 * it appears: a URL segment (/b/<id>/…), a file name (branches/<id>.sqlite), a PostgreSQL schema
 * (branch_<id with _ for ->) and the prefix of its device tokens and staff session cookies.
 * A deployment that declares no branch has exactly one, DEFAULT_BRANCH_ID, kept where the
 * single-ward center always kept its data (center.sqlite, PostgreSQL's public schema).
 */
import { z } from 'zod';

export const DEFAULT_BRANCH_ID = 'default';

/** 1–32 of a-z, 0-9 and inner hyphens: `p-ben-nghe`. No underscore, so the schema name is unambiguous. */
export const BranchId = z.string().min(1).max(32).regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'a branch id: a-z, 0-9 and inner hyphens, like p-ben-nghe');

/** Where a branch's rows live on PostgreSQL: the default branch in `public` (as before branches). */
export function pgSchemaOf(branchId: string): string {
  BranchId.parse(branchId);
  return branchId === DEFAULT_BRANCH_ID ? 'public' : `branch_${branchId.replace(/-/g, '_')}`;
}

/** A credential (device token, session cookie) of a branch other than the default carries its id before a dot. */
export function branchOfCredential(value: string): string {
  const dot = value.indexOf('.');
  return dot > 0 ? value.slice(0, dot) : DEFAULT_BRANCH_ID;
}

export function withBranch(branchId: string, secret: string): string {
  return branchId === DEFAULT_BRANCH_ID ? secret : `${branchId}.${secret}`;
}
