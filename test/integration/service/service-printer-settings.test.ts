/**
 * Service mode's printer test page and settings on a real TCP printer port and the virtual ESC/POS
 * printer: the test page is decoded off the printer's paper (text and dots), the settings are
 * written to a real config file that has no `printer` block.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { startVirtualPrinter, type PrintedJob, type VirtualPrinter } from '../../../hardware/sim/virtual-printer/server';
import type { EventData, EventType } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { RobotConfig } from '../../../src/controller/config/schema';
import { createMotion } from '../../../src/controller/devices/motion/create-motion';
import { createPrinter } from '../../../src/controller/devices/printer/create-printer';
import type { PrinterPort } from '../../../src/controller/devices/printer/port';
import { createLogger } from '../../../src/controller/log';
import { createServiceMode, type ServiceMode } from '../../../src/controller/service-mode/create-service-mode';
import { hashPin } from '../../../src/controller/service-mode/pin';
import { VERSION } from '../../../src/controller/version';
import { storeHarness, type StoreHarness } from '../store/store-fixtures';

const PIN = '2580';

interface Rig {
  service: ServiceMode;
  session: string;
  configFile: string;
  close(): Promise<void>;
}

async function rig(file: Record<string, unknown>, printer: PrinterPort, h: StoreHarness): Promise<Rig> {
  const configFile = join(h.dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(file));
  const config = RobotConfig.parse({ ...file, dataDir: h.dir });
  const service = createServiceMode({
    config, configFile, catalog: () => DEMO_CATALOG, store: h.open(), printer, log: createLogger('silent'), now: () => new Date(h.clock.ms),
    motion: createMotion({ adapter: 'none' }, { dataDir: h.dir, log: createLogger('silent') }),
    health: () => ({ robotId: 'robot-p', version: 'test', profile: 'production', uptimeSeconds: 1, devices: {}, store: { state: 'ok', adapter: 'sqlite' }, sync: { state: 'disabled', adapter: 'none' } }),
    broadcast: <T extends EventType>(_e: T, _d: EventData<T>) => undefined,
  });
  const login = await service.handlers['service.login']({ pin: PIN, via: 'gesture' });
  if (!login.ok) throw new Error(login.code);
  return { service, session: login.session, configFile, close: async () => (await service.close(), await printer.close()) };
}

function nextJob(printer: VirtualPrinter): Promise<PrintedJob> {
  return new Promise((resolve) => printer.events.once('job', resolve));
}

describe('service mode: printer test page and settings', () => {
  let virtual: VirtualPrinter;
  let h: StoreHarness;
  let r: Rig;
  let pinHash: string;
  beforeAll(async () => {
    pinHash = await hashPin(PIN);
  });
  beforeEach(async () => {
    virtual = await startVirtualPrinter();
    h = storeHarness();
  });
  afterEach(async () => {
    await r?.close();
    await virtual.close();
    h.cleanup();
  });

  const tcpFile = (printer: Record<string, unknown> | undefined) => ({
    profile: 'production', robotId: 'robot-p', service: { pinHash }, ...(printer ? { printer } : {}),
  });
  const tcpPrinter = () => createPrinter({ adapter: 'tcp', host: '127.0.0.1', port: virtual.port, profile: 'epson-tm-t20', cut: 'full', qr: 'raster', timeoutMs: 3000, statusPollMs: 0, density: 2 });

  it('prints one diagnostic page, decoded off the paper: dot test, widths, code page, status, config; no ticket', async () => {
    const printerConfig = { adapter: 'tcp', host: '127.0.0.1', port: virtual.port, density: 2, cut: 'full' };
    r = await rig(tcpFile(printerConfig), tcpPrinter(), h);
    virtual.setFaults({ paperNearEnd: true });
    const job = nextJob(virtual);
    await expect(r.service.handlers['service.printer.testPage']({ session: r.session })).resolves.toEqual({ printed: true });
    const page = await job;
    const lines = page.text.split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'PRINTER TEST PAGE', `lobby-robot ${VERSION}  robot robot-p`, 'Not a queue ticket',
      '== Dot test ==', '== Widths ==', '576 dots = 48 columns of font A:', '123456789012345678901234567890123456789012345678',
      '== Code page ==', ' !"#$%&\'()*+,-./0123456789:;<=>?', '@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_',
      '== Status ==', 'Paper out: no   Near end: YES',
      '== Config ==', `Adapter: tcp (127.0.0.1:${virtual.port})`, 'Width: 576 dots (72 mm) of the model', 'Density: 2', 'Cut: full   QR: raster',
    ]));
    expect(lines.some((l) => /^\d\d\/\d\d\/\d{4}, \d\d:\d\d:\d\d \(Asia\/Ho_Chi_Minh\)$/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('[cut'))).toEqual(['[cut full]']);
    // no citizen ticket: no QR, no number TEST, one job
    expect(page.text).not.toMatch(/\[qr|TEST\b(?! PAGE)/);
    expect(virtual.jobs).toHaveLength(1);
    // the dot test: a row where all 576 dots burn, then a row of alternating dots
    const png = PNG.sync.read(page.png);
    const black = (x: number, y: number) => png.data[(y * png.width + x) * 4]! < 128;
    const rows = Array.from({ length: png.height }, (_, y) => y);
    const solid = rows.find((y) => Array.from({ length: png.width }, (_, x) => x).every((x) => black(x, y)));
    expect(solid).toBeDefined();
    const checker = rows.find((y) => y > solid! && Array.from({ length: png.width - 1 }, (_, x) => x).every((x) => black(x, y) !== black(x + 1, y)));
    expect(checker).toBeDefined();
  });

  it('density and cut are saved into a config file without a printer block, and the saved values are shown', async () => {
    // a simulator-profile file with no printer block: the running printer is the virtual one
    const file = { profile: 'simulator', robotId: 'robot-p', service: { pinHash }, screen: { idleSeconds: 75 } };
    r = await rig(file, tcpPrinter(), h);
    const get = () => r.service.handlers['service.settings.get']({ session: r.session });
    await expect(Promise.resolve(get())).resolves.toEqual({
      values: { 'printer.density': null, 'printer.cut': 'partial', 'service.inactivitySeconds': 300, 'screen.idleSeconds': 75, defaultLanguage: 'vi' },
      restartPending: [],
    });
    await expect(Promise.resolve(r.service.handlers['service.settings.set']({ session: r.session, key: 'printer.density', value: 3 }))).resolves.toEqual({ applied: 'live', persisted: true });
    await expect(Promise.resolve(r.service.handlers['service.settings.set']({ session: r.session, key: 'printer.cut', value: 'full' }))).resolves.toEqual({ applied: 'live', persisted: true });
    await r.service.handlers['service.settings.set']({ session: r.session, key: 'screen.idleSeconds', value: 90 });
    expect(JSON.parse(readFileSync(r.configFile, 'utf8'))).toMatchObject({ printer: { adapter: 'simulator', density: 3, cut: 'full' }, screen: { idleSeconds: 90 } });
    await expect(Promise.resolve(get())).resolves.toEqual({
      values: { 'printer.density': 3, 'printer.cut': 'full', 'service.inactivitySeconds': 300, 'screen.idleSeconds': 90, defaultLanguage: 'vi' },
      restartPending: ['screen.idleSeconds'],
    });
    await expect(Promise.resolve(r.service.handlers['service.printer.get']({ session: r.session }))).resolves.toMatchObject({ density: 3, cut: 'full' });
  });

  it('a robot without a printer says so instead of "invalid value"; a short PIN gets its own code', async () => {
    r = await rig({ ...tcpFile({ adapter: 'none' }) }, createPrinter({ adapter: 'none' }), h);
    await expect(Promise.resolve().then(() => r.service.handlers['service.settings.set']({ session: r.session, key: 'printer.density', value: 1 }))).rejects.toMatchObject({ code: 'SERVICE_NO_PRINTER' });
    await expect(r.service.handlers['service.printer.testPage']({ session: r.session })).resolves.toEqual({ printed: false, error: 'SERVICE_NO_PRINTER' });
    await expect(r.service.handlers['service.pin.change']({ session: r.session, pin: '12' })).rejects.toMatchObject({ code: 'SERVICE_PIN_FORMAT' });
    await expect(r.service.handlers['service.pin.change']({ session: r.session, pin: '12ab' })).rejects.toMatchObject({ code: 'SERVICE_PIN_FORMAT' });
    await expect(r.service.handlers['service.pin.change']({ session: r.session, pin: '97531' })).resolves.toEqual({ persisted: true });
  });
});
