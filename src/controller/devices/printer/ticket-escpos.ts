import type { Ticket } from '../../../contract';

const ESC = 0x1b;
const GS = 0x1d;

/**
 * A minimal text ticket: the number large and centred, then the service. ASCII only on
 * purpose — Vietnamese in printer code pages is unreliable; localized tickets are rasterized.
 */
export function encodeTextTicket(ticket: Ticket, serviceLabel: string): Uint8Array {
  const ascii = (s: string) => Buffer.from(s.normalize('NFD').replace(/[^\x20-\x7e]/g, ''), 'ascii');
  return Buffer.concat([
    Buffer.from([ESC, 0x40]), // initialise
    Buffer.from([ESC, 0x61, 0x01]), // centre
    Buffer.from([GS, 0x21, 0x33]), // 4x width and height
    ascii(ticket.display),
    Buffer.from([0x0a, GS, 0x21, 0x00]),
    ascii(serviceLabel),
    Buffer.from([0x0a]),
    ascii(ticket.issuedAt),
    Buffer.from([0x0a, 0x0a, 0x0a]),
    Buffer.from([GS, 0x56, 0x42, 0x00]), // feed and partial cut
  ]);
}
