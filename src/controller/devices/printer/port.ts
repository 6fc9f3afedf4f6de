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
  /**
   * A job is about to come (tap → paper): open the link and ask the status now, so the connection
   * and the round trip overlap the commit and the render. No job byte is sent until `print`; the
   * returned release ends a prepared link that gets no job (e.g. the issue was refused); `asked`
   * settles once the status request has left (or the link failed: `print` then reports it).
   */
  prepareLink?(): PreparedLink;
  /** Asks the printer now (DLE EOT where it answers) and publishes the result; undefined without a back channel. */
  refreshStatus(): Promise<PrinterCondition | undefined>;
  onStatus(listener: (status: PartStatus) => void): () => void;
  close(): Promise<void>;
}

export interface PreparedLink {
  asked: Promise<void>;
  release(): void;
}
