/**
 * Picks the motion adapter named in the config. The simulator is not a different code path: the
 * composition root starts the simulated board (hardware/sim/board) and passes its tty here, and
 * the same johnny-five link drives it as it drives the real board.
 */
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { CodedError, type ErrorCode } from '../../../contract/error-codes';
import type { PartStatus } from '../../../contract/health';
import type { BehaviourName, MotionStatus, Pose } from '../../../contract/motion';
import type { MotionConfig } from '../../config/motion-schema';
import { DEFAULT_PROFILE, type MotionProfile } from './calibration';
import { JohnnyFiveLink } from './johnny-five-link';
import { MotionService } from './motion-service';
import { REFERENCE_PIN_MAP } from './pinmap';
import type { MotionLog, MotionPort } from './port';
import { loadProfile, saveProfile } from './profile-store';

export interface MotionDeps {
  dataDir: string;
  log: MotionLog;
  now?: () => number;
  /** Required for adapter "simulator": the tty of the started simulated board. */
  simulatorPath?: string;
  /** Behaviour to run whenever the board (re)connects and nothing else runs, normally 'idle'. */
  defaultBehaviour?: BehaviourName;
}

/** Where `npm start` puts the simulated board's tty unless the config says otherwise. */
export function simulatorLinkPath(config: Extract<MotionConfig, { adapter: 'simulator' }>, dataDir: string): string {
  return config.linkPath ?? join(dataDir, 'lobby-board');
}

export function createMotion(config: MotionConfig, deps: MotionDeps): MotionPort {
  if (config.adapter === 'none') return new NoMotion();
  let path: string;
  let baudRate = 57600;
  if (config.adapter === 'simulator') {
    if (!deps.simulatorPath) throw new Error('motion adapter "simulator" needs the simulated board to be started first');
    path = deps.simulatorPath;
  } else {
    path = config.path;
    baudRate = config.baudRate;
  }
  const pins = config.pins ?? REFERENCE_PIN_MAP;
  const { profile, source } = loadProfile(deps.dataDir, deps.log);
  deps.log.info({ source, adapter: config.adapter }, 'motion profile loaded');
  const link = new JohnnyFiveLink({
    path,
    baudRate,
    readyTimeoutMs: config.readyTimeoutMs,
    heartbeatMs: config.heartbeatMs,
    heartbeatTimeoutMs: config.heartbeatTimeoutMs,
    reconnectInitialMs: config.reconnectInitialMs,
    reconnectMaxMs: config.reconnectMaxMs,
    inputPins: [pins.inputs.estop, pins.inputs.presence],
    log: deps.log,
  });
  return new MotionService({
    link,
    pins,
    profile,
    saveProfile: (p) => saveProfile(deps.dataDir, p),
    log: deps.log,
    now: deps.now ?? Date.now,
    presence: { debounceMs: config.presenceDebounceMs, cooldownMs: config.presenceCooldownMs },
    defaultBehaviour: deps.defaultBehaviour,
  });
}

/** What /healthz shows for the motion board. */
export function motionHealth(motion: MotionPort): PartStatus {
  if (motion.adapter === 'none') return { state: 'disabled', adapter: 'none' };
  const code = motion.statusCode;
  const state: PartStatus['state'] =
    motion.status === 'ready' ? (motion.estopActive ? 'degraded' : 'ok') : motion.status === 'connecting' ? 'starting' : 'fault';
  return code ? { state, adapter: motion.adapter, code } : { state, adapter: motion.adapter };
}

/** No board configured: refuses every command with a typed error, never pretends to move. */
class NoMotion extends EventEmitter implements MotionPort {
  readonly adapter = 'none';
  readonly status: MotionStatus = 'disconnected';
  readonly statusCode: ErrorCode = 'MOTION_DISABLED';
  readonly estopActive = false;
  readonly profile: MotionProfile = DEFAULT_PROFILE;
  private refuse(): Promise<never> {
    return Promise.reject(new CodedError('MOTION_DISABLED', 'no motion board is configured'));
  }
  moveServo = () => this.refuse();
  setLight = () => this.refuse();
  runBehaviour = () => this.refuse();
  setProfile = () => this.refuse();
  stopAll(): void {}
  currentPose(): Pose {
    return {};
  }
  async close(): Promise<void> {}
}
