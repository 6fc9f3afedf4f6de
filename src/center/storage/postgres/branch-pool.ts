/**
 * One pool of connections for every branch of a deployment; each branch sees it through a view
 * that points a connection's search_path at the branch's schema before handing it out. The
 * adapter's SQL names no schema, so a branch reads and writes only its own tables: a forgotten
 * WHERE cannot leak another ward's queue. A connection remembers the schema it was pointed at, so
 * the SET is paid only when a connection changes branch.
 */
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';

const POINTED_AT = Symbol('lobby.schema');
type Tagged = PoolClient & { [POINTED_AT]?: string };
/** A branch view's schema and its pool's connections as they are, for transactions (below). */
const BRANCH = Symbol('lobby.branch');
type View = Pool & { [BRANCH]?: { schema: string; shared: Pool } };

/**
 * A connection for one transaction, and the schema the transaction must run in. A transaction
 * does not need the connection pointed at its branch beforehand: it starts with
 * `BEGIN; SET LOCAL search_path` in one round trip (see `beginSql`), which also leaves the
 * connection's own setting as it was, whatever happens to the transaction.
 */
export async function checkout(pool: Pool): Promise<{ client: PoolClient; schema: string | null }> {
  const branch = (pool as View)[BRANCH];
  if (!branch) return { client: await pool.connect(), schema: null };
  return { client: await branch.shared.connect(), schema: branch.schema };
}

/** The first statement of a transaction: its isolation and, on a branch, its schema (a validated name). */
export function beginSql(isolation: string, schema: string | null): string {
  return schema === null ? `BEGIN ISOLATION LEVEL ${isolation}` : `BEGIN ISOLATION LEVEL ${isolation}; SET LOCAL search_path TO "${schema}"`;
}

/** `schema` comes from pgSchemaOf (a validated branch id): a-z, 0-9 and _ only. */
export function branchPool(pool: Pool, schema: string): Pool {
  if (!/^[a-z0-9_]{1,63}$/.test(schema)) throw new RangeError(`not a branch schema: ${schema}`);
  const view = Object.create(pool) as View;
  const connect = async (): Promise<PoolClient> => {
    const client = (await pool.connect()) as Tagged;
    if (client[POINTED_AT] === schema) return client;
    try {
      await client.query(`SET search_path TO "${schema}"`);
    } catch (e) {
      client.release(true);
      throw e;
    }
    client[POINTED_AT] = schema;
    return client;
  };
  const query = async <R extends QueryResultRow>(text: string, params?: unknown[]): Promise<QueryResult<R>> => {
    const client = await connect();
    let broken = false;
    try {
      return await client.query<R>(text, params);
    } catch (e) {
      // a failed statement outside a transaction leaves the connection usable; a lost one is not
      broken = !(e as { severity?: unknown }).severity;
      throw e;
    } finally {
      client.release(broken);
    }
  };
  Object.assign(view, { connect, query, [BRANCH]: { schema, shared: pool } });
  return view;
}
