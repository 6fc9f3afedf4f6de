/**
 * Where each moving servo is heading, how fast it may go, and who waits for it to arrive. Each
 * servo travels for the time since its own last step (not the tick's), so an extra step between
 * ticks keeps every speed limit and a stalled event loop does not turn into a jump.
 */
import { CodedError, type ErrorCode } from '../../../contract/error-codes';
import type { ServoName } from '../../../contract/motion';
import { stepTowards } from './calibration';

/** A stalled event loop must not turn into a jump: the speed limit holds across long ticks. */
const MAX_TICK_DT_MS = 100;

export interface Waiter {
  resolve: () => void;
  reject: (e: Error) => void;
}

export interface Target {
  deg: number;
  speed: number;
  waiters: Waiter[];
}

export class ServoTargets {
  private readonly targets = new Map<ServoName, Target>();
  /** When each servo last stepped towards a target: it travels for the time since then (its own clock, not the tick's). */
  private readonly steppedAt = new Map<ServoName, number>();
  /** Servos whose target was set while they stood still: their first step is at most one tick's worth. */
  private readonly fromRest = new Set<ServoName>();

  constructor(private readonly tickMs: number) {}

  get(servo: ServoName): Target | undefined {
    return this.targets.get(servo);
  }

  /** Heads the servo for `deg` (already within its limits); a target it had is superseded, its waiters settle. */
  set(servo: ServoName, deg: number, speed: number, waiter?: Waiter): void {
    const previous = this.targets.get(servo);
    previous?.waiters.forEach((w) => w.resolve()); // superseded
    if (!previous) this.fromRest.add(servo);
    this.targets.set(servo, { deg, speed, waiters: waiter ? [waiter] : [] });
  }

  /** The servo stops heading anywhere; whoever waited is left as is (a relaxed servo has no target). */
  drop(servo: ServoName): void {
    this.targets.delete(servo);
  }

  rejectAll(code: ErrorCode): void {
    for (const t of this.targets.values()) t.waiters.forEach((w) => w.reject(new CodedError(code)));
    this.targets.clear();
  }

  /** Moves every servo with a target one step along `pose`, writes it, and settles those that arrived. */
  step(pose: Record<ServoName, number>, now: number, write: (servo: ServoName) => void): void {
    for (const [servo, target] of this.targets) {
      pose[servo] = stepTowards(pose[servo], target.deg, target.speed, this.travelMs(servo, now));
      write(servo);
      if (pose[servo] === target.deg) {
        this.targets.delete(servo);
        target.waiters.forEach((w) => w.resolve());
      }
    }
  }

  /**
   * How long a servo may travel at this step: the time since its own last step, at most one tick
   * when it starts from rest (what the next tick would have given it) and MAX_TICK_DT_MS in motion.
   */
  private travelMs(servo: ServoName, now: number): number {
    const cap = this.fromRest.delete(servo) ? this.tickMs : MAX_TICK_DT_MS;
    const dt = Math.min(cap, Math.max(0, now - (this.steppedAt.get(servo) ?? -Infinity)));
    this.steppedAt.set(servo, now);
    return dt;
  }
}
