/**
 * The serial adapter against a real pseudo-terminal pair made by socat: the adapter opens one
 * end exactly as it opens /dev/ttyACM0 on the robot; the test plays the scanner on the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import type { ScanEvent, ScannerStatus, ScanRejection } from '../../../src/controller/devices/scanner/port';
import { SerialScanner, type SerialScannerOptions } from '../../../src/controller/devices/scanner/serial-scanner';

async function waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** socat pty pair with stable link names; returns the process and the two paths. */
async function startPtyPair(dir: string, robotName = 'robot', scannerName = 'scanner'): Promise<ChildProcess> {
  const robot = join(dir, robotName);
  const scanner = join(dir, scannerName);
  const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${robot}`, `pty,raw,echo=0,link=${scanner}`], { stdio: 'ignore' });
  await waitFor(() => existsSync(robot) && existsSync(scanner));
  return proc;
}

async function stopPtyPair(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

async function openScannerSide(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  return port;
}

const send = (port: SerialPort, data: string | Buffer) =>
  new Promise<void>((resolve, reject) => port.write(data, (e) => (e ? reject(e) : port.drain(() => resolve()))));

function record(scanner: SerialScanner) {
  const scans: ScanEvent[] = [];
  const statuses: ScannerStatus[] = [];
  const rejected: ScanRejection[] = [];
  scanner.on('scan', (e) => scans.push(e));
  scanner.on('status', (s) => statuses.push(s));
  scanner.on('rejected', (r) => rejected.push(r));
  return { scans, statuses, rejected };
}

describe('serial scanner over a socat pty pair', () => {
  let dir: string;
  let socat: ChildProcess;
  let scannerSide: SerialPort | undefined;
  let adapter: SerialScanner | undefined;

  const options = (over: Partial<SerialScannerOptions> = {}): SerialScannerOptions => ({
    id: 'desk',
    path: join(dir, 'robot'),
    baudRate: 9600,
    terminator: 'cr',
    maxLineBytes: 2048,
    reconnectMs: 50,
    ...over,
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lr-scan-'));
    socat = await startPtyPair(dir);
  });

  afterEach(async () => {
    await adapter?.stop();
    if (scannerSide?.isOpen) await new Promise((r) => scannerSide!.close(r));
    await stopPtyPair(socat);
    rmSync(dir, { recursive: true, force: true });
    adapter = undefined;
    scannerSide = undefined;
  });

  it('emits one scan per CR-terminated code, across and within writes, UTF-8 intact', async () => {
    adapter = new SerialScanner(options());
    const seen = record(adapter);
    await adapter.start();
    expect(adapter.status).toEqual({ state: 'connected', adapter: `serial ${join(dir, 'robot')}` });
    scannerSide = await openScannerSide(join(dir, 'scanner'));
    await send(scannerSide, '000.00.01.H29-');
    await send(scannerSide, '240115-0001\r');
    await send(scannerSide, Buffer.from('Mã hồ sơ: 38.98.H29-210519-0013\r\nLR1A.e30.AAAA\r', 'utf8'));
    await waitFor(() => seen.scans.length === 3);
    expect(seen.scans.map((s) => [s.text, s.source, s.scannerId])).toEqual([
      ['000.00.01.H29-240115-0001', 'serial', 'desk'],
      ['Mã hồ sơ: 38.98.H29-210519-0013', 'serial', 'desk'],
      ['LR1A.e30.AAAA', 'serial', 'desk'],
    ]);
  });

  it('honours another terminator (ETX) and drops an over-long line with a rejection', async () => {
    adapter = new SerialScanner(options({ terminator: 'etx', maxLineBytes: 32 }));
    const seen = record(adapter);
    await adapter.start();
    scannerSide = await openScannerSide(join(dir, 'scanner'));
    await send(scannerSide, `\u0002${'X'.repeat(100)}\u0003\u0002SHORT-CODE-1\u0003`);
    await waitFor(() => seen.scans.length === 1 && seen.rejected.length === 1);
    expect(seen.rejected[0]).toEqual({ scannerId: 'desk', source: 'serial', code: 'SCANNER_LINE_TOO_LONG' });
    expect(seen.scans[0]!.text).toBe('\u0002SHORT-CODE-1'); // STX framing is left to cleanScanText
  });

  it('reports a missing device, then connects when it appears', async () => {
    adapter = new SerialScanner(options({ path: join(dir, 'not-yet') }));
    await adapter.start();
    expect(adapter.status).toMatchObject({ state: 'disconnected', code: 'SCANNER_NOT_FOUND' });
    const late = await startPtyPair(dir, 'not-yet', 'not-yet-scanner');
    try {
      await waitFor(() => adapter!.status.state === 'connected');
    } finally {
      await adapter.stop();
      await stopPtyPair(late);
    }
  });

  it('reports SCANNER_DISCONNECTED when the device goes away and reconnects when it is back', async () => {
    adapter = new SerialScanner(options());
    const seen = record(adapter);
    await adapter.start();
    await stopPtyPair(socat); // the cable is pulled: the pty disappears
    await waitFor(() => adapter!.status.state === 'disconnected');
    expect(seen.statuses.find((s) => s.state === 'disconnected')).toMatchObject({ code: 'SCANNER_DISCONNECTED' });

    socat = await startPtyPair(dir); // plugged back in (same link names, new pty)
    await waitFor(() => adapter!.status.state === 'connected');
    scannerSide = await openScannerSide(join(dir, 'scanner'));
    await send(scannerSide, '38.98.H29-210519-0013\r');
    await waitFor(() => seen.scans.length === 1);
    expect(seen.scans[0]!.text).toBe('38.98.H29-210519-0013');
  });
});

describe('serial scanner on a node that is not a tty', () => {
  it('reports SCANNER_OPEN_FAILED (present but unusable), not SCANNER_NOT_FOUND', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-scan-'));
    const path = join(dir, 'plain-file');
    writeFileSync(path, '');
    const adapter = new SerialScanner({ id: 'desk', path, baudRate: 9600, terminator: 'cr', maxLineBytes: 64, reconnectMs: 50 });
    try {
      await adapter.start();
      expect(adapter.status).toMatchObject({ state: 'disconnected', code: 'SCANNER_OPEN_FAILED' });
    } finally {
      await adapter.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
