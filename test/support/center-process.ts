/**
 * A real `lobby-robot center` process (the built bin/lobby-robot.js) for multi-instance tests: it
 * is ready when it prints its address; it can be stopped, or killed with SIGKILL as a crash is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'lobby-robot.js');

export interface CenterProcess {
  url: string;
  port: number;
  pid: number;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export function startCenterProcess(args: readonly string[], env: Record<string, string> = {}): Promise<CenterProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, 'center', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let out = '';
    let ready = false;
    const exited = new Promise<number | null>((r) => child.once('exit', (code, signal) => r(code ?? (signal ? -1 : null))));
    const on = (d: Buffer) => {
      out = (out + d).slice(-20_000);
      const m = /center listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (m && !ready) {
        ready = true;
        resolve({
          url: m[1]!, port: Number(m[2]), pid: child.pid!, output: () => out,
          kill: async (signal) => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    void exited.then((code) => {
      if (!ready) reject(new Error(`lobby-robot center exited (${code}) before listening:\n${out}`));
    });
  });
}
