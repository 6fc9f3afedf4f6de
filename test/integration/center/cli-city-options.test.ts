/**
 * `lobby-robot center --catalog FILE --trust-proxy LIST` (issue 19, several instances): a catalog
 * that is not one stops the center with a coded line naming the file and the field; a balancer
 * list that is not addresses is a usage error; a valid catalog is the one served.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { startCenterProcess } from '../../support/center-process';
import { freePort } from '../../support/postgres';
import { tempDataDir } from './harness';
import { spawn } from 'node:child_process';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'lobby-robot.js');

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('lobby-robot center: --catalog and --trust-proxy', () => {
  it('refuses a catalog that is not one, naming the file and the field', async () => {
    const dir = tempDataDir();
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify({ ...DEMO_CATALOG, numbering: { ...DEMO_CATALOG.numbering, fallbackSlots: 65 } }));
    const r = await run(['center', '--port', '0', '--data', dir, '--catalog', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[STARTUP_CENTER_CATALOG_INVALID]');
    expect(r.out).toContain(file);
    expect(r.out).toContain('numbering.fallbackSlots');
    const missing = await run(['center', '--port', '0', '--data', dir, '--catalog', join(dir, 'nope.json')]);
    expect({ code: missing.code, coded: missing.out.includes('[STARTUP_CENTER_CATALOG_INVALID]') }).toEqual({ code: 1, coded: true });
  });

  it('takes only addresses and CIDR ranges as trusted balancers', async () => {
    for (const bad of ['balancer.lan', '10.0.0.1/33', '']) {
      const r = await run(['center', '--port', '0', '--data', tempDataDir(), '--trust-proxy', bad]);
      expect({ bad, code: r.code, said: r.out.includes('--trust-proxy') }).toEqual({ bad, code: 64, said: true });
    }
  });

  it('serves the catalog it was given, with 24 robot slots', async () => {
    const dir = tempDataDir();
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify({ ...DEMO_CATALOG, centerName: { ...DEMO_CATALOG.centerName, vi: 'Phường Thử Nghiệm' }, numbering: { start: 1, width: 4, dailyCap: 9999, fallbackSlots: 24, fallbackSize: 20, blockSize: 20 } }));
    const center = await startCenterProcess(['--host', '127.0.0.1', '--port', String(await freePort()), '--data', dir, '--catalog', file, '--trust-proxy', '127.0.0.1,10.0.0.0/8']);
    try {
      const info = (await (await fetch(`${center.url}/v1/info`)).json()) as { centerName: string };
      expect(info.centerName).toBe('Phường Thử Nghiệm');
    } finally {
      await center.kill('SIGTERM');
    }
  });
});
