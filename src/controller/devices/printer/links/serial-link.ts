import { CodedError } from '../../../../contract';
import { ReplyBuffer, type LinkFactory, type PrinterLink } from '../link';
import { serialPortClass } from '../../serial-libraries';

export interface SerialLinkOptions {
  path: string;
  baudRate: number;
  timeoutMs: number;
}

/** An RS-232 / USB-serial printer (serialport 13). The port stays open; replies come back on it. */
export function serialLink(o: SerialLinkOptions): LinkFactory {
  return {
    description: `serial ${o.path} ${o.baudRate}`,
    bidirectional: true,
    connectionPerJob: false,
    open: () => openSerial(o),
  };
}

async function openSerial(o: SerialLinkOptions): Promise<PrinterLink> {
  const port = new (serialPortClass())({ path: o.path, baudRate: o.baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((err) => (err ? reject(new CodedError('PRINTER_DISCONNECTED', `${o.path}: ${err.message}`)) : resolve())),
  );
  const replies = new ReplyBuffer();
  port.on('data', (d: Buffer) => replies.push(d));
  port.on('close', () => replies.fail(new CodedError('PRINTER_DISCONNECTED', `${o.path} closed`)));
  port.on('error', (e) => replies.fail(new CodedError('PRINTER_DISCONNECTED', e.message)));
  return {
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new CodedError('PRINTER_TIMEOUT', `write took longer than ${o.timeoutMs} ms`)), o.timeoutMs);
        port.write(Buffer.from(bytes), (err) => {
          if (err) {
            clearTimeout(timer);
            return reject(new CodedError('PRINTER_DISCONNECTED', err.message));
          }
          // drain: resolve once the bytes left the OS buffer, so the timeout covers a stalled printer
          port.drain((e) => {
            clearTimeout(timer);
            if (e) reject(new CodedError('PRINTER_DISCONNECTED', e.message));
            else resolve();
          });
        });
      }),
    read: (n, timeoutMs) => replies.read(n, timeoutMs, () => new CodedError('PRINTER_TIMEOUT', `no reply within ${timeoutMs} ms`)),
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
