import type { PartStatus } from '../../../contract';

/**
 * The printer port: what every transport (TCP 9100, USB, usblp, serial) and the simulator offer.
 * `print` resolves once every byte of the job is handed to the printer, and rejects with a
 * CodedError (PRINTER_*) otherwise: a job is never half-sent silently.
 */
export interface PrinterPort {
  status(): PartStatus;
  print(job: Uint8Array): Promise<void>;
  onStatus(listener: (status: PartStatus) => void): () => void;
  close(): Promise<void>;
}
