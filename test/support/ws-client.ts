import WebSocket from 'ws';

/** Opens the controller's API socket; resolves the socket, or the HTTP status that refused it. */
export function openApi(url: string, opts: { token?: string; origin?: string } = {}): Promise<{ ws?: WebSocket; status?: number }> {
  const wsUrl = new URL('api', url.replace(/^http/, 'ws'));
  if (opts.token !== undefined) wsUrl.searchParams.set('token', opts.token);
  const headers: Record<string, string> = {};
  if (opts.origin) headers.Origin = opts.origin;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.once('error', reject);
  });
}

/** Sends one raw frame and waits for the reply carrying `id` (or with id null). */
export function request(ws: WebSocket, frame: unknown, id: string | null): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('event' in msg) return;
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}
