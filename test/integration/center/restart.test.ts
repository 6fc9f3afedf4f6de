/**
 * A real center process (the built `lobby-robot center`) is killed with SIGKILL while robots are
 * sending batches, then started again on the same data folder. Robots resend every batch they
 * got no answer for (as the sync client does): each ticket must end up at the center exactly
 * once and the database must be intact.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, call, tempDataDir, ticketChange } from './harness';


const BIN = join(__dirname, '..', '..', '..', 'bin', 'lobby-robot.js');

function startCenterProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'center', '--host', '127.0.0.1', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`center did not start:\n${out}`)), 15_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /center listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`center exited ${code}:\n${out}`)));
  });
}

describe('center: restart in the middle of ingestion', () => {
  it('a SIGKILL during batches loses no acknowledged ticket and duplicates none after resending', async () => {
    const dataDir = tempDataDir();
    let proc = await startCenterProcess(dataDir);
    const staffKey = readFileSync(join(dataDir, 'staff-key'), 'utf8').trim();
    const code = await call(proc.url, 'POST', '/v1/admin/enrolment-codes', {}, `Staff ${staffKey}`);
    const enrolled = await call(proc.url, 'POST', '/v1/enrol', { code: code.body.code, robotId: 'robot-a', version: 't' });
    const token = enrolled.body.device.token as string;

    const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 25 }, (_, i) => ticketChange({ number: b * 25 + i + 1 })));
    const unanswered = new Set<number>(batches.map((_, i) => i));
    let killed = false;
    // four robots' worth of concurrent senders; the center dies after the 10th answer
    let answers = 0;
    const sender = async (lane: number) => {
      for (let b = lane; b < batches.length; b += 4) {
        try {
          const r = await call(proc.url, 'POST', '/v1/tickets/batch', { changes: batches[b] }, bearer(token));
          if (r.status === 200) unanswered.delete(b);
          if (++answers === 10 && !killed) {
            killed = true;
            proc.child.kill('SIGKILL');
          }
        } catch {
          // connection refused or reset: the center is down, the batch stays unanswered
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(sender));
    expect(killed).toBe(true);
    expect(unanswered.size).toBeGreaterThan(0);

    proc = await startCenterProcess(dataDir);
    try {
      for (const b of unanswered) {
        const r = await call(proc.url, 'POST', '/v1/tickets/batch', { changes: batches[b] }, bearer(token));
        expect(r.status).toBe(200);
        for (const item of r.body.results) expect(['stored', 'duplicate']).toContain(item.status);
      }
      // and an answered batch sent again changes nothing
      const again = await call(proc.url, 'POST', '/v1/tickets/batch', { changes: batches[0] }, bearer(token));
      expect(again.body.results.every((x: { status: string }) => x.status === 'duplicate')).toBe(true);
    } finally {
      proc.child.kill('SIGTERM');
      await new Promise((r) => proc.child.once('exit', r));
    }
    const db = new Database(join(dataDir, 'center.sqlite'), { readonly: true });
    try {
      const ids = (db.prepare('SELECT ticket_id FROM tickets').all() as { ticket_id: string }[]).map((r) => r.ticket_id);
      expect(ids).toHaveLength(1000);
      expect(new Set(ids)).toEqual(new Set(batches.flat().map((c) => c.ticket.id)));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
