import { Socket } from 'node:net';
import { CodedError } from '../../../../contract';
import { ReplyBuffer, type LinkFactory, type PrinterLink } from '../link';

export interface TcpLinkOptions {
  host: string;
  port: number;
  timeoutMs: number;
}

/** A LAN printer on raw TCP (port 9100): one connection per job, replies on the same socket. */
export function tcpLink(o: TcpLinkOptions): LinkFactory {
  return {
    description: `tcp ${o.host}:${o.port}`,
    bidirectional: true,
    connectionPerJob: true,
    open: () => openTcp(o),
  };
}

function openTcp(o: TcpLinkOptions): Promise<PrinterLink> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    // a job goes out in several writes and ends with a small status request: with Nagle on, each
    // short segment waits for the printer's delayed ACK (~40 ms on Linux) before it may leave
    socket.setNoDelay(true);
    const replies = new ReplyBuffer();
    let failure: CodedError | undefined;
    const fail = (e: CodedError) => {
      failure ??= e;
      replies.fail(failure);
    };
    const connectTimer = setTimeout(() => {
      socket.destroy();
      reject(new CodedError('PRINTER_OFFLINE', `no connection within ${o.timeoutMs} ms`));
    }, o.timeoutMs);
    socket.on('data', (d) => replies.push(d));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      const code = e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' ? 'PRINTER_OFFLINE' : 'PRINTER_DISCONNECTED';
      fail(new CodedError(code, e.code));
      clearTimeout(connectTimer);
      reject(failure);
    });
    socket.on('close', () => fail(new CodedError('PRINTER_DISCONNECTED', 'connection closed by the printer')));
    socket.connect(o.port, o.host, () => {
      clearTimeout(connectTimer);
      resolve({
        write: (bytes) =>
          new Promise<void>((done, failed) => {
            if (failure) return failed(failure);
            const timer = setTimeout(() => {
              socket.destroy();
              failed(new CodedError('PRINTER_TIMEOUT', `write took longer than ${o.timeoutMs} ms`));
            }, o.timeoutMs);
            socket.write(bytes, (err) => {
              clearTimeout(timer);
              if (err || failure) failed(failure ?? new CodedError('PRINTER_DISCONNECTED', err?.message));
              else done();
            });
          }),
        read: (n, timeoutMs) => replies.read(n, timeoutMs, () => new CodedError('PRINTER_TIMEOUT', `no reply within ${timeoutMs} ms`)),
        close: () =>
          new Promise<void>((done) => {
            if (socket.destroyed) return done();
            // end() flushes what is queued, then half-closes; give the peer a moment to finish
            const timer = setTimeout(() => (socket.destroy(), done()), o.timeoutMs);
            socket.once('close', () => (clearTimeout(timer), done()));
            socket.end();
          }),
      });
    });
  });
}
