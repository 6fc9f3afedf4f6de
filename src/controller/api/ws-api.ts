import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { API_PROTOCOL_VERSION, MAX_MESSAGE_BYTES, type EventData, type EventType } from '../../contract';
import type { Logger } from '../log';
import { originAllowed, tokenMatches } from './auth';
import { dispatch, type Handlers } from './dispatcher';

export const API_PATH = '/api';

/**
 * What may wait unsent for one socket (issue 16). The largest reply, the procedure guide, is a
 * few hundred kB; a page that reads falls nowhere near this. A client that does not read (a hung
 * page, an attacker with the token) is closed when a frame would take it past the limit, so it
 * cannot grow the controller without bound or starve the citizen's connection.
 */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface WsApi {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast<T extends EventType>(event: T, data: EventData<T>): void;
  /** Sends only to the connections that have used this service session (logged in with it or sent it). */
  sendToSession<T extends EventType>(session: string, event: T, data: EventData<T>): void;
  close(): void;
}

/**
 * The service session a connection has shown: the token a login on it returned, or the last one
 * it sent in a payload (a page that reconnected). Only the controller's session check decides
 * whether the token is valid; this just routes technician-only events to the technician's page.
 */
function sessionShown(raw: string, reply: unknown): string | undefined {
  const fromReply = (reply as { ok?: boolean; result?: { session?: unknown } }).result?.session;
  if (typeof fromReply === 'string') return fromReply;
  if (!raw.includes('"session"')) return undefined; // most frames: no second parse
  try {
    const sent = (JSON.parse(raw) as { payload?: { session?: unknown } } | null)?.payload?.session;
    return typeof sent === 'string' ? sent : undefined;
  } catch {
    return undefined;
  }
}

/** The UI's WebSocket: token and Origin are checked before the upgrade completes. */
export function createWsApi(opts: { token: string; port: () => number; handlers: Handlers; log: Logger }): WsApi {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sessions = new WeakMap<WebSocket, string>();

  const refuse = (socket: Duplex, status: number, reason: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  /** Sends unless the socket already holds too much unread: then it is closed instead. */
  const send = (ws: WebSocket, frame: string) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount + frame.length > MAX_BUFFERED_BYTES) {
      opts.log.warn({ bufferedBytes: ws.bufferedAmount }, 'ui socket closed: it does not read its replies');
      ws.terminate();
      return;
    }
    ws.send(frame);
  };

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? '' : data.toString();
      void dispatch(text, opts.handlers, opts.log).then((reply) => {
        // only accepted commands count: a refused token never routes anything
        const session = reply.ok ? sessionShown(text, reply) : undefined;
        if (session) sessions.set(ws, session);
        send(ws, JSON.stringify(reply));
      });
    });
    ws.on('error', (e) => opts.log.warn({ err: e.message }, 'ui socket error'));
  });

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== API_PATH) return refuse(socket, 404, 'Not Found');
      if (!originAllowed(req.headers.origin, opts.port())) {
        opts.log.warn({ origin: String(req.headers.origin).slice(0, 100) }, 'websocket refused: foreign origin');
        return refuse(socket, 403, 'Forbidden');
      }
      if (!tokenMatches(opts.token, url.searchParams.get('token'))) {
        opts.log.warn('websocket refused: missing or wrong token');
        return refuse(socket, 401, 'Unauthorized');
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    broadcast(event, data) {
      const frame = JSON.stringify({ v: API_PROTOCOL_VERSION, event, data });
      for (const client of wss.clients) send(client, frame);
    },
    sendToSession(session, event, data) {
      const frame = JSON.stringify({ v: API_PROTOCOL_VERSION, event, data });
      for (const client of wss.clients) if (sessions.get(client) === session) send(client, frame);
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
