/** The throwaway PostgreSQL of the tests: missing binaries fail loudly with how to install them, never skip. */
import { Client } from 'pg';
import { startPostgres } from '../../../support/postgres';

describe('test PostgreSQL harness', () => {
  it('fails with the install command when the binaries are missing', async () => {
    await expect(startPostgres('/nonexistent/postgresql/bin')).rejects.toThrow(/apt-get install postgresql/);
  });

  it('starts a loopback server, gives fresh databases, and stops it', async () => {
    const pg = await startPostgres();
    const [one, two] = [await pg.createDatabase(), await pg.createDatabase()];
    expect(one).not.toBe(two);
    const c = new Client({ connectionString: one });
    await c.connect();
    expect((await c.query('SELECT current_database() AS db, inet_server_addr()::text AS addr')).rows[0]).toEqual({ db: one.split('/').pop(), addr: '127.0.0.1/32' });
    await c.end();
    await pg.stop();
    const after = new Client({ connectionString: two, connectionTimeoutMillis: 5000 });
    await expect(after.connect()).rejects.toThrow();
  });
});
