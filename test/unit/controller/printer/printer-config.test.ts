import { DEMO_CATALOG } from '../../../../src/controller/config/demo-catalog';
import { PrinterConfig, RobotConfig } from '../../../../src/controller/config/schema';
import { printerProfile } from '../../../../src/controller/devices/printer/profiles';
import { ticketJobBuilder, ticketStatusUrl } from '../../../../src/controller/devices/printer/ticket/ticket-job';

describe('printer configuration', () => {
  it('fills every adapter with the profile defaults and validates paths and ids', () => {
    expect(PrinterConfig.parse({ adapter: 'usblp', device: '/dev/usb/lp0' })).toMatchObject({ profile: 'epson-tm-t20', cut: 'partial', qr: 'raster', timeoutMs: 5000, statusPollMs: 5000 });
    expect(PrinterConfig.parse({ adapter: 'serial', path: '/dev/ttyUSB0' })).toMatchObject({ baudRate: 38400 });
    expect(PrinterConfig.safeParse({ adapter: 'serial', path: '/dev/ttyUSB0', baudRate: 1234 }).success).toBe(false);
    expect(PrinterConfig.safeParse({ adapter: 'usblp', device: 'lp0; rm -rf' }).success).toBe(false);
    expect(PrinterConfig.safeParse({ adapter: 'usb', vendorId: 70000 }).success).toBe(false);
    expect(PrinterConfig.safeParse({ adapter: 'tcp', host: 'p', profile: 'no-such-model' }).success).toBe(false);
    expect(RobotConfig.parse({ profile: 'simulator', robotId: 'r1' }).printer).toMatchObject({ adapter: 'simulator', profile: 'epson-tm-t20' });
    expect(RobotConfig.safeParse({ profile: 'simulator', robotId: 'r1', ticketStatusUrl: 'https://x.vn/t/' }).success).toBe(false);
  });

  it('every profile in hardware/printer/profiles.json loads; a QR mode the model lacks is refused at start-up', () => {
    expect(printerProfile('xprinter-58')).toMatchObject({ widthDots: 384, epsonQr: false });
    expect(() => ticketJobBuilder(PrinterConfig.parse({ adapter: 'tcp', host: 'p', profile: 'xprinter-58', qr: 'epson' }), () => DEMO_CATALOG, 'https://x/{id}')).toThrow(/GS \( k/);
  });

  it('fills the status URL template, escaping each part', () => {
    expect(ticketStatusUrl('https://c.vn/t/{day}/{display}?id={id}', { id: 'a b', display: 'A007', day: '2026-11-30' })).toBe('https://c.vn/t/2026-11-30/A007?id=a%20b');
  });
});
