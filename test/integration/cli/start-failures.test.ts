/**
 * Issue 16 point 8: every start-up failure of the simulator profile (embedded center included)
 * makes `lobby-robot start` exit non-zero within 10 s, with one line naming the file or port and
 * a stable code that has a troubleshooting section. The systemd unit and the Electron shell
 * restart on that exit; a process that hangs while the embedded center answers is never restarted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, tempDir, writeConfig } from '../../support/robot-process';
import { openDatabase } from '../../../src/controller/store/database';

const EXIT_LIMIT_MS = 10_000;

interface Outcome {
  code: number | null;
  stderr: string;
  output: string;
}

/** Runs `start`; kills it (and fails the case) when it has not exited after 10 s. */
function startExpectingExit(cmd: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => ((stderr += d), (output += d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal === 'SIGKILL' ? null : code, stderr, output });
    });
  });
}

const startArgs = (dataDir: string, extra: string[] = []) => [process.execPath, BIN, 'start', '--no-window', '--port', '0', '--data', dataDir, ...extra];

/** The one line a person reads: names the cause and the code's troubleshooting section. */
function expectNamedFailure(outcome: Outcome, code: string, subject: string) {
  expect({ exited: outcome.code !== null, nonZero: outcome.code !== 0 }).toEqual({ exited: true, nonZero: true });
  const line = outcome.stderr.split('\n').find((l) => l.includes(code));
  expect(line).toBeDefined();
  expect(line).toContain(subject);
  expect(line).toContain('docs/troubleshooting/startup.md');
}

function listening(): Promise<Server> {
  const server = createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const portOf = (s: Server) => (s.address() as { port: number }).port;

/** A robot store as the program makes it, with enough rows to span many pages. */
function realStore(file: string): void {
  const db = openDatabase(file);
  db.exec('CREATE TABLE filler (x TEXT)');
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  for (let i = 0; i < 400; i++) insert.run('x'.repeat(500));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('lobby-robot start exits non-zero and names the cause', () => {
  it('a robot.sqlite that is not a database', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'robot.sqlite'), 'this is not a database '.repeat(200));
    expectNamedFailure(await startExpectingExit(startArgs(dir)), 'STARTUP_STORE_CORRUPT', join(dir, 'robot.sqlite'));
  });

  it('a truncated robot.sqlite', async () => {
    const dir = tempDir();
    const file = join(dir, 'robot.sqlite');
    realStore(file);
    truncateSync(file, Math.floor(readFileSync(file).length / 3));
    expectNamedFailure(await startExpectingExit(startArgs(dir)), 'STARTUP_STORE_CORRUPT', file);
  });

  it('a store written by a newer program', async () => {
    const dir = tempDir();
    const file = join(dir, 'robot.sqlite');
    realStore(file);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    expectNamedFailure(await startExpectingExit(startArgs(dir)), 'STARTUP_STORE_TOO_NEW', file);
  });

  it('a corrupt center.sqlite of the embedded center', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'center'));
    writeFileSync(join(dir, 'center', 'center.sqlite'), 'not a database either '.repeat(200));
    expectNamedFailure(await startExpectingExit(startArgs(dir)), 'STARTUP_CENTER_STORE_CORRUPT', join(dir, 'center', 'center.sqlite'));
  });

  it('a corrupt appointment signing key of the embedded center', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'center'));
    const key = join(dir, 'center', 'appointment-signing-key.pem');
    writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
    expectNamedFailure(await startExpectingExit(startArgs(dir)), 'STARTUP_SIGNING_KEY_INVALID', key);
  });

  it('the API port in use', async () => {
    const busy = await listening();
    try {
      const dir = tempDir();
      const outcome = await startExpectingExit([process.execPath, BIN, 'start', '--no-window', '--port', String(portOf(busy)), '--data', dir]);
      expectNamedFailure(outcome, 'STARTUP_PORT_IN_USE', `127.0.0.1:${portOf(busy)}`);
      // the store and the embedded center opened before the port was tried are closed, not abandoned
      expect(outcome.output).toMatch(/"part":"store".*"msg":"closed after a failed start"/);
      expect(outcome.output).toMatch(/"part":"embedded center".*"msg":"closed after a failed start"/);
    } finally {
      busy.close();
    }
  });

  it('the embedded center port in use', async () => {
    const busy = await listening();
    try {
      const dir = tempDir();
      const file = writeConfig(dir, { profile: 'simulator', robotId: 'robot-sim-1', motion: { adapter: 'simulator' }, center: { mode: 'embedded', port: portOf(busy) } });
      expectNamedFailure(await startExpectingExit(startArgs(join(dir, 'data'), ['--config', file])), 'STARTUP_PORT_IN_USE', `127.0.0.1:${portOf(busy)}`);
    } finally {
      busy.close();
    }
  });

  // a real read-only and a real full file system: a tmpfs in a private mount namespace (unshare)
  const inOwnMount = (mountOpts: string, fill: boolean) => {
    const dir = tempDir();
    const script = [
      `mount -t tmpfs -o ${mountOpts} tmpfs "${dir}"`,
      fill ? `(head -c 100000000 /dev/zero > "${dir}/filler" || true)` : 'true',
      `exec "$@"`,
    ].join(' && ');
    return { dir, cmd: ['unshare', '-rm', 'sh', '-c', script, 'sh', ...startArgs(dir)] };
  };

  it('a read-only data folder', async () => {
    expect(spawnSync('unshare', ['-rm', 'true']).status).toBe(0);
    const { dir, cmd } = inOwnMount('ro,size=1m', false);
    expectNamedFailure(await startExpectingExit(cmd), 'STARTUP_DATA_DIR_NOT_WRITABLE', dir);
  });

  it('a full data folder', async () => {
    const { dir, cmd } = inOwnMount('size=256k', true);
    expectNamedFailure(await startExpectingExit(cmd), 'STARTUP_DATA_DIR_FULL', dir);
  });
});
