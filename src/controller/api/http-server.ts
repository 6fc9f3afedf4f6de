import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HealthReport } from '../../contract';
import type { Logger } from '../log';
import { serveStatic } from './static-files';
import type { WsApi } from './ws-api';

/**
 * The page may talk only to its own origin (HTTP + WebSocket), run only its own scripts and
 * use the camera through html5-qrcode (blob: workers, data: images).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=()',
};

export interface HttpOptions {
  uiDir: string;
  health: () => HealthReport;
  wsApi: WsApi;
  log: Logger;
}

export function createHttpServer(opts: HttpOptions): Server {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/healthz') {
      const report = opts.health();
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(report));
      return;
    }
    serveStatic(opts.uiDir, path, req, res);
  });
  server.on('upgrade', (req, socket, head) => opts.wsApi.handleUpgrade(req, socket, head));
  server.on('clientError', (_e, socket) => socket.destroy());
  // slow-loris and idle sockets must not pin the kiosk's only server
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}
