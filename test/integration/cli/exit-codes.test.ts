/**
 * Issue 16 point 12: the command line keeps the README's promise, "Exit codes: 0 ok, 1 fault,
 * 64 usage error, 78 invalid configuration", for the built program as a script would call it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../../support/robot-process';

describe('lobby-robot exit codes', () => {
  it('--version prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`lobby-robot ${version}`);
  });

  it('no arguments is a usage error: 64, with the usage on stderr', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('Usage: lobby-robot <command>');
  });

  it('code parse without a TEXT is a usage error: 64', async () => {
    const result = await runCli(['code', 'parse']);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/code parse: give exactly one TEXT/);
  });

  it('a bad option of a command is a usage error: 64', async () => {
    expect((await runCli(['doctor', '--frobnicate'])).code).toBe(64);
    expect((await runCli(['code', 'parse', '--key', 'short', 'x'])).code).toBe(64);
  });
});
