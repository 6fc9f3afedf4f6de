/**
 * The touchscreen's connection failures each have their own code (not INTERNAL_ERROR) and a log
 * line: not connected, no reply, connection lost. A real WebSocket server on loopback plays the
 * controller.
 */
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { ApiCallError, ApiClient, type ApiLogLine } from '../../../src/ui/api-client';

type Behaviour = 'silent' | 'hang-up';

/** ws throws an 'error' event nobody listens to; a browser's WebSocket only reports it to onerror. */
class BrowserLikeWebSocket extends WebSocket {
  constructor(url: string) {
    super(url);
    this.on('error', () => undefined);
  }
}

describe('ApiClient failures', () => {
  let server: WebSocketServer;
  let client: ApiClient | undefined;
  const logged: ApiLogLine[] = [];
  let behaviour: Behaviour = 'silent';

  beforeAll(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = BrowserLikeWebSocket;
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    server.on('connection', (socket) => socket.on('message', () => (behaviour === 'hang-up' ? socket.terminate() : undefined)));
  });
  afterEach(() => {
    client?.close();
    logged.length = 0;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const url = () => `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const open = async (callTimeoutMs = 20_000) => {
    const c = new ApiClient(url(), 'token', { callTimeoutMs, log: (line) => logged.push(line) });
    await new Promise<void>((resolve) => c.onState((s) => s === 'open' && resolve()));
    return c;
  };
  const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof ApiCallError ? e.error.code : 'not coded'));

  it('a call before the socket is open is API_NOT_CONNECTED', async () => {
    client = new ApiClient(url(), 'token', { log: (line) => logged.push(line) });
    expect(await codeOf(client.call('catalog.get', {}))).toBe('API_NOT_CONNECTED');
    expect(logged).toContainEqual(expect.objectContaining({ code: 'API_NOT_CONNECTED', command: 'catalog.get' }));
  });

  it('a call the controller never answers is API_NO_REPLY', async () => {
    behaviour = 'silent';
    client = await open(50);
    expect(await codeOf(client.call('catalog.get', {}))).toBe('API_NO_REPLY');
    expect(logged).toContainEqual(expect.objectContaining({ code: 'API_NO_REPLY', command: 'catalog.get' }));
  });

  it('a call whose connection drops before the answer is API_CONNECTION_LOST', async () => {
    behaviour = 'hang-up';
    client = await open();
    expect(await codeOf(client.call('catalog.get', {}))).toBe('API_CONNECTION_LOST');
    expect(logged).toContainEqual(expect.objectContaining({ code: 'API_CONNECTION_LOST', command: 'catalog.get' }));
  });
});
