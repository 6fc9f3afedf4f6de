import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir } from './harness';


const BIN = join(__dirname, '..', '..', '..', 'bin', 'lobby-robot.js');

function run(args: string[], onOutput?: (out: string, kill: () => void) => void): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
    let out = '';
    const on = (d: Buffer) => {
      out += d;
      onOutput?.(out, () => child.kill('SIGTERM'));
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('lobby-robot center', () => {
  it('is listed in --help and refuses bad options with exit 64', async () => {
    expect((await run(['--help'])).out).toContain('center [--port N] [--data DIR] [--host H]');
    for (const args of [['center', '--port', 'abc'], ['center', '--bogus'], ['center', 'extra']]) {
      const r = await run(args);
      expect({ args, code: r.code, usage: r.out.includes('center') }).toEqual({ args, code: 64, usage: true });
    }
  });

  it('serves on the given host, creates the data folder with the database and staff key, and stops on SIGTERM', async () => {
    const data = join(tempDataDir(), 'nested', 'center');
    let url = '';
    let board = 0;
    const r = await run(['center', '--host', '127.0.0.1', '--port', '0', '--data', data], (out, kill) => {
      const m = /center listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && !url) {
        url = m[1]!;
        void fetch(`${url}/v1/board`).then((res) => {
          board = res.status;
          kill();
        });
      }
    });
    expect(board).toBe(200);
    expect(r.code).toBe(0);
    expect(existsSync(join(data, 'center.sqlite'))).toBe(true);
    expect(existsSync(join(data, 'staff-key'))).toBe(true);
  });
});
