import { spawn } from 'node:child_process';
import { CodedError, type ErrorCode } from '../../../contract';

export interface ToolRun {
  /** The program (espeak-ng, sox, aplay, arecord); tests pass another path to simulate a missing tool. */
  command: string;
  args: string[];
  stdin?: Buffer | string;
  /** Error code when the program is not installed. */
  missing: ErrorCode;
  /** Error code when it runs and fails. */
  failed: ErrorCode;
  signal?: AbortSignal;
  /** Bound on what is kept of stdout: a runaway tool must not eat the robot's memory. */
  maxOutputBytes?: number;
}

export interface ToolResult {
  stdout: Buffer;
  /** True when the run was stopped through `signal`. */
  aborted: boolean;
}

/**
 * Runs an external audio tool to completion. A missing program and a failing one are two typed
 * errors; stderr goes only into the error detail (for technicians), never to citizens.
 */
export function runTool(run: ToolRun): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const max = run.maxOutputBytes ?? 64 * 1024 * 1024;
    const child = spawn(run.command, run.args, { stdio: ['pipe', 'pipe', 'pipe'], signal: run.signal });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > max) child.kill('SIGKILL');
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 4000) err += b.toString('utf8');
    });
    child.stdin.on('error', () => undefined); // the tool may exit before reading all input
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.name === 'AbortError') return; // reported through 'close'
      reject(new CodedError(e.code === 'ENOENT' ? run.missing : run.failed, `${run.command}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      if (run.signal?.aborted) return resolve({ stdout: Buffer.concat(out), aborted: true });
      if (outBytes > max) return reject(new CodedError(run.failed, `${run.command}: output larger than ${max} bytes`));
      if (code === 0) return resolve({ stdout: Buffer.concat(out), aborted: false });
      reject(new CodedError(run.failed, `${run.command} exited with ${code ?? signal}: ${err.trim().slice(0, 500)}`));
    });
    child.stdin.end(run.stdin ?? '');
  });
}
