import type { PartStatus } from '../../../contract';
import type { PrinterCondition } from './escpos/status';

/**
 * The printer port: what every transport (TCP 9100, USB, usblp, serial) and the simulator offer.
 * `print` resolves once every byte of the job is handed to the printer (and, where the printer
 * answers status, once it confirmed reading them), and rejects with a CodedError (PRINTER_*)
 * otherwise: a job is never half-sent silently.
 */
export interface PrinterPort {
  status(): PartStatus;
  print(job: Uint8Array): Promise<void>;
  /** Asks the printer now (DLE EOT where it answers) and publishes the result; undefined without a back channel. */
  refreshStatus(): Promise<PrinterCondition | undefined>;
  onStatus(listener: (status: PartStatus) => void): () => void;
  close(): Promise<void>;
}
