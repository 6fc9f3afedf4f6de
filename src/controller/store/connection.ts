/**
 * The SQLite connection behind each QueueStore, for the store's own modules (recovery) and for
 * tests that inspect the file. Nothing else outside src/controller/store may import this
 * (eslint.config.mjs): the rest of the controller uses the store's methods and repositories.
 */
import type { Db } from './database';

const connections = new WeakMap<object, Db>();

export function registerConnection(owner: object, db: Db): void {
  connections.set(owner, db);
}

export function connectionOf(owner: object): Db {
  const db = connections.get(owner);
  if (!db) throw new Error('not a store opened by QueueStore.open');
  return db;
}
