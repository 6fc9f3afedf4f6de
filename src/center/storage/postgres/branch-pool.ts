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

/** `schema` comes from pgSchemaOf (a validated branch id): a-z, 0-9 and _ only. */
export function branchPool(pool: Pool, schema: string): Pool {
  if (!/^[a-z0-9_]{1,63}$/.test(schema)) throw new RangeError(`not a branch schema: ${schema}`);
  const view = Object.create(pool) as Pool;
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
  Object.assign(view, { connect, query });
  return view;
}
