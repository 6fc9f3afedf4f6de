import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { qrOnPaper } from '../../support/paper-qr';
import { tempDir, writeConfig } from '../../support/robot-process';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, cwd };
  return { io: value, out, err };
}

describe('printer commands of the CLI', () => {
  it('ticket render writes a PNG whose QR decodes; escpos decode dumps text and writes the paper', async () => {
    const dir = tempDir();
    const a = io(dir);
    expect(await runCli(['ticket', 'render', '--lang', 'ko', '--number', 'B012', '--out', 't.png', '--width', '384'], a.io)).toBe(0);
    expect(qrOnPaper(readFileSync(join(dir, 't.png')))).toBe('https://hcc.example.vn/t/B012');

    writeFileSync(join(dir, 'job.bin'), Buffer.from([0x1b, 0x40, ...Buffer.from('HELLO\n'), 0x1d, 0x56, 0x42, 0x00]));
    const b = io(dir);
    expect(await runCli(['escpos', 'decode', 'job.bin', '--png', 'paper.png'], b.io)).toBe(0);
    expect(b.out.join('\n')).toBe('HELLO\n[cut partial]');
    expect(readFileSync(join(dir, 'paper.png')).subarray(1, 4).toString()).toBe('PNG');

    const c = io(dir);
    expect(await runCli(['ticket', 'render', '--lang', 'fr', '--number', '1', '--out', 'x.png'], c.io)).toBe(64);
  });

  it('printer status and test-page talk to a LAN printer; a fault exits 1', async () => {
    const sim = await startVirtualPrinter();
    const dir = tempDir();
    const config = writeConfig(dir, { profile: 'production', robotId: 'robot-cli', dataDir: dir, printer: { adapter: 'tcp', host: '127.0.0.1', port: sim.port } });
    const a = io(dir);
    expect(await runCli(['printer', 'status', '--config', config], a.io)).toBe(0);
    expect(JSON.parse(a.out.join(''))).toMatchObject({ state: 'ok', condition: { paperOut: false } });
    const b = io(dir);
    expect(await runCli(['printer', 'test-page', '--config', config], b.io)).toBe(0);
    expect(sim.jobs).toHaveLength(2);
    sim.setFaults({ coverOpen: true });
    const c = io(dir);
    expect(await runCli(['printer', 'status', '--config', config], c.io)).toBe(1);
    expect(JSON.parse(c.out.join(''))).toMatchObject({ state: 'fault', code: 'PRINTER_COVER_OPEN' });
    await sim.close();
  });
});
