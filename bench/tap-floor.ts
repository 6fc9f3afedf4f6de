/**
 * The tap-to-paper floor in the same run (bench/tap-floor-child.cjs in its own process): the same
 * WebSocket message, one durable commit, the same printer protocol and the same job bytes, nothing
 * of the robot's own work. Its taps are taken in turns with the controller's, on the same virtual
 * printer, so both see the same load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { PrintedJob, VirtualPrinter } from '../hardware/sim/virtual-printer/server';
import { repoRoot } from '../test/chaos/recorder';

export interface TapFloor {
  /** One tap: WebSocket message → the printer's stamp of the job's last byte (ms). */
  tap(): Promise<number>;
  close(): Promise<void>;
}

export async function startTapFloor(printer: VirtualPrinter, dir: string, job: Uint8Array): Promise<TapFloor> {
  const jobFile = join(dir, 'floor-job.bin');
  writeFileSync(jobFile, job);
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot(), 'bench/tap-floor-child.cjs'), join(dir, 'floor.sqlite'), String(printer.port), jobFile], {
    cwd: repoRoot(), stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /"port":(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`tap floor exited with ${code}`)));
  });
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  let seq = 0;
  return {
    tap: async () => {
      const id = `f${++seq}`;
      const printed = new Promise<PrintedJob>((resolve) => printer.events.once('job', resolve));
      const replied = new Promise<void>((resolve, reject) => {
        const onMessage = (data: WebSocket.RawData) => {
          const msg = JSON.parse(String(data)) as { id: string; ok: boolean; error?: string };
          if (msg.id !== id) return;
          ws.off('message', onMessage);
          if (msg.ok) resolve();
          else reject(new Error(`tap floor: ${msg.error}`));
        };
        ws.on('message', onMessage);
      });
      const t0 = performance.now();
      ws.send(JSON.stringify({ id, type: 'ticket.issue' }));
      await replied;
      const lastByteAt = (await printed).lastByteAt - t0;
      printer.jobs.length = 0;
      return lastByteAt;
    },
    close: async () => {
      ws.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    },
  };
}
