import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulatedBoard } from '../../../hardware/sim/board';
import type { MotionLog } from '../../../src/controller/devices/motion/port';

export interface LogEntry {
  level: string;
  msg?: string;
  [key: string]: unknown;
}

/** A logger that keeps what it is told, for assertions on coded errors. */
export function recordingLog(): MotionLog & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void entries.push({ level, msg, ...obj });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

export async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits until the simulated board has run `ms` more of its own time. */
export async function simulatedWait(board: SimulatedBoard, ms: number): Promise<void> {
  const until = board.simTimeUs() + ms * 1000;
  await waitFor(`${ms} ms of simulated time`, () => board.simTimeUs() >= until, 30_000);
}

/**
 * Retries a block of expectations until they all hold or the time is up (then its last failure is
 * thrown). Bytes cross a pty and a loaded machine may delay them; the pins' final state is what counts.
 */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
