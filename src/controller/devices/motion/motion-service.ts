/**
 * The motion port over a board link: clamps every command to the calibration, moves servos at
 * their speed limit, runs behaviours, greets on presence, and stops everything at once on an
 * emergency stop or a board fault. After a reconnect it restores the last pose it had commanded
 * (the last safe pose), once it knows the e-stop is not pressed.
 */
import { EventEmitter } from 'node:events';
import { CodedError, type ErrorCode } from '../../../contract/error-codes';
import { BehaviourName, Rgb, SERVO_NAMES, ServoName, type MotionStatus, type Pose } from '../../../contract/motion';
import { BEHAVIOURS, behaviourFrame, REST_POSE, type BehaviourDef } from '../../../core/behaviours';
import type { PresenceOptions } from '../../../core/presence';
import type { BoardLink } from './board-link';
import { angleForPulse, clampAngle, lightDuties, MotionProfile, pulseForPose, type ServoCalibration } from './calibration';
import { PinWrites } from './pin-writes';
import type { PinMap } from './pinmap';
import { PresenceWatch } from './presence-watch';
import type { MotionLog, MotionPort, MoveOptions } from './port';
import { ServoTargets, type Waiter } from './servo-targets';

export interface MotionServiceOptions {
  link: BoardLink;
  pins: PinMap;
  profile: MotionProfile;
  saveProfile: (profile: MotionProfile) => void;
  log: MotionLog;
  now: () => number;
  /** Servo/light update period; 20 ms matches the servo frame. */
  tickMs?: number;
  presence?: PresenceOptions;
  /**
   * Started after each (re)connection once the pose is restored, if nothing else runs (e.g. idle).
   * Never started by an e-stop release: clearing a stop must not set the robot moving by itself.
   */
  defaultBehaviour?: BehaviourName;
}

/** Shown while the e-stop is pressed. */
const ESTOP_LIGHT: Rgb = { r: 255, g: 0, b: 0 };
const DEFAULT_TICK_MS = 20;

interface Running {
  def: BehaviourDef;
  startedMs: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class MotionService extends EventEmitter implements MotionPort {
  readonly adapter: string;
  private profileValue: MotionProfile;
  private readonly pose: Record<ServoName, number> = { ...REST_POSE };
  private readonly targets: ServoTargets;
  private readonly relaxed = new Set<ServoName>();
  private readonly writes: PinWrites;
  private light: Rgb = { r: 0, g: 0, b: 0 };
  private running: Running | null = null;
  private estop = false;
  private estopKnown = false;
  private needsRestore = true;
  private readonly presence: PresenceWatch;
  private readonly ticker: NodeJS.Timeout;
  private readonly estopLevel: boolean;
  private readonly presenceLevel: boolean;

  constructor(private readonly opts: MotionServiceOptions) {
    super();
    this.adapter = opts.link.description;
    this.profileValue = opts.profile;
    this.estopLevel = opts.pins.estopActiveLevel === 'high';
    this.presenceLevel = opts.pins.presenceActiveLevel === 'high';
    const tickMs = opts.tickMs ?? DEFAULT_TICK_MS;
    this.targets = new ServoTargets(tickMs);
    this.writes = new PinWrites(opts.link, opts.log);
    this.presence = new PresenceWatch(opts.now, opts.presence, (p) => this.emit('presence', p), () => this.greet());
    opts.link.on('status', (change) => {
      if (change.status !== 'ready') {
        this.estopKnown = false;
        this.needsRestore = true;
        this.haltAll('MOTION_DISCONNECTED');
      }
      this.emit('status', change);
    });
    opts.link.on('ready', () => {
      this.writes.reset();
      this.needsRestore = true;
    });
    opts.link.on('input', (pin, level) => this.onInput(pin, level));
    this.ticker = setInterval(() => this.tick(), tickMs);
    opts.link.start();
  }

  get status(): MotionStatus {
    return this.opts.link.status;
  }
  get statusCode(): ErrorCode | undefined {
    return this.estop && this.status === 'ready' ? 'MOTION_ESTOP' : this.opts.link.code;
  }
  get estopActive(): boolean {
    return this.estop;
  }
  get profile(): MotionProfile {
    return this.profileValue;
  }

  currentPose(): Pose {
    return { ...this.pose };
  }

  moveServo(servo: ServoName, angleDeg: number, options: MoveOptions = {}): Promise<void> {
    const name = ServoName.safeParse(servo);
    if (!name.success || !Number.isFinite(angleDeg)) return Promise.reject(new CodedError('INVALID_PAYLOAD', 'servo name or angle'));
    const blocked = this.blockedReason();
    if (blocked) return Promise.reject(new CodedError(blocked));
    this.endBehaviour('replaced');
    return new Promise((resolve, reject) => {
      this.setTarget(name.data, angleDeg, options.maxSpeedDegPerS, { resolve, reject });
      // step now rather than at the next tick (up to 20 ms away): each servo travels for the time
      // since its own last step, so an extra tick keeps every speed limit
      this.tick();
    });
  }

  async setLight(colour: Rgb): Promise<void> {
    const parsed = Rgb.safeParse(colour);
    if (!parsed.success) throw new CodedError('INVALID_PAYLOAD', 'colour');
    const blocked = this.blockedReason();
    if (blocked) throw new CodedError(blocked);
    this.light = parsed.data;
    this.writeLight(this.light);
  }

  runBehaviour(name: BehaviourName): Promise<void> {
    const parsed = BehaviourName.safeParse(name);
    if (!parsed.success) return Promise.reject(new CodedError('INVALID_PAYLOAD', 'behaviour'));
    const blocked = this.blockedReason();
    if (blocked) return Promise.reject(new CodedError(blocked));
    this.endBehaviour('replaced');
    this.targets.rejectAll('MOTION_STOPPED');
    const def = BEHAVIOURS[parsed.data];
    return new Promise((resolve, reject) => {
      this.running = { def, startedMs: this.opts.now(), resolve, reject };
      for (const servo of SERVO_NAMES) {
        if (def.relaxServos) this.relax(servo);
        else this.relaxed.delete(servo);
      }
      this.emit('behaviour', { name: def.name, phase: 'start' });
      this.tick();
    });
  }

  stopAll(): void {
    this.haltAll('MOTION_STOPPED');
  }

  /**
   * A new calibration changes the pulse of the same angle: each servo travels there at its speed
   * limit like any move (an e-stop halts it), never in one jump. Refused while the e-stop is pressed
   * or unknown on a ready board; with no board it is only saved (a board that boots starts afresh).
   */
  async setProfile(profile: MotionProfile): Promise<void> {
    const valid = MotionProfile.parse(profile);
    const blocked = this.status === 'ready' ? this.blockedReason() : undefined;
    if (blocked) throw new CodedError(blocked);
    this.opts.saveProfile(valid);
    this.profileValue = valid;
    for (const servo of SERVO_NAMES) this.retarget(servo, valid.servos[servo]);
    this.writeLight(this.estop ? ESTOP_LIGHT : this.light);
  }

  async close(): Promise<void> {
    clearInterval(this.ticker);
    this.presence.close();
    this.haltAll('MOTION_STOPPED');
    await this.opts.link.close();
    this.removeAllListeners();
  }

  private blockedReason(): ErrorCode | undefined {
    if (this.status !== 'ready') return 'MOTION_NOT_READY';
    if (this.estop || !this.estopKnown) return 'MOTION_ESTOP';
    return undefined;
  }

  /** Where the horn is (the pulse last sent) in the new calibration's terms, heading for its pose. */
  private retarget(servo: ServoName, cal: ServoCalibration): void {
    const wanted = clampAngle(cal, this.pose[servo]);
    const sent = this.status === 'ready' && !this.relaxed.has(servo) ? this.writes.lastSent(this.opts.pins.servos[servo]) : undefined;
    if (sent === undefined) return void (this.pose[servo] = wanted);
    this.pose[servo] = angleForPulse(cal, sent);
    const target = this.targets.get(servo);
    if (!target) return this.setTarget(servo, wanted, undefined);
    target.deg = clampAngle(cal, target.deg);
    target.speed = Math.min(target.speed, cal.maxSpeedDegPerS);
  }

  /** Everything stops where it is: servos keep the last pulse they were sent. */
  private haltAll(code: ErrorCode): void {
    this.endBehaviour('interrupted', code);
    this.targets.rejectAll(code);
  }

  /** Heads a servo for an angle within its calibration, no faster than its limit (or a slower one asked for). */
  private setTarget(servo: ServoName, deg: number, speed: number | undefined, waiter?: Waiter): void {
    const cal = this.profileValue.servos[servo];
    const limit = Math.min(cal.maxSpeedDegPerS, speed && speed > 0 ? speed : Infinity);
    this.relaxed.delete(servo);
    this.targets.set(servo, clampAngle(cal, deg), limit, waiter);
  }

  /** A behaviour that ends or is replaced by another command settled normally; a halted one did not. */
  private endBehaviour(how: 'end' | 'replaced' | 'interrupted', code: ErrorCode = 'MOTION_STOPPED'): void {
    const r = this.running;
    if (!r) return;
    this.running = null;
    this.emit('behaviour', { name: r.def.name, phase: how === 'end' ? 'end' : 'interrupted' });
    if (how === 'interrupted') r.reject(new CodedError(code, `behaviour ${r.def.name} interrupted`));
    else r.resolve();
  }

  private tick(): void {
    const now = this.opts.now();
    if (this.status !== 'ready' || !this.estopKnown || this.estop) return;
    if (this.needsRestore) this.restore();
    const r = this.running;
    if (r) {
      const frame = behaviourFrame(r.def, now - r.startedMs);
      for (const servo of SERVO_NAMES) {
        const deg = frame.pose[servo];
        if (deg !== undefined) this.setTarget(servo, deg, undefined);
      }
      if (frame.light) this.writeLight(frame.light);
      if (frame.done) {
        this.endBehaviour('end');
        if (r.def.then) this.runBehaviour(r.def.then).catch(() => undefined);
      }
    }
    this.targets.step(this.pose, now, (servo) => this.writeServo(servo));
  }

  /** A (re)connected board knows nothing: send the last safe pose and the light again. */
  private restore(): void {
    this.needsRestore = false;
    for (const servo of SERVO_NAMES) {
      // where a rebooted board's servos are is unknown: the last pose, within the limits
      this.pose[servo] = clampAngle(this.profileValue.servos[servo], this.pose[servo]);
      this.writeServo(servo);
    }
    this.writeLight(this.light);
    this.opts.log.info({ pose: this.currentPose() }, 'motion board state restored');
    const fallback = this.opts.defaultBehaviour;
    if (fallback && !this.running) this.runBehaviour(fallback).catch(() => undefined);
  }

  private writeServo(servo: ServoName): void {
    if (this.relaxed.has(servo) || this.status !== 'ready') return;
    this.writes.servo(this.opts.pins.servos[servo], pulseForPose(this.profileValue.servos[servo], this.pose[servo]));
  }

  private relax(servo: ServoName): void {
    this.relaxed.add(servo);
    this.targets.drop(servo);
    this.writes.relax(this.opts.pins.servos[servo]);
  }

  private writeLight(colour: Rgb): void {
    if (this.status !== 'ready') return;
    const duty = lightDuties(this.profileValue.light, colour);
    for (const ch of ['r', 'g', 'b'] as const) this.writes.pwm(this.opts.pins.light[ch], duty[ch]);
  }

  private onInput(pin: number, level: boolean): void {
    const { inputs } = this.opts.pins;
    if (pin === inputs.estop) this.onEstop(level === this.estopLevel);
    else if (pin === inputs.presence) this.presence.input(level === this.presenceLevel);
  }

  private onEstop(active: boolean): void {
    const first = !this.estopKnown;
    this.estopKnown = true;
    if (active === this.estop && !first) return;
    this.estop = active;
    if (active) {
      this.haltAll('MOTION_ESTOP');
      this.writeLight(ESTOP_LIGHT);
      this.opts.log.warn({ code: 'MOTION_ESTOP' }, 'emergency stop pressed: all motion stopped');
    } else if (!first) {
      this.writeLight(this.light);
      this.opts.log.info({}, 'emergency stop released');
    }
    if (!first || active) this.emit('estop', active);
    this.emit('status', { status: this.status, ...(this.statusCode ? { code: this.statusCode } : {}) });
  }

  private greet(): void {
    const calm = !this.running || this.running.def.name === 'idle';
    if (calm && !this.blockedReason()) this.runBehaviour('greet').catch(() => undefined);
  }
}
