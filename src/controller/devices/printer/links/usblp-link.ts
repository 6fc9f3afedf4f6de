import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { CodedError } from '../../../../contract';
import type { LinkFactory, PrinterLink } from '../link';

/**
 * The Linux usblp character device (/dev/usb/lp0): the kernel's USB printer-class driver, no
 * libusb needed. Write-only here: reading replies from usblp blocks a libuv thread when the
 * printer sends nothing, so status comes from the link itself (the device file vanishes on unplug).
 */
export function usblpLink(o: { device: string; timeoutMs: number }): LinkFactory {
  return {
    description: `usblp ${o.device}`,
    bidirectional: false,
    connectionPerJob: false,
    open: async () => {
      let handle: FileHandle;
      try {
        // never O_CREAT: a missing device node means unplugged, not "make a file";
        // O_APPEND keeps a regular file or FIFO standing in for the device correct
        handle = await open(o.device, constants.O_WRONLY | constants.O_APPEND);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new CodedError(code === 'ENOENT' || code === 'ENODEV' ? 'PRINTER_DISCONNECTED' : 'PRINTER_OFFLINE', `${o.device}: ${code}`);
      }
      return fileLink(handle, o.timeoutMs);
    },
  };
}

function fileLink(handle: FileHandle, timeoutMs: number): PrinterLink {
  return {
    write: async (bytes) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new CodedError('PRINTER_TIMEOUT', `write took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        let at = 0;
        while (at < bytes.length) {
          const { bytesWritten } = await Promise.race([handle.write(bytes, at, bytes.length - at), timeout]);
          at += bytesWritten;
        }
      } catch (e) {
        if (e instanceof CodedError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        // ENODEV/EIO: the printer was unplugged while the file was open
        throw new CodedError(code === 'ENODEV' || code === 'EIO' || code === 'ENOENT' ? 'PRINTER_DISCONNECTED' : 'PRINTER_OFFLINE', code);
      } finally {
        clearTimeout(timer);
      }
    },
    read: async () => {
      throw new CodedError('PRINTER_NOT_SUPPORTED', 'usblp link has no back channel');
    },
    close: () => handle.close().catch(() => undefined),
  };
}
