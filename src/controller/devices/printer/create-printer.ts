import { CodedError, type PartStatus } from '../../../contract';
import type { PrinterConfig } from '../../config/schema';
import type { PrinterPort } from './port';
import { TcpPrinter } from './tcp-printer';

/** No printer configured: reports `disabled` and refuses jobs with a typed error, never pretends. */
class NoPrinter implements PrinterPort {
  status(): PartStatus {
    return { state: 'disabled', adapter: 'none' };
  }
  async print(): Promise<void> {
    throw new CodedError('PRINTER_OFFLINE', 'no printer is configured');
  }
  onStatus(): () => void {
    return () => undefined;
  }
  async close(): Promise<void> {}
}

/**
 * Picks the adapter named in the config. The `simulator` adapter is a virtual printer the
 * composition root started on loopback: it is reached over TCP exactly like a LAN printer.
 */
export function createPrinter(config: PrinterConfig, simulatorPort?: number): PrinterPort {
  switch (config.adapter) {
    case 'tcp':
      return new TcpPrinter(config);
    case 'simulator':
      if (simulatorPort === undefined) throw new Error('printer adapter "simulator" needs the virtual printer to be started first');
      return new TcpPrinter({ host: '127.0.0.1', port: simulatorPort, timeoutMs: 5000 });
    case 'none':
      return new NoPrinter();
  }
}
