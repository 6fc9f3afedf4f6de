/**
 * The motion board as the technician sees it: live servo moves (clamped by the calibration like
 * every other command), trim and limits saved to the persisted profile, light test, behaviours,
 * presence and e-stop. Slider moves arrive many times a second; their audit row is written once
 * the servo has been left alone for a moment (first angle -> last angle), not per step.
 */
import { BEHAVIOUR_NAMES, SERVO_NAMES, type BehaviourName, type Rgb, type ServoName } from '../../contract/motion';
import type { ServiceBoard } from '../../contract/service';
import type { MotionPort } from '../devices/motion/port';

export interface BoardAudit {
  (action: string, change: { old?: unknown; new?: unknown; [k: string]: unknown }): void;
}

const MOVE_AUDIT_QUIET_MS = 1500;
/** A refusal (e-stop, not ready) comes back at once; a move that is accepted may take seconds. */
const REFUSAL_WINDOW_MS = 40;

type Calibration = ServiceBoard['servos'][ServoName];

export class BoardPanel {
  private presence: boolean | null = null;
  private readonly moves = new Map<ServoName, { from: number; to: number; timer: NodeJS.Timeout; audit: BoardAudit }>();
  private readonly onPresence = (p: boolean) => {
    this.presence = p;
    this.publishPresence(p);
  };

  constructor(
    private readonly motion: MotionPort,
    private readonly publishPresence: (present: boolean) => void,
  ) {
    motion.on('presence', this.onPresence);
  }

  view(): ServiceBoard {
    const m = this.motion;
    const servos = Object.fromEntries(
      SERVO_NAMES.map((s) => {
        const c = m.profile.servos[s];
        return [s, { trimUs: c.trimUs, minDeg: c.minDeg, maxDeg: c.maxDeg }];
      }),
    ) as Record<ServoName, Calibration>;
    return {
      adapter: m.adapter, status: m.status, ...(m.statusCode ? { code: m.statusCode } : {}), estop: m.estopActive, presence: this.presence,
      pose: m.currentPose(), servos, behaviours: [...BEHAVIOUR_NAMES],
    };
  }

  async move(servo: ServoName, angle: number, audit: BoardAudit): Promise<void> {
    const before = this.motion.currentPose()[servo] ?? 0;
    const moving = this.motion.moveServo(servo, angle);
    const refusal = await Promise.race([
      moving.then(() => undefined, (e: unknown) => e),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), REFUSAL_WINDOW_MS)),
    ]);
    moving.catch(() => undefined);
    if (refusal) throw refusal;
    const pending = this.moves.get(servo);
    if (pending) clearTimeout(pending.timer);
    const entry = { from: pending?.from ?? before, to: angle, audit, timer: setTimeout(() => this.flushMove(servo), MOVE_AUDIT_QUIET_MS) };
    entry.timer.unref();
    this.moves.set(servo, entry);
  }

  private flushMove(servo: ServoName): void {
    const m = this.moves.get(servo);
    if (!m) return;
    clearTimeout(m.timer);
    this.moves.delete(servo);
    m.audit('service.board.move', { servo, old: Math.round(m.from * 10) / 10, new: m.to });
  }

  /** Trim and limits of one servo, applied at once and saved (survives a restart). */
  async calibrate(servo: ServoName, calibration: Calibration, audit: BoardAudit): Promise<ServiceBoard> {
    const profile = structuredClone(this.motion.profile);
    const old = { trimUs: profile.servos[servo].trimUs, minDeg: profile.servos[servo].minDeg, maxDeg: profile.servos[servo].maxDeg };
    profile.servos[servo] = { ...profile.servos[servo], ...calibration };
    await this.motion.setProfile(profile);
    audit('service.board.calibrate', { servo, old, new: calibration });
    return this.view();
  }

  async light(colour: Rgb, audit: BoardAudit): Promise<void> {
    await this.motion.setLight(colour);
    audit('service.board.light', { new: colour });
  }

  /** Starts a behaviour and returns; a refusal (e-stop, no board) is reported at once. */
  async behaviour(name: BehaviourName, audit: BoardAudit): Promise<void> {
    const running = this.motion.runBehaviour(name);
    const refusal = await Promise.race([
      running.then(() => undefined, (e: unknown) => e),
      new Promise<undefined>((r) => setTimeout(() => r(undefined), REFUSAL_WINDOW_MS)),
    ]);
    running.catch(() => undefined);
    if (refusal) throw refusal;
    audit('service.board.behaviour', { new: name });
  }

  stop(audit: BoardAudit): void {
    this.motion.stopAll();
    audit('service.board.stop', {});
  }

  /** Writes the audit rows of moves still settling (session end, shutdown). */
  flush(): void {
    for (const servo of [...this.moves.keys()]) this.flushMove(servo);
  }

  close(): void {
    this.flush();
    this.motion.off('presence', this.onPresence);
  }
}
