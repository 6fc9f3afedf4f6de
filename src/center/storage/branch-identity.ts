/**
 * Each branch keeps its rows apart (its own SQLite file, its own PostgreSQL schema) and records
 * which branch it is, once, the first time it is opened. Opening it as another branch (a copied
 * file, a renamed schema, a config typo) is refused at start-up instead of mixing two wards' queues.
 */
import { CodedError } from '../../contract/error-codes';

export function checkBranchIdentity(stored: string, expected: string, where: string): void {
  if (stored !== expected) throw new CodedError('STARTUP_CENTER_BRANCH_MISMATCH', `${where} holds branch "${stored}", opened as branch "${expected}"`);
}
