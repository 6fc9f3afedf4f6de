import {
  API_PROTOCOL_VERSION,
  ServerMessage,
  type ApiError,
  type CommandRequest,
  type CommandResponse,
  type CommandType,
  type EventData,
  type EventType,
} from '../contract';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** A command the controller refused: `error.code` is stable and has a message in every locale. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const CALL_TIMEOUT_MS = 20_000;

/** The UI's one connection to the controller: typed calls, pushed events, reconnect with backoff. */
export class ApiClient {
  private ws: WebSocket | undefined;
  private seq = 0;
  private retryMs = 250;
  private readonly pending = new Map<string, Pending>();
  private readonly eventListeners = new Map<string, Set<(data: unknown) => void>>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  state: ConnectionState = 'connecting';

  constructor(
    private readonly wsUrl: string,
    private readonly token: string,
  ) {
    this.connect();
  }

  call<T extends CommandType>(type: T, payload: CommandRequest<T>): Promise<CommandResponse<T>> {
    const id = `c${++this.seq}`;
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject(new ApiCallError({ code: 'INTERNAL_ERROR', issues: ['not connected'] }));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ApiCallError({ code: 'INTERNAL_ERROR', issues: ['no reply'] }));
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.ws.send(JSON.stringify({ v: API_PROTOCOL_VERSION, id, type, payload }));
    });
  }

  on<T extends EventType>(event: T, listener: (data: EventData<T>) => void): () => void {
    const set = this.eventListeners.get(event) ?? new Set();
    set.add(listener as (d: unknown) => void);
    this.eventListeners.set(event, set);
    return () => set.delete(listener as (d: unknown) => void);
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private connect(): void {
    const ws = new WebSocket(`${this.wsUrl}?token=${encodeURIComponent(this.token)}`);
    this.ws = ws;
    this.setState('connecting');
    ws.onopen = () => {
      this.retryMs = 250;
      this.setState('open');
    };
    ws.onmessage = (e) => this.receive(String(e.data));
    ws.onclose = () => {
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new ApiCallError({ code: 'INTERNAL_ERROR', issues: ['connection lost'] }));
        this.pending.delete(id);
      }
      this.setState('closed');
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
  }

  private receive(text: string): void {
    let parsed;
    try {
      parsed = ServerMessage.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const msg = parsed.data;
    if ('event' in msg) {
      for (const l of this.eventListeners.get(msg.event) ?? []) l(msg.data);
      return;
    }
    const p = msg.id === null ? undefined : this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id!);
    clearTimeout(p.timer);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new ApiCallError(msg.error));
  }

  private setState(s: ConnectionState): void {
    this.state = s;
    for (const l of this.stateListeners) l(s);
  }
}
