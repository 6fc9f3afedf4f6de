/**
 * The composition root's one call for scanners: one port per configured scanner, adapters
 * chosen by config. node-hid is loaded only when a HID scanner is configured, so a robot with
 * a serial scanner (or the simulator) never needs its native module.
 */
import { CodedError } from '../../../contract';
import type { ScannerConfig } from '../../config/scanner-schema';
import { HidScanner, type NodeHidModule } from './hid-scanner';
import { InjectedScanner } from './injected-scanner';
import type { ScannerPort } from './port';
import { SerialScanner, type OpenSerial } from './serial-scanner';

export interface ScannerDeps {
  loadNodeHid?: () => Promise<NodeHidModule>;
  openSerial?: OpenSerial;
}

export async function loadRealNodeHid(): Promise<NodeHidModule> {
  const loaded = (await import('node-hid')) as unknown as NodeHidModule & { default?: NodeHidModule };
  return loaded.default ?? loaded;
}

export interface CreatedScanners {
  ports: ScannerPort[];
  /** The simulator adapters, for the simulator profile and service mode's "test scan". */
  injected: InjectedScanner[];
}

export async function createScanners(configs: readonly ScannerConfig[], deps: ScannerDeps = {}): Promise<CreatedScanners> {
  let hid: NodeHidModule | undefined;
  const ports: ScannerPort[] = [];
  const injected: InjectedScanner[] = [];
  for (const c of configs) {
    switch (c.adapter) {
      case 'hid': {
        if (!hid) {
          try {
            hid = await (deps.loadNodeHid ?? loadRealNodeHid)();
          } catch (e) {
            throw new CodedError('SCANNER_OPEN_FAILED', `node-hid could not be loaded: ${(e as Error).message}`);
          }
        }
        ports.push(new HidScanner({ ...c, maxBytes: c.maxBytes }, hid));
        break;
      }
      case 'serial':
        ports.push(new SerialScanner(c, deps.openSerial));
        break;
      case 'simulator': {
        const sim = new InjectedScanner(c.id);
        injected.push(sim);
        ports.push(sim);
        break;
      }
    }
  }
  return { ports, injected };
}
