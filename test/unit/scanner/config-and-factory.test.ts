import { CodesConfig, ScannersConfig } from '../../../src/controller/config/scanner-schema';
import { createScanners } from '../../../src/controller/devices/scanner/create-scanners';
import { HidScanner } from '../../../src/controller/devices/scanner/hid-scanner';
import { InjectedScanner } from '../../../src/controller/devices/scanner/injected-scanner';
import { scannerPartStatus, type ScanEvent, type ScanRejection } from '../../../src/controller/devices/scanner/port';
import { SerialScanner } from '../../../src/controller/devices/scanner/serial-scanner';
import { fakeNodeHid } from './fake-node-hid';

describe('ScannersConfig', () => {
  it('fills defaults and accepts USB ids in lsusb spelling', () => {
    const parsed = ScannersConfig.parse([
      { adapter: 'hid', id: 'front', vendorId: '0x0c2e', productId: 0x0b87 },
      { adapter: 'serial', id: 'desk', path: '/dev/ttyACM0' },
      { adapter: 'simulator', id: 'sim' },
    ]);
    expect(parsed[0]).toEqual({ adapter: 'hid', id: 'front', mode: 'pos', vendorId: 0x0c2e, productId: 0x0b87, terminator: 'enter', maxBytes: 2048, reconnectMs: 2000 });
    expect(parsed[1]).toEqual({ adapter: 'serial', id: 'desk', path: '/dev/ttyACM0', baudRate: 9600, terminator: 'cr', maxLineBytes: 2048, reconnectMs: 2000 });
  });

  it('names the wrong field', () => {
    const r = ScannersConfig.safeParse([
      { adapter: 'serial', id: 'desk', path: '/dev/ttyACM0', baudRate: 9601, terminator: 'nul' },
      { adapter: 'hid', id: 'desk', vendorId: '0xZZ', maxBytes: 1_000_000 },
    ]);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['0.baudRate', '0.terminator', '1.vendorId', '1.maxBytes']));
  });

  it('refuses duplicate ids and unknown keys', () => {
    expect(ScannersConfig.safeParse([{ adapter: 'simulator', id: 'a' }, { adapter: 'simulator', id: 'a' }]).success).toBe(false);
    expect(ScannersConfig.safeParse([{ adapter: 'simulator', id: 'a', speed: 1 }]).success).toBe(false);
  });
});

describe('CodesConfig', () => {
  it('accepts raw base64 Ed25519 keys and PEM, and a ticket base URL', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(CodesConfig.parse({ centerPublicKeys: [key], ticketBaseUrl: 'http://10.0.0.5:8080' }).centerPublicKeys).toEqual([key]);
    expect(CodesConfig.safeParse({ centerPublicKeys: ['c2hvcnQ='] }).success).toBe(false);
    expect(CodesConfig.safeParse({ ticketBaseUrl: 'not a url' }).success).toBe(false);
  });
});

describe('createScanners', () => {
  it('builds one port per scanner and loads node-hid only when a HID scanner is configured', async () => {
    const load = jest.fn(async () => fakeNodeHid([]).module);
    const none = await createScanners(ScannersConfig.parse([{ adapter: 'serial', id: 'desk', path: '/dev/null-scanner' }]), { loadNodeHid: load });
    expect(none.ports[0]).toBeInstanceOf(SerialScanner);
    expect(load).not.toHaveBeenCalled();

    const all = await createScanners(
      ScannersConfig.parse([
        { adapter: 'hid', id: 'a', vendorId: 1 },
        { adapter: 'hid', id: 'b', vendorId: 2 },
        { adapter: 'simulator', id: 'sim' },
      ]),
      { loadNodeHid: load },
    );
    expect(all.ports.map((p) => p.constructor)).toEqual([HidScanner, HidScanner, InjectedScanner]);
    expect(all.injected.map((p) => p.id)).toEqual(['sim']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a node-hid that cannot load is a coded error', async () => {
    const failing = async () => {
      throw new Error('libudev.so.1: cannot open shared object file');
    };
    await expect(createScanners(ScannersConfig.parse([{ adapter: 'hid', id: 'a', vendorId: 1 }]), { loadNodeHid: failing })).rejects.toMatchObject({
      code: 'SCANNER_OPEN_FAILED',
    });
  });

  it('the real node-hid module loads and has the API the adapter uses', async () => {
    const { loadRealNodeHid } = await import('../../../src/controller/devices/scanner/create-scanners');
    const hid = await loadRealNodeHid();
    expect(typeof hid.devices).toBe('function');
    expect(typeof hid.HID).toBe('function');
    expect(Array.isArray(hid.devices())).toBe(true);
  });
});

describe('simulator adapter and health', () => {
  it('injects scans only while started, bounded like a device', async () => {
    const sim = new InjectedScanner('sim', 64);
    const scans: ScanEvent[] = [];
    const rejected: ScanRejection[] = [];
    sim.on('scan', (e) => scans.push(e));
    sim.on('rejected', (r) => rejected.push(r));
    sim.inject('before start');
    await sim.start();
    sim.inject('38.98.H29-210519-0013');
    sim.inject('x'.repeat(65));
    await sim.stop();
    sim.inject('after stop');
    expect(scans.map((s) => [s.text, s.source])).toEqual([['38.98.H29-210519-0013', 'simulator']]);
    expect(rejected.map((r) => r.code)).toEqual(['SCANNER_LINE_TOO_LONG']);
  });

  it('maps scanner status to the health report', () => {
    expect(scannerPartStatus({ state: 'connected', adapter: 'serial /dev/ttyACM0' })).toEqual({ state: 'ok', adapter: 'serial /dev/ttyACM0' });
    expect(scannerPartStatus({ state: 'disconnected', adapter: 'x', code: 'SCANNER_DISCONNECTED' })).toEqual({ state: 'fault', adapter: 'x', code: 'SCANNER_DISCONNECTED' });
  });
});
