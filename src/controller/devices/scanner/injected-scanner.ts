/**
 * The simulator adapter: scans are injected by the simulator profile, the service-mode
 * "test scan" button and tests. Same bounds and events as a device.
 */
import { ScannerBase } from './port';

export class InjectedScanner extends ScannerBase {
  constructor(id: string, maxBytes?: number) {
    super(id, 'simulator', 'simulator', maxBytes);
  }

  async start(): Promise<void> {
    this.setStatus('connected');
  }

  async stop(): Promise<void> {
    this.setStatus('stopped');
  }

  /** As if the text had been scanned; ignored unless started. */
  inject(text: string): void {
    if (this.status.state === 'connected') this.deliverText(text);
  }
}
