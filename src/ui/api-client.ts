import {
  API_PROTOCOL_VERSION,
  ServerMessage,
  type ApiError,
  type CommandRequest,
  type CommandResponse,
  type CommandType,
  type ErrorCode,
  type EventData,
  type EventType,
} from '../contract';
import { createBackoff } from '../core/backoff';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** A command the controller refused: `error.code` is stable and has a message in every locale. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

/** The codes of a call that got no answer (not connected, no reply, connection lost): they say nothing of the command itself. */
const UNANSWERED: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['API_NOT_CONNECTED', 'API_NO_REPLY', 'API_CONNECTION_LOST']);

/** Whether `e` is a call that never reached the controller or never came back (see `ApiClient.failure`). */
export function isUnanswered(e: unknown): boolean {
  return e instanceof ApiCallError && UNANSWERED.has(e.error.code);
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  type: string;
}

const CALL_TIMEOUT_MS = 20_000;

/** One line about a failed call: the code and the command, nothing the visitor typed. */
export interface ApiLogLine {
  code: ErrorCode;
  command: string;
}

export interface ApiClientOptions {
  callTimeoutMs?: number;
  /** Where failure lines go; the kiosk's console (the Electron shell keeps it) by default. */
  log?: (line: ApiLogLine) => void;
}

/** The UI's one connection to the controller: typed calls, pushed events, reconnect with backoff. */
export class ApiClient {
  private ws: WebSocket | undefined;
  private seq = 0;
  /** Reconnects after 250 ms, 500 ms … 5 s (no jitter: one page, one local controller); reset once open. */
  private readonly retry = createBackoff({ initialMs: 250, maxMs: 5000, jitter: 'none' }, Math.random);
  private readonly pending = new Map<string, Pending>();
  private readonly eventListeners = new Map<string, Set<(data: unknown) => void>>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  state: ConnectionState = 'connecting';
  private closed = false;

  constructor(
    private readonly wsUrl: string,
    private readonly token: string,
    private readonly options: ApiClientOptions = {},
  ) {
    this.connect();
  }

  call<T extends CommandType>(type: T, payload: CommandRequest<T>): Promise<CommandResponse<T>> {
    const id = `c${++this.seq}`;
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject(this.failure('API_NOT_CONNECTED', type));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(this.failure('API_NO_REPLY', type));
      }, this.options.callTimeoutMs ?? CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, type });
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
      this.retry.reset();
      this.setState('open');
    };
    ws.onmessage = (e) => this.receive(String(e.data));
    ws.onclose = () => {
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(this.failure('API_CONNECTION_LOST', p.type));
        this.pending.delete(id);
      }
      this.setState('closed');
      if (this.closed) return;
      setTimeout(() => this.connect(), this.retry.next());
    };
  }

  /** Stops reconnecting and closes the socket (a page that goes away, a test that ends). */
  close(): void {
    this.closed = true;
    this.ws?.close();
  }

  /** Each way a call can fail without an answer has its own code, and leaves one line in the log. */
  private failure(code: ErrorCode, command: string): ApiCallError {
    (this.options.log ?? ((line: ApiLogLine) => console.error('api call failed', line)))({ code, command });
    return new ApiCallError({ code });
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
