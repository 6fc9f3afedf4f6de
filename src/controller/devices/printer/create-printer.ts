import { CodedError, type PartStatus } from '../../../contract';
import type { PrinterConfig } from '../../config/schema';
import { EscposPrinter } from './escpos-printer';
import type { LinkFactory } from './link';
import { serialLink } from './links/serial-link';
import { tcpLink } from './links/tcp-link';
import { usbLink, type EscposUsbFactory } from './links/usb-link';
import { usblpLink } from './links/usblp-link';
import type { PrinterPort } from './port';
import { printerProfile } from './profiles';

/** No printer configured: reports `disabled` and refuses jobs with a typed error, never pretends. */
class NoPrinter implements PrinterPort {
  status(): PartStatus {
    return { state: 'disabled', adapter: 'none' };
  }
  async print(): Promise<void> {
    throw new CodedError('PRINTER_OFFLINE', 'no printer is configured');
  }
  async refreshStatus(): Promise<undefined> {
    return undefined;
  }
  onStatus(): () => void {
    return () => undefined;
  }
  async close(): Promise<void> {}
}

export interface PrinterDeps {
  /** TCP port of the virtual printer the composition root started (adapter `simulator`). */
  simulatorPort?: number;
  /** Replaces escpos-usb (tests, or another libusb wrapper). */
  usbFactory?: EscposUsbFactory;
}

type ConfiguredPrinter = Exclude<PrinterConfig, { adapter: 'none' }>;

export function printerLink(config: ConfiguredPrinter, deps: PrinterDeps = {}): LinkFactory {
  const { timeoutMs } = config;
  switch (config.adapter) {
    case 'simulator':
      if (deps.simulatorPort === undefined) throw new Error('printer adapter "simulator" needs the virtual printer to be started first');
      return tcpLink({ host: '127.0.0.1', port: deps.simulatorPort, timeoutMs });
    case 'tcp':
      return tcpLink({ host: config.host, port: config.port, timeoutMs });
    case 'usblp':
      return usblpLink({ device: config.device, timeoutMs });
    case 'serial':
      return serialLink({ path: config.path, baudRate: config.baudRate, timeoutMs });
    case 'usb':
      return usbLink({ vendorId: config.vendorId, productId: config.productId, timeoutMs }, deps.usbFactory);
  }
}

/** Picks the adapter named in the config; the simulator is reached over TCP exactly like a LAN printer. */
export function createPrinter(config: PrinterConfig, deps: PrinterDeps = {}): PrinterPort {
  if (config.adapter === 'none') return new NoPrinter();
  const profile = printerProfile(config.profile);
  return new EscposPrinter(printerLink(config, deps), {
    timeoutMs: config.timeoutMs,
    pollMs: config.statusPollMs,
    realTimeStatus: profile.realTimeStatus,
  });
}
