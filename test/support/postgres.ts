/**
 * A throwaway PostgreSQL server for tests: Debian's `postgresql` binaries, a cluster in a temp
 * dir (initdb, trust on loopback only), a free loopback port, stopped with `pg_ctl -m fast stop`.
 * One cluster per test file; `createDatabase` gives each test its own database (CREATE DATABASE
 * is fast). Run as the `postgres` user when the tests run as root (PostgreSQL refuses root).
 * Missing binaries fail the suite with how to install them: never a silent skip.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const DEFAULT_PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  port: number;
  /** A fresh empty database; its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root but there is no "postgres" user: apt-get install postgresql creates it');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function pgTool(binDir: string, user: { uid: number; gid: number } | null, tool: string, args: string[]): Promise<void> {
  const bin = join(binDir, tool);
  if (user) await run('runuser', ['-u', 'postgres', '--', bin, ...args], { timeout: 60_000 });
  else await run(bin, args, { timeout: 60_000 });
}

/** `durable`: keep fsync on (the bench compares with SQLite's synchronous FULL); tests turn it off. */
export async function startPostgres(binDir = DEFAULT_PG_BIN, opts: { durable?: boolean } = {}): Promise<TestPostgres> {
  if (!existsSync(join(binDir, 'initdb')) || !existsSync(join(binDir, 'pg_ctl'))) {
    throw new Error(`PostgreSQL binaries not found in ${binDir}: install them with "apt-get install postgresql" (Debian 12 ships PostgreSQL 15), or set PG_BIN`);
  }
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'lobby-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  await pgTool(binDir, user, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // fsync off: a throwaway cluster need not survive a power cut, and the machine is shared
  const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=${opts.durable ? 'on' : 'off'} -c max_connections=200`;
  await pgTool(binDir, user, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let n = 0;
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    async createDatabase() {
      const name = `t${process.pid}_${++n}`;
      const c = new Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        await pgTool(binDir, user, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
