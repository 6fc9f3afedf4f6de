import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'lobby-robot.js');

export interface RobotProcess {
  child: ChildProcess;
  url: string;
  token: string;
  dataDir: string;
  output: () => string;
  /** Resolves once the output contains `text` (log lines arrive in their own chunks); rejects if the robot exits first. */
  outputContaining(text: string): Promise<string>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function tempDir(prefix = 'lobby-robot-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeConfig(dir: string, config: unknown): string {
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Runs `lobby-robot <args>` to completion; returns exit code and output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the built robot with a known token (as the Electron shell does) and waits until it listens. */
export async function startRobot(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RobotProcess> {
  const dataDir = tempDir();
  const token = randomBytes(32).toString('hex');
  const child = spawn(process.execPath, [BIN, 'start', '--no-window', '--port', '0', '--data', dataDir, ...args], {
    env: { ...process.env, LOBBY_ROBOT_TOKEN: token, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`robot did not start:\n${out}`)), 90_000);
    const check = () => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+\/)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`robot exited with ${code}:\n${out}`)));
  });
  return {
    child, url, token, dataDir, exited,
    output: () => out,
    outputContaining: (text) => new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!out.includes(text)) return;
        child.stdout!.off('data', check);
        resolve(out);
      };
      child.stdout!.on('data', check);
      void exited.then((code) => reject(new Error(`robot exited with ${code} before printing ${text}:\n${out}`)));
      check();
    }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
