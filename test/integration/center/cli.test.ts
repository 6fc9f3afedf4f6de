import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir } from './harness';
import { runCli } from './run-cli';

const run = runCli;

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
