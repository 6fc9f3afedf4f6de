/**
 * Reading Epson real-time status (DLE EOT n). Each reply is one byte with bits 1 and 4 set and
 * bits 0 and 7 clear — that fixed pattern is how a reply is told apart from other traffic.
 *   n=1 printer:      bit3 offline
 *   n=2 offline cause: bit2 cover open, bit3 feed button, bit5 stopped by paper end, bit6 error
 *   n=3 error cause:   bit2 recoverable, bit3 autocutter error, bit5 unrecoverable, bit6 auto-recoverable
 *   n=4 roll paper:    bits2+3 near end, bits5+6 paper end
 */
import type { ErrorCode } from '../../../../contract';

export interface PrinterCondition {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  unrecoverableError: boolean;
}

export const HEALTHY: PrinterCondition = {
  offline: false, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false, unrecoverableError: false,
};

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Decodes the four replies to DLE EOT 1, 2, 3, 4 (in that order). */
export function parseStatus(replies: [number, number, number, number]): PrinterCondition {
  const [printer, offline, error, paper] = replies;
  if (!replies.every(isStatusByte)) throw new Error(`not DLE EOT replies: ${replies.map((b) => b.toString(16)).join(' ')}`);
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offline & 0x04) !== 0,
    paperOut: (offline & 0x20) !== 0 || (paper & 0x60) === 0x60,
    paperNearEnd: (paper & 0x0c) === 0x0c,
    cutterError: (error & 0x08) !== 0,
    unrecoverableError: (error & 0x20) !== 0,
  };
}

/** The replies a printer in this condition sends: the inverse of parseStatus (the simulator uses it). */
export function statusReplies(c: PrinterCondition): [number, number, number, number] {
  const stopped = c.coverOpen || c.paperOut || c.cutterError || c.unrecoverableError;
  return [
    0x12 | (c.offline || stopped ? 0x08 : 0),
    0x12 | (c.coverOpen ? 0x04 : 0) | (c.paperOut ? 0x20 : 0) | (c.cutterError || c.unrecoverableError ? 0x40 : 0),
    0x12 | (c.cutterError ? 0x08 : 0) | (c.unrecoverableError ? 0x20 : 0),
    0x12 | (c.paperNearEnd || c.paperOut ? 0x0c : 0) | (c.paperOut ? 0x60 : 0),
  ];
}

/** The fault that stops printing, most specific first; undefined when a job may be sent. */
export function blockingFault(c: PrinterCondition): ErrorCode | undefined {
  if (c.coverOpen) return 'PRINTER_COVER_OPEN';
  if (c.paperOut) return 'PRINTER_PAPER_OUT';
  if (c.cutterError) return 'PRINTER_CUTTER_ERROR';
  if (c.unrecoverableError) return 'PRINTER_HARDWARE_ERROR';
  if (c.offline) return 'PRINTER_OFFLINE';
  return undefined;
}
