/**
 * The real board link: johnny-five's Board over firmata-io over a serialport 13 port, as on the
 * robot (an Uno running StandardFirmata on /dev/lobby-board). Owns the connection life cycle:
 * a ready timeout, a heartbeat that notices a board that stopped answering, and reconnection with
 * exponential backoff when the port vanishes. Each connection is a fresh session: after a replug
 * the board has rebooted and knows nothing, so the service re-applies its state on `ready`.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type five from 'johnny-five';
import type { Firmata } from 'firmata-io';
import type { SerialPort } from 'serialport';
import { CodedError, type ErrorCode } from '../../../contract/error-codes';
import { createBackoff, type Backoff } from '../../../core/backoff';
import type { MotionStatus } from '../../../contract/motion';
import type { BoardLink } from './board-link';
import { PULSE_MAX_US, PULSE_MIN_US } from './calibration';
import type { MotionLog } from './port';
import { firmataIo, johnnyFive, serialPortClass } from '../serial-libraries';

export interface JohnnyFiveLinkOptions {
  path: string;
  baudRate: number;
  readyTimeoutMs: number;
  heartbeatMs: number;
  heartbeatTimeoutMs: number;
  reconnectInitialMs: number;
  reconnectMaxMs: number;
  inputPins: readonly number[];
  log: MotionLog;
}

interface Session {
  port: SerialPort;
  io: Firmata;
  board: InstanceType<typeof five.Board>;
  ready: boolean;
  ended: boolean;
  attached: Set<number>;
  pwm: Set<number>;
  timers: Set<NodeJS.Timeout>;
}

export class JohnnyFiveLink extends EventEmitter implements BoardLink {
  readonly description: string;
  private statusValue: MotionStatus = 'disconnected';
  private codeValue: ErrorCode | undefined = 'MOTION_DISCONNECTED';
  private session: Session | null = null;
  /** Reconnect delays from reconnectInitialMs to reconnectMaxMs (no jitter: one board, one robot), reset by a successful ready. */
  private readonly backoff: Backoff;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly opts: JohnnyFiveLinkOptions) {
    super();
    this.description = `johnny-five ${opts.path}`;
    this.backoff = createBackoff({ initialMs: opts.reconnectInitialMs, maxMs: opts.reconnectMaxMs, jitter: 'none' }, Math.random);
  }

  get status(): MotionStatus {
    return this.statusValue;
  }

  get code(): ErrorCode | undefined {
    return this.codeValue;
  }

  start(): void {
    if (!this.session && !this.retry && !this.closed) this.connect();
  }

  servoWrite(pin: number, us: number): void {
    const s = this.readySession();
    if (!s.attached.has(pin)) {
      // SERVO_CONFIG attaches the Servo library on this pin with the hardware-wide pulse limits
      s.io.servoConfig(pin, PULSE_MIN_US, PULSE_MAX_US);
      s.attached.add(pin);
    }
    // StandardFirmata treats values >= 544 as microseconds: 1 µs resolution instead of 1 degree
    s.io.servoWrite(pin, Math.round(Math.min(PULSE_MAX_US, Math.max(PULSE_MIN_US, us))));
  }

  servoRelax(pin: number): void {
    const s = this.readySession();
    // leaving SERVO mode detaches the Servo library from the pin: no more pulses
    s.io.pinMode(pin, s.io.MODES.OUTPUT);
    s.io.digitalWrite(pin, 0);
    s.attached.delete(pin);
  }

  pwmWrite(pin: number, duty: number): void {
    const s = this.readySession();
    if (!s.pwm.has(pin)) {
      s.io.pinMode(pin, s.io.MODES.PWM);
      s.pwm.add(pin);
    }
    s.io.pwmWrite(pin, Math.round(Math.min(255, Math.max(0, duty))));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.retry = undefined;
    const s = this.session;
    if (s) await this.end(s, 'disconnected', 'MOTION_DISCONNECTED', 'closed by the controller');
    this.removeAllListeners();
  }

  private readySession(): Session {
    const s = this.session;
    if (!s || !s.ready || s.ended) throw new CodedError('MOTION_NOT_READY', `board ${this.opts.path} is ${this.statusValue}`);
    return s;
  }

  private setStatus(status: MotionStatus, code: ErrorCode | undefined): void {
    if (status === this.statusValue && code === this.codeValue) return;
    this.statusValue = status;
    this.codeValue = code;
    this.emit('status', code ? { status, code } : { status });
  }

  private connect(): void {
    this.retry = undefined;
    if (this.closed) return;
    const { path, baudRate } = this.opts;
    if (!existsSync(path)) {
      // unplugged: wait for the tty to come back without building a Board per retry
      this.setStatus('disconnected', 'MOTION_DISCONNECTED');
      this.scheduleRetry();
      return;
    }
    this.setStatus('connecting', undefined);
    const port = new (serialPortClass())({ path, baudRate, autoOpen: true });
    // the Firmata instance must exist before the port opens: johnny-five waits for its "connect"
    const io = new (firmataIo().Firmata)(port, { reportVersionTimeout: 300 });
    const board = new (johnnyFive().Board)({ io, repl: false, debug: false, sigint: false, timeout: this.opts.readyTimeoutMs });
    const s: Session = { port, io, board, ready: false, ended: false, attached: new Set(), pwm: new Set(), timers: new Set() };
    this.session = s;

    const timer = (ms: number, fn: () => void) => {
      const t = setTimeout(() => {
        s.timers.delete(t);
        fn();
      }, ms);
      s.timers.add(t);
    };
    io.on('error', (e: Error) => void this.end(s, 'disconnected', 'MOTION_DISCONNECTED', e.message));
    board.on('error', (e: Error) => void this.end(s, s.ready ? 'disconnected' : 'fault', s.ready ? 'MOTION_DISCONNECTED' : 'MOTION_READY_TIMEOUT', e.message));
    port.on('close', () => void this.end(s, 'disconnected', 'MOTION_DISCONNECTED', 'port closed'));
    timer(this.opts.readyTimeoutMs, () => {
      if (!s.ready) void this.end(s, 'fault', 'MOTION_READY_TIMEOUT', `no Firmata answer within ${this.opts.readyTimeoutMs} ms`);
    });

    board.once('ready', () => {
      if (s.ended) return;
      s.ready = true;
      this.backoff.reset();
      for (const pin of this.opts.inputPins) {
        io.pinMode(pin, io.MODES.INPUT);
        io.digitalRead(pin, (value) => {
          if (!s.ended) this.emit('input', pin, value === 1);
        });
      }
      this.heartbeat(s, timer);
      this.opts.log.info({ path, adapter: 'johnny-five' }, 'motion board ready');
      this.setStatus('ready', undefined);
      this.emit('ready');
    });
  }

  /** A board can hang (brown-out, firmware crash) with the port still open: ask it to answer. */
  private heartbeat(s: Session, timer: (ms: number, fn: () => void) => void): void {
    timer(this.opts.heartbeatMs, () => {
      if (s.ended) return;
      let answered = false;
      s.io.reportVersion(() => {
        answered = true;
      });
      timer(this.opts.heartbeatTimeoutMs, () => {
        if (s.ended) return;
        if (!answered) void this.end(s, 'fault', 'MOTION_NOT_ANSWERING', `no answer within ${this.opts.heartbeatTimeoutMs} ms`);
        else this.heartbeat(s, timer);
      });
    });
  }

  private async end(s: Session, status: MotionStatus, code: ErrorCode, detail: string): Promise<void> {
    if (s.ended) return;
    s.ended = true;
    for (const t of s.timers) clearTimeout(t);
    s.timers.clear();
    if (this.session === s) this.session = null;
    if (s.board.timer) clearTimeout(s.board.timer);
    // firmata-io asks for the version after reportVersionTimeout unless it came: a session ended
    // before that must not leave the request pending on a closed port (nor the process awake)
    clearTimeout((s.io as unknown as { reportVersionTimeoutId?: ReturnType<typeof setTimeout> }).reportVersionTimeoutId);
    const cache = johnnyFive().Board.cache;
    if (cache.includes(s.board)) cache.splice(cache.indexOf(s.board), 1);
    s.board.removeAllListeners();
    s.io.removeAllListeners();
    s.io.on('error', () => undefined);
    s.board.on('error', () => undefined);
    const wasReady = s.ready;
    this.opts.log.warn({ code, detail, path: this.opts.path, wasReady }, 'motion board connection ended');
    this.setStatus(status, code);
    if (s.port.isOpen) await new Promise<void>((resolve) => s.port.close(() => resolve()));
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => this.connect(), this.backoff.next());
  }
}
