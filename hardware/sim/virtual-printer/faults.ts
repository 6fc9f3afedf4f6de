/**
 * What the virtual printer can be told to suffer, and the DLE EOT reply bytes an Epson printer
 * sends in each state (bits 1 and 4 always set; see the controller's escpos/status.ts for the map).
 */
export interface PrinterFaults {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  cutterError: boolean;
  /** Offline for another reason (e.g. a technician's feed button, "waiting for recovery"). */
  offline: boolean;
}

export const NO_FAULTS: PrinterFaults = { paperOut: false, paperNearEnd: false, coverOpen: false, cutterError: false, offline: false };

/** True when the mechanism stops: the printer takes data but prints nothing. */
export function stopsPrinting(f: PrinterFaults): boolean {
  return f.paperOut || f.coverOpen || f.cutterError || f.offline;
}

export function statusByte(n: number, f: PrinterFaults): number {
  const base = 0x12;
  switch (n) {
    case 1: // printer status: bit 3 offline
      return base | (stopsPrinting(f) ? 0x08 : 0);
    case 2: // offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error occurred
      return base | (f.coverOpen ? 0x04 : 0) | (f.paperOut ? 0x20 : 0) | (f.cutterError ? 0x40 : 0);
    case 3: // error cause: bit 3 autocutter error
      return base | (f.cutterError ? 0x08 : 0);
    case 4: // roll paper sensor: bits 2-3 near end, bits 5-6 paper end
      return base | (f.paperNearEnd || f.paperOut ? 0x0c : 0) | (f.paperOut ? 0x60 : 0);
    default:
      return base;
  }
}
