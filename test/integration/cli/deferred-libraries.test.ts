/**
 * The serial and PostgreSQL libraries are loaded when a device or a database is opened, not when
 * the program starts (src/controller/devices/serial-libraries.ts, the PostgreSQL adapter): the
 * center on SQLite and every command but `start` never paid their ~170 ms. Checked on the built
 * program in a fresh Node process, by what it has required after a command ran; the test fails
 * if a static import of any of them comes back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/robot-process';

const DEFERRED = ['serialport', 'firmata-io', 'johnny-five', 'pg'];

/** Runs `args` through the built command line in a fresh process; answers its exit code and the deferred packages it loaded. */
function packagesLoadedBy(args: string[]): { code: number; loaded: string[] } {
  const script = `
    const cli = require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))});
    const quiet = { stdout: () => {}, stderr: () => {} };
    cli.runCli(${JSON.stringify(args)}, quiet).then((code) => {
      const loaded = ${JSON.stringify(DEFERRED)}.filter((p) => Object.keys(require.cache).some((k) => k.includes('/node_modules/' + p + '/')));
      process.stdout.write(JSON.stringify({ code, loaded }));
      process.exit(0);
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as { code: number; loaded: string[] };
}

describe('libraries a command does not use are never loaded', () => {
  it('config check of a robot with a serial printer, a serial scanner and a johnny-five board loads none of them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lobby-deferred-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({
      profile: 'production',
      dataDir: join(dir, 'data'),
      printer: { adapter: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 },
      scanners: [{ adapter: 'serial', id: 'desk', path: '/dev/ttyACM0' }],
      motion: { adapter: 'johnny-five', path: '/dev/lobby-board' },
      center: { url: 'http://center.lan:8720', enrolmentCode: 'CHANGEME' },
    }));
    expect(packagesLoadedBy(['config', 'check', file])).toEqual({ code: 0, loaded: [] });
  });

  it('--version and --help load none of them', () => {
    expect(packagesLoadedBy(['--version'])).toEqual({ code: 0, loaded: [] });
    expect(packagesLoadedBy(['--help'])).toEqual({ code: 0, loaded: [] });
  });
});
