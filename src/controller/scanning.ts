/**
 * Scanning as the controller sees it: the configured scanner ports and the touchscreen's own
 * reads (wedge, camera, typed) all go through one ScanIntake, and each result is pushed to the UI.
 * Only the parsed result travels on; the raw text is never logged.
 */
import type { CommandResponse, EventData, PartStatus } from '../contract';
import { createEd25519Verifier } from './codes/ed25519';
import { ScanIntake, type DetectedScan } from './codes/scan-intake';
import type { RobotConfig } from './config/schema';
import { createScanners, type ScannerDeps } from './devices/scanner/create-scanners';
import type { InjectedScanner } from './devices/scanner/injected-scanner';
import { scannerPartStatus, type ScannerPort, type UiScanSource } from './devices/scanner/port';
import type { Logger } from './log';

export interface Scanning {
  health(): Record<string, PartStatus>;
  submit(text: string, source: UiScanSource): CommandResponse<'code.submit'>;
  /** The simulator profile's scanners, for tests and service mode. */
  injected: InjectedScanner[];
  close(): Promise<void>;
}

export function toScannedEvent(scan: DetectedScan): EventData<'code.scanned'> {
  return scan.result.ok
    ? { scannerId: scan.scannerId, source: scan.source, code: scan.result.value }
    : { scannerId: scan.scannerId, source: scan.source, error: scan.result.code };
}

export async function startScanning(
  config: Pick<RobotConfig, 'scanners' | 'codes'>,
  deps: { log: Logger; now: () => Date; onScan: (e: EventData<'code.scanned'>) => void; scannerDeps?: ScannerDeps },
): Promise<Scanning> {
  const intake = new ScanIntake(
    { verify: createEd25519Verifier(config.codes.centerPublicKeys), ticketBaseUrl: config.codes.ticketBaseUrl, now: deps.now },
    (scan) => {
      const event = toScannedEvent(scan);
      deps.log.info({ scanner: scan.scannerId, source: scan.source, format: event.code?.format, error: event.error }, 'code scanned');
      deps.onScan(event);
    },
  );
  const { ports, injected } = await createScanners(config.scanners, deps.scannerDeps);
  const statuses = new Map<string, PartStatus>();
  const watch = (p: ScannerPort) => {
    statuses.set(`scanner:${p.id}`, scannerPartStatus(p.status));
    p.on('status', (s) => statuses.set(`scanner:${p.id}`, scannerPartStatus(s)));
    p.on('rejected', (r) => deps.log.warn({ scanner: r.scannerId, code: r.code }, 'scan rejected'));
    intake.attach(p);
  };
  ports.forEach(watch);
  await Promise.all(ports.map((p) => p.start()));
  return {
    health: () => Object.fromEntries(statuses),
    submit: (text, source) => {
      const scan = intake.submit({ text, source, scannerId: 'touchscreen' });
      if (!scan) return { repeated: true };
      return scan.result.ok ? { code: scan.result.value, repeated: false } : { error: scan.result.code, repeated: false };
    },
    injected,
    close: async () => {
      intake.stop();
      await Promise.all(ports.map((p) => p.stop()));
    },
  };
}
