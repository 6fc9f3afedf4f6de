import { CodedError } from '../../../../contract';
import type { LinkFactory, PrinterLink } from '../link';

/** The part of an escpos-usb device object this adapter uses (tests pass a fake). */
export interface EscposUsbDevice {
  open(callback: (err: Error | null) => void): unknown;
  write(data: Buffer, callback: (err?: Error | null) => void): unknown;
  close(callback: (err: Error | null) => void): unknown;
  on(event: 'detach', listener: () => void): unknown;
}

/** Finds and wraps the printer; throws when no such USB device is attached. */
export type EscposUsbFactory = (vendorId?: number, productId?: number) => EscposUsbDevice;

/** The default factory: escpos-usb (libusb, with the usb@2 override), loaded only when used. */
export const escposUsbFactory: EscposUsbFactory = (vendorId, productId) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const USB = require('escpos-usb') as new (vid?: number, pid?: number) => EscposUsbDevice;
  return new USB(vendorId, productId);
};

const hex = (n?: number) => (n === undefined ? 'any' : n.toString(16).padStart(4, '0'));

/**
 * A USB printer through libusb (escpos + escpos-usb). escpos-usb claims only the OUT endpoint, so
 * this link is write-only: status is known from writes and from USB detach events.
 */
export function usbLink(o: { vendorId?: number; productId?: number; timeoutMs: number }, factory: EscposUsbFactory = escposUsbFactory): LinkFactory {
  return {
    description: `usb ${hex(o.vendorId)}:${hex(o.productId)}`,
    bidirectional: false,
    connectionPerJob: false,
    open: async () => {
      let device: EscposUsbDevice;
      try {
        device = factory(o.vendorId, o.productId);
      } catch (e) {
        throw new CodedError('PRINTER_DISCONNECTED', (e as Error).message);
      }
      await new Promise<void>((resolve, reject) =>
        device.open((err) => (err ? reject(new CodedError('PRINTER_OFFLINE', err.message)) : resolve())),
      );
      let detached = false;
      device.on('detach', () => (detached = true));
      const link: PrinterLink = {
        write: (bytes) =>
          new Promise<void>((resolve, reject) => {
            if (detached) return reject(new CodedError('PRINTER_DISCONNECTED', 'USB device detached'));
            const timer = setTimeout(() => reject(new CodedError('PRINTER_TIMEOUT', `USB transfer took longer than ${o.timeoutMs} ms`)), o.timeoutMs);
            device.write(Buffer.from(bytes), (err) => {
              clearTimeout(timer);
              if (err) reject(new CodedError(detached ? 'PRINTER_DISCONNECTED' : 'PRINTER_OFFLINE', err.message));
              else resolve();
            });
          }),
        read: async () => {
          throw new CodedError('PRINTER_NOT_SUPPORTED', 'escpos-usb has no IN endpoint');
        },
        close: () => new Promise<void>((resolve) => device.close(() => resolve())),
      };
      return link;
    },
  };
}
