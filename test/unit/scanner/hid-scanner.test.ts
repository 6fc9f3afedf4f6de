import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HidScanner, type HidDeviceInfo, type HidScannerOptions } from '../../../src/controller/devices/scanner/hid-scanner';
import type { ScanEvent, ScannerStatus, ScanRejection } from '../../../src/controller/devices/scanner/port';
import { detectCode } from '../../../src/core/codes';
import { fakeNodeHid, waitFor } from './fake-node-hid';

interface Fixture {
  device: HidDeviceInfo;
  reportId?: number;
  reports: number[][];
  expected: Array<{ text: string; symbology?: string }>;
}
const fixture = (name: string): Fixture => JSON.parse(readFileSync(join(__dirname, '../../fixtures/hid', name), 'utf8'));

function record(scanner: HidScanner) {
  const scans: ScanEvent[] = [];
  const statuses: ScannerStatus[] = [];
  const rejected: ScanRejection[] = [];
  scanner.on('scan', (e) => scans.push(e));
  scanner.on('status', (s) => statuses.push(s));
  scanner.on('rejected', (r) => rejected.push(r));
  return { scans, statuses, rejected };
}

const options = (over: Partial<HidScannerOptions>): HidScannerOptions => ({
  id: 'front',
  mode: 'pos',
  vendorId: 0x0c2e,
  terminator: 'enter',
  maxBytes: 2048,
  reconnectMs: 10,
  ...over,
});

describe('HID scanner adapter at the node-hid boundary', () => {
  it('joins the recorded Honeywell HID POS packets into codes, with their symbology', async () => {
    const f = fixture('honeywell-pos-revinf.json');
    const hid = fakeNodeHid([f.device]);
    const scanner = new HidScanner(options({ vendorId: f.device.vendorId, productId: f.device.productId }), hid.module);
    const seen = record(scanner);
    await scanner.start();
    expect(scanner.status).toEqual({ state: 'connected', adapter: 'hid-pos 0c2e:0b87' });
    for (const r of f.reports) hid.last()!.report(r);
    expect(seen.scans.map(({ text, symbology, source, scannerId }) => ({ text, symbology, source, scannerId }))).toEqual(
      f.expected.map((e) => ({ ...e, source: 'hid-pos', scannerId: 'front' })),
    );
    await scanner.stop();
  });

  it('a receipt QR in HID POS mode (UTF-8 split across packets) is detected as a dossier', async () => {
    const f = fixture('honeywell-pos-receipt-qr.json');
    const hid = fakeNodeHid([f.device]);
    const scanner = new HidScanner(options({ vendorId: f.device.vendorId }), hid.module);
    const seen = record(scanner);
    await scanner.start();
    for (const r of f.reports) hid.last()!.report(r);
    expect(seen.scans.map((s) => s.text)).toEqual([f.expected[0]!.text]);
    const parsed = detectCode(seen.scans[0]!.text, { now: Date.UTC(2024, 0, 20), verify: () => false });
    expect(parsed).toMatchObject({ ok: true, value: { format: 'dossier', via: 'receipt', dossier: { code: '000.00.01.H29-240115-0001' } } });
    await scanner.stop();
  });

  it.each([
    ['keyboard-mode-scanner.json'],
    ['keyboard-mode-report-id.json'],
  ])('turns keyboard-mode reports of %s into text (US layout, Shift, rollover, Enter)', async (name) => {
    const f = fixture(name);
    const hid = fakeNodeHid([f.device]);
    const scanner = new HidScanner(options({ mode: 'keyboard', vendorId: f.device.vendorId, reportId: f.reportId }), hid.module);
    const seen = record(scanner);
    await scanner.start();
    for (const r of f.reports) hid.last()!.report(r);
    expect(seen.scans.map((s) => [s.text, s.source])).toEqual(f.expected.map((e) => [e.text, 'hid-keyboard']));
    await scanner.stop();
  });

  it('picks the interface of its mode, the configured product and serial number', async () => {
    const base = { vendorId: 0x0c2e, productId: 0x0b87, release: 0, interface: 0 };
    const hid = fakeNodeHid([
      { ...base, vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', usagePage: 1, usage: 6 }, // a real keyboard
      { ...base, path: '/dev/hidraw1', usagePage: 1, usage: 6, serialNumber: 'A1' }, // scanner's keyboard interface
      { ...base, path: '/dev/hidraw2', usagePage: 0x8c, usage: 2, serialNumber: 'A1' }, // scanner's POS interface
      { ...base, path: '/dev/hidraw3', usagePage: 0x8c, usage: 2, serialNumber: 'B2' }, // a second scanner
      { ...base, productId: 0x0999, path: '/dev/hidraw4', usagePage: 0x8c, usage: 2 },
    ]);
    const pick = (over: Partial<HidScannerOptions>) => new HidScanner(options(over), hid.module).matchingDevices().map((d) => d.path);
    expect(pick({ productId: 0x0b87 })).toEqual(['/dev/hidraw2', '/dev/hidraw3']);
    expect(pick({ productId: 0x0b87, serialNumber: 'B2' })).toEqual(['/dev/hidraw3']);
    expect(pick({ mode: 'keyboard', productId: 0x0b87 })).toEqual(['/dev/hidraw1']);
    expect(pick({ vendorId: 0x1234 })).toEqual([]);
  });

  it('reports SCANNER_NOT_FOUND, then connects when the scanner is plugged in', async () => {
    const f = fixture('honeywell-pos-receipt-qr.json');
    const hid = fakeNodeHid([]);
    const scanner = new HidScanner(options({}), hid.module);
    const seen = record(scanner);
    await scanner.start();
    expect(scanner.status).toMatchObject({ state: 'disconnected', code: 'SCANNER_NOT_FOUND' });
    hid.state.list.push(f.device);
    await waitFor(() => scanner.status.state === 'connected');
    expect(seen.statuses.map((s) => s.state)).toEqual(['starting', 'disconnected', 'connected']);
    await scanner.stop();
  });

  it('on unplug (node-hid "error") reports SCANNER_DISCONNECTED, polls, reconnects and scans again', async () => {
    const f = fixture('honeywell-pos-receipt-qr.json');
    const hid = fakeNodeHid([f.device]);
    const scanner = new HidScanner(options({}), hid.module);
    const seen = record(scanner);
    await scanner.start();
    const first = hid.last()!;
    first.report(f.reports[0]!); // half a code, then the cable is pulled
    hid.state.list = [];
    first.emit('error', new Error('could not read from HID device'));
    expect(scanner.status).toMatchObject({ state: 'disconnected', code: 'SCANNER_DISCONNECTED' });
    expect(first.closed).toBe(true);

    await new Promise((r) => setTimeout(r, 40)); // several polls while it is away
    expect(hid.state.opened).toHaveLength(1);
    hid.state.list = [f.device];
    await waitFor(() => scanner.status.state === 'connected');
    const second = hid.last()!;
    expect(second).not.toBe(first);
    for (const r of f.reports) second.report(r);
    expect(seen.scans.map((s) => s.text)).toEqual([f.expected[0]!.text]); // no half code glued on
    first.emit('error', new Error('late event of the old handle')); // ignored
    expect(scanner.status.state).toBe('connected');
    await scanner.stop();
  });

  it('"close" is treated like an unplug', async () => {
    const f = fixture('keyboard-mode-scanner.json');
    const hid = fakeNodeHid([f.device]);
    const scanner = new HidScanner(options({ mode: 'keyboard', vendorId: f.device.vendorId }), hid.module);
    await scanner.start();
    hid.last()!.emit('close');
    expect(scanner.status).toMatchObject({ state: 'disconnected', code: 'SCANNER_DISCONNECTED' });
    await scanner.stop();
  });

  it('reports SCANNER_OPEN_FAILED when the device cannot be opened (permissions) and keeps trying', async () => {
    const f = fixture('honeywell-pos-receipt-qr.json');
    const hid = fakeNodeHid([f.device]);
    hid.state.failOpen = true;
    const scanner = new HidScanner(options({}), hid.module);
    await scanner.start();
    expect(scanner.status).toMatchObject({ state: 'disconnected', code: 'SCANNER_OPEN_FAILED' });
    hid.state.failOpen = false;
    await waitFor(() => scanner.status.state === 'connected');
    await scanner.stop();
  });

  it('drops a code longer than the bound and says so, then reads the next one', async () => {
    const f = fixture('honeywell-pos-receipt-qr.json');
    const hid = fakeNodeHid([f.device]);
    const scanner = new HidScanner(options({ maxBytes: 100 }), hid.module);
    const seen = record(scanner);
    await scanner.start();
    for (const r of f.reports) hid.last()!.report(r); // about 150 bytes
    const short = [2, 6, 93, 81, 49, ...Buffer.from('ABC123'), ...new Array(50).fill(0), 115, 0, 0];
    hid.last()!.report(short);
    expect(seen.rejected).toEqual([{ scannerId: 'front', source: 'hid-pos', code: 'SCANNER_LINE_TOO_LONG' }]);
    expect(seen.scans.map((s) => s.text)).toEqual(['ABC123']);
    await scanner.stop();
  });

  it('after stop(): device closed, no polling, status stopped', async () => {
    const hid = fakeNodeHid([]);
    let listed = 0;
    const devices = hid.module.devices;
    hid.module.devices = () => (listed++, devices());
    const scanner = new HidScanner(options({}), hid.module);
    await scanner.start();
    await scanner.stop();
    const after = listed;
    await new Promise((r) => setTimeout(r, 40));
    expect(listed).toBe(after);
    expect(scanner.status.state).toBe('stopped');
  });
});
