import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { EscposInterpreter } from '../../../hardware/sim/virtual-printer/interpreter';
import { NO_FAULTS, statusByte, type PrinterFaults } from '../../../hardware/sim/virtual-printer/faults';
import { isCodedError } from '../../../src/contract';
import { createPrinter } from '../../../src/controller/devices/printer/create-printer';
import { initialize, asciiLine, feedAndCut, concat } from '../../../src/controller/devices/printer/escpos/encoder';
import type { EscposUsbDevice } from '../../../src/controller/devices/printer/links/usb-link';
import { tempDir } from '../../support/robot-process';

const job = concat([initialize(), asciiLine('TRANSPORT OK'), feedAndCut('partial')]);
const common = { profile: 'epson-tm-t20', cut: 'partial', qr: 'raster', timeoutMs: 1500, statusPollMs: 0 } as const;

describe('usblp device file (a regular file stands in for /dev/usb/lp0)', () => {
  it('writes the whole job; a missing device is PRINTER_DISCONNECTED, and it reconnects when it reappears', async () => {
    const device = join(tempDir(), 'lp0');
    const printer = createPrinter({ ...common, adapter: 'usblp', device });
    const err = await printer.print(job).catch((e) => e);
    expect(isCodedError(err) && err.code).toBe('PRINTER_DISCONNECTED');
    expect(printer.status()).toMatchObject({ state: 'fault', code: 'PRINTER_DISCONNECTED' });
    writeFileSync(device, ''); // hot-plug: the kernel creates the device node
    await printer.print(job);
    expect(printer.status().state).toBe('ok');
    await printer.close();
    expect(readFileSync(device)).toEqual(Buffer.from(job));
  });
});

describe('escpos-usb adapter at its API boundary (an injected fake device)', () => {
  function fakeUsb(opts: { missing?: boolean } = {}) {
    const written: Buffer[] = [];
    const detachListeners: (() => void)[] = [];
    const device: EscposUsbDevice = {
      open: (cb) => cb(null),
      write: (data, cb) => (written.push(data), cb(null)),
      close: (cb) => cb(null),
      on: (_event, l) => detachListeners.push(l),
    };
    const factory = () => {
      if (opts.missing) throw new Error('Can not find printer');
      return device;
    };
    return { written, factory, detach: () => detachListeners.forEach((l) => l()) };
  }

  it('sends the job through escpos-usb write(); unplug is PRINTER_DISCONNECTED; no device is PRINTER_DISCONNECTED', async () => {
    const usb = fakeUsb();
    const printer = createPrinter({ ...common, adapter: 'usb', vendorId: 0x04b8, productId: 0x0e15 }, { usbFactory: usb.factory });
    await printer.print(job);
    expect(Buffer.concat(usb.written)).toEqual(Buffer.from(job));
    expect(printer.status()).toMatchObject({ state: 'ok', adapter: 'usb 04b8:0e15' });
    usb.detach();
    const err = await printer.print(job).catch((e) => e);
    expect(isCodedError(err) && err.code).toBe('PRINTER_DISCONNECTED');
    await printer.close();

    const none = createPrinter({ ...common, adapter: 'usb' }, { usbFactory: fakeUsb({ missing: true }).factory });
    const err2 = await none.print(job).catch((e) => e);
    expect(isCodedError(err2) && err2.code).toBe('PRINTER_DISCONNECTED');
    await none.close();
  });
});

describe('serial printer over a socat pseudo-terminal pair, the virtual printer on the far end', () => {
  let socat: ChildProcess;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    socat = spawn('socat', [`pty,raw,echo=0,link=${join(dir, 'robot')}`, `pty,raw,echo=0,link=${join(dir, 'printer')}`], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !(existsSync(join(dir, 'robot')) && existsSync(join(dir, 'printer'))); i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(() => socat.kill());

  it('answers DLE EOT over the line, prints the job, and a paper-out fault fails the next job', async () => {
    const faults: PrinterFaults = { ...NO_FAULTS };
    const far = new SerialPort({ path: join(dir, 'printer'), baudRate: 38400 });
    const interpreter = new EscposInterpreter(576, { statusRequest: (n) => far.write(Buffer.from([statusByte(n, faults)])) });
    far.on('data', (d: Buffer) => interpreter.feed(d));
    await new Promise((r) => far.once('open', r));

    const printer = createPrinter({ ...common, adapter: 'serial', path: join(dir, 'robot'), baudRate: 38400 });
    await printer.print(job);
    expect(interpreter.text).toContain('TRANSPORT OK');
    expect(interpreter.cuts).toEqual(['partial']);

    faults.paperOut = true;
    const err = await printer.print(job).catch((e) => e);
    expect(isCodedError(err) && err.code).toBe('PRINTER_PAPER_OUT');
    expect(interpreter.cuts).toEqual(['partial']);
    await printer.close();
    await new Promise((r) => far.close(r));
  });
});
