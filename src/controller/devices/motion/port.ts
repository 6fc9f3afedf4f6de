/**
 * The motion port: head, arms and status light of the robot, whatever board drives them.
 * The controller's composition root picks an adapter (createMotion); nothing else knows which.
 */
import type { ErrorCode } from '../../../contract/error-codes';
import type { BehaviourName, MotionStatus, Pose, Rgb, ServoName } from '../../../contract/motion';
import type { MotionProfile } from './calibration';

export interface MotionLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface MotionStatusChange {
  status: MotionStatus;
  /** Why it is not ready (MOTION_DISCONNECTED, MOTION_READY_TIMEOUT, ...). */
  code?: ErrorCode;
}

export interface MotionEvents {
  status: (change: MotionStatusChange) => void;
  /** The emergency stop was pressed (active) or released. */
  estop: (active: boolean) => void;
  /** The presence sensor's level changed (greeting itself is debounced and rate-limited). */
  presence: (present: boolean) => void;
  behaviour: (event: { name: BehaviourName; phase: 'start' | 'end' | 'interrupted' }) => void;
}

export interface MoveOptions {
  /** Lower than the calibrated limit only; the calibrated maximum always applies. */
  maxSpeedDegPerS?: number;
}

export interface MotionPort {
  readonly adapter: string;
  readonly status: MotionStatus;
  readonly statusCode: ErrorCode | undefined;
  readonly estopActive: boolean;
  readonly profile: MotionProfile;
  on<E extends keyof MotionEvents>(event: E, listener: MotionEvents[E]): this;
  off<E extends keyof MotionEvents>(event: E, listener: MotionEvents[E]): this;
  /** Speed-limited move to a clamped angle; resolves when reached, rejects MOTION_ESTOP / MOTION_STOPPED / MOTION_NOT_READY. */
  moveServo(servo: ServoName, angleDeg: number, options?: MoveOptions): Promise<void>;
  setLight(colour: Rgb): Promise<void>;
  /**
   * Starts a behaviour, replacing the current one. Resolves when it ends (one-shot) or is replaced
   * by another command (a looping one runs until then); rejects MOTION_STOPPED / MOTION_ESTOP /
   * MOTION_DISCONNECTED when halted, MOTION_NOT_READY / MOTION_ESTOP when it cannot start.
   */
  runBehaviour(name: BehaviourName): Promise<void>;
  /** Stops every motion where it is (servos hold their position). */
  stopAll(): void;
  /** Replaces and persists the calibration (service mode); the current pose is re-applied within the new limits. */
  setProfile(profile: MotionProfile): Promise<void>;
  /** Where each servo is commanded to be now (degrees from centre). */
  currentPose(): Pose;
  close(): Promise<void>;
}
