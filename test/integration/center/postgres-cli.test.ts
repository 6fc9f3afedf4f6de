/**
 * `lobby-robot center --database postgres://…`: the built program on a real throwaway PostgreSQL.
 * It serves from PostgreSQL (no SQLite file), and a bad URL, an unreachable server or a schema
 * from a newer release stop it at once with a coded line that never shows the password.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { PG_MIGRATIONS } from '../../../src/center/storage/postgres/migrations';
import { freePort, startPostgres, type TestPostgres } from '../../support/postgres';
import { tempDataDir } from './harness';
import { runCli } from './run-cli';

const run = runCli;

async function sql<T>(url: string, text: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('lobby-robot center --database', () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(() => pg?.stop());

  it('serves from PostgreSQL: the schema is migrated there and no SQLite file is made', async () => {
    const url = await pg.createDatabase();
    const data = join(tempDataDir(), 'center');
    let board = 0;
    let shown = '';
    const r = await run(['center', '--host', '127.0.0.1', '--port', '0', '--data', data, '--database', url], (out, kill) => {
      const m = /center listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && !shown) {
        shown = m[1]!;
        void fetch(`${shown}/v1/board`).then((res) => ((board = res.status), kill()));
      }
    });
    expect({ code: r.code, board }).toEqual({ code: 0, board: 200 });
    expect(existsSync(join(data, 'center.sqlite'))).toBe(false);
    expect(await sql(url, 'SELECT max(version) AS v FROM schema_version')).toEqual([{ v: PG_MIGRATIONS.length }]);
    expect((await sql<{ id: string }>(url, 'SELECT id FROM counters')).length).toBeGreaterThan(0);
  });

  it('names a URL that is not postgres:// and exits non-zero', async () => {
    const r = await run(['center', '--port', '0', '--data', tempDataDir(), '--database', 'mysql://u:hunter2@db/x']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[STARTUP_CENTER_DATABASE_URL_INVALID]');
    expect(r.out).toContain('docs/troubleshooting/startup.md#startup_center_database_url_invalid');
    expect(r.out).not.toContain('hunter2');
  });

  it('names an unreachable server without its password, and exits non-zero', async () => {
    const port = await freePort();
    const closed = `postgres://lobby:hunter2@127.0.0.1:${port}/nowhere`;
    const r = await run(['center', '--port', '0', '--data', tempDataDir(), '--database', closed]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[STARTUP_CENTER_DATABASE_UNREACHABLE]');
    expect(r.out).toContain(`127.0.0.1:${port}/nowhere`);
    expect(r.out).not.toContain('hunter2');
  });

  it('refuses a database a newer release has migrated', async () => {
    const url = await pg.createDatabase();
    await sql(url, 'CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); INSERT INTO schema_version (version) VALUES (1), (99)');
    const r = await run(['center', '--port', '0', '--data', tempDataDir(), '--database', url]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[STARTUP_CENTER_DATABASE_TOO_NEW]');
  });
});
