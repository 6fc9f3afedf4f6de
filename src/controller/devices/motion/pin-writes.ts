/**
 * What the motion service sends to the board's output pins, once per value: the pulse or duty last
 * sent per pin in this board session (a rebooted board has nothing), and writes that a dropping
 * link refuses are skipped and logged (the status change that follows halts everything anyway).
 */
import type { BoardLink } from './board-link';
import type { MotionLog } from './port';

export class PinWrites {
  private sent = new Map<number, number>();

  constructor(
    private readonly link: BoardLink,
    private readonly log: MotionLog,
  ) {}

  /** A new board session: nothing is known to have been sent. */
  reset(): void {
    this.sent = new Map();
  }

  lastSent(pin: number): number | undefined {
    return this.sent.get(pin);
  }

  servo(pin: number, us: number): void {
    if (this.sent.get(pin) === us) return;
    this.guard(() => this.link.servoWrite(pin, us));
    this.sent.set(pin, us);
  }

  relax(pin: number): void {
    this.guard(() => this.link.servoRelax(pin));
    this.sent.delete(pin);
  }

  pwm(pin: number, duty: number): void {
    if (this.sent.get(pin) === duty) return;
    this.guard(() => this.link.pwmWrite(pin, duty));
    this.sent.set(pin, duty);
  }

  private guard(write: () => void): void {
    try {
      write();
    } catch (e) {
      this.log.debug({ err: (e as Error).message }, 'motion write skipped');
    }
  }
}
