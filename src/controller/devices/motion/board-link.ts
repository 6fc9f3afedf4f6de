/**
 * The motion service's view of a board: a connection that comes and goes, pins to write, inputs
 * that change. The johnny-five adapter is the real one; tests of the service may supply their own.
 */
import type { ErrorCode } from '../../../contract/error-codes';
import type { MotionStatus } from '../../../contract/motion';
import type { MotionStatusChange } from './port';

export interface BoardLinkEvents {
  status: (change: MotionStatusChange) => void;
  /** The board (re)connected and answers: nothing is configured on it yet (it may have rebooted). */
  ready: () => void;
  input: (pin: number, level: boolean) => void;
}

export interface BoardLink {
  /** For logs and /healthz, e.g. "johnny-five /dev/lobby-board". */
  readonly description: string;
  readonly status: MotionStatus;
  readonly code: ErrorCode | undefined;
  start(): void;
  /** Pulse width in µs (attaches the servo on first use after each ready). Throws MOTION_NOT_READY. */
  servoWrite(pin: number, us: number): void;
  /** No more pulses: the servo goes limp. */
  servoRelax(pin: number): void;
  /** Duty 0..255 on a hardware-PWM pin. */
  pwmWrite(pin: number, duty: number): void;
  on<E extends keyof BoardLinkEvents>(event: E, listener: BoardLinkEvents[E]): this;
  off<E extends keyof BoardLinkEvents>(event: E, listener: BoardLinkEvents[E]): this;
  close(): Promise<void>;
}
