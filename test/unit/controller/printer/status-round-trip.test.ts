/**
 * The status check before and after a job is on the path from a tap to paper: the four DLE EOT
 * requests go out together and the four replies are read together (one round trip, not four).
 * The printer answers real-time requests in order, so the replies still map to 1, 2, 3, 4.
 */
import { isCodedError } from '../../../../src/contract';
import { statusReplies, HEALTHY, type PrinterCondition } from '../../../../src/controller/devices/printer/escpos/status';
import { EscposPrinter } from '../../../../src/controller/devices/printer/escpos-printer';
import type { LinkFactory } from '../../../../src/controller/devices/printer/link';

type Op = { write: string } | { read: number };

/** A bidirectional printer that answers each DLE EOT n it is sent, in order, from `condition`. */
function fakePrinter(condition: () => PrinterCondition) {
  const ops: Op[] = [];
  let answers: number[] = [];
  const factory: LinkFactory = {
    description: 'fake', bidirectional: true, connectionPerJob: true,
    open: async () => ({
      write: async (bytes) => {
        ops.push({ write: Buffer.from(bytes).toString('hex') });
        for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0x10 && bytes[i + 1] === 0x04) answers.push(statusReplies(condition())[bytes[i + 2]! - 1]!);
      },
      read: async (n) => {
        ops.push({ read: n });
        if (answers.length < n) throw new Error(`read ${n} with ${answers.length} answers: a request was not sent`);
        const out = Uint8Array.from(answers.slice(0, n));
        answers = answers.slice(n);
        return out;
      },
      close: async () => undefined,
    }),
  };
  return { ops, factory };
}

const options = { timeoutMs: 1000, pollMs: 0, realTimeStatus: true };

describe('printer status checks in one round trip', () => {
  it('asks the four statuses in one write and reads the four replies at once, before and after the job', async () => {
    const { ops, factory } = fakePrinter(() => HEALTHY);
    const printer = new EscposPrinter(factory, options);
    await printer.print(Uint8Array.from([0x1b, 0x40, 0x41, 0x0a]));
    const ask = { write: '100401100402100403100404' };
    expect(ops).toEqual([ask, { read: 4 }, { write: '1b40410a' }, ask, { read: 4 }]);
    expect(printer.status().state).toBe('ok');
    await printer.close();
  });

  it('still maps each reply to its request: paper out stops the job before a byte of it is sent', async () => {
    const { ops, factory } = fakePrinter(() => ({ ...HEALTHY, paperOut: true }));
    const printer = new EscposPrinter(factory, options);
    const err = await printer.print(Uint8Array.from([0x1b, 0x40])).catch((e: unknown) => e);
    expect(isCodedError(err) && err.code).toBe('PRINTER_PAPER_OUT');
    expect(ops.some((o) => 'write' in o && o.write === '1b40')).toBe(false);
    const near = fakePrinter(() => ({ ...HEALTHY, paperNearEnd: true }));
    const second = new EscposPrinter(near.factory, options);
    await second.refreshStatus();
    expect(second.status()).toMatchObject({ state: 'degraded', code: 'PRINTER_PAPER_NEAR_END' });
    await printer.close();
    await second.close();
  });
});
