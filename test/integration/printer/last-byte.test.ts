/**
 * The virtual printer stamps when a job's last byte arrived, before its own decoding and PNG
 * work: the bench's "tap to last byte at the printer" ends there, not when the simulator is done.
 */
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startVirtualPrinter } from '../../../hardware/sim/virtual-printer/server';

describe('virtual printer last-byte stamp', () => {
  it('is taken when the last chunk arrives: after the last write was sent, before the job is reported', async () => {
    const printer = await startVirtualPrinter();
    try {
      const socket = new Socket();
      await new Promise<void>((resolve) => socket.connect(printer.port, '127.0.0.1', resolve));
      const reported = new Promise<number>((resolve) => printer.events.once('job', () => resolve(performance.now())));
      await new Promise<void>((resolve) => socket.write(Buffer.from('FIRST LINE\n'), () => resolve()));
      // the second chunk is sent only once the printer has the first (a status reply proves it)
      const replied = new Promise<void>((resolve) => socket.once('data', () => resolve()));
      socket.write(Uint8Array.from([0x10, 0x04, 0x01]));
      await replied;
      const beforeLast = performance.now();
      socket.end(Buffer.from('LAST LINE\n\x1dV\x42\x00'));
      const reportedAt = await reported;
      const job = printer.jobs[0]!;
      expect(job.text).toContain('LAST LINE');
      expect(job.lastByteAt).toBeGreaterThanOrEqual(beforeLast);
      expect(job.lastByteAt).toBeLessThanOrEqual(reportedAt);
    } finally {
      await printer.close();
    }
  });
});
