/** Runs the built `lobby-robot` program for the center's command-line tests. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'lobby-robot.js');

/** Its exit code and everything it printed; `onOutput` sees the output so far and may stop it (SIGTERM). */
export function runCli(args: string[], onOutput?: (out: string, kill: () => void) => void): Promise<{ code: number | null; out: string }> {
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
