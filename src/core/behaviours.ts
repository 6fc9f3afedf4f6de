/**
 * The robot's behaviours: named, time-bounded keyframe sequences of servo angles and light colour.
 * Pure: the runner (controller) asks `behaviourFrame(def, elapsedMs)` on each tick; time is passed in.
 * Angles are degrees from the calibrated centre and are still clamped and speed-limited by the
 * runner, so a sequence here can be expressive without being able to hurt anything.
 */
import type { BehaviourName, Pose, Rgb, ServoName } from '../contract/motion';
import { SERVO_NAMES } from '../contract/motion';

export interface Keyframe {
  atMs: number;
  pose?: Pose;
  light?: Rgb;
}

export interface BehaviourDef {
  name: BehaviourName;
  /** One cycle (loop) or the whole behaviour (one-shot); every behaviour is bounded. */
  durationMs: number;
  loop: boolean;
  /** What follows a one-shot behaviour. */
  then?: BehaviourName;
  /** Servos stop receiving pulses (service mode: a technician can move the arms by hand). */
  relaxServos?: boolean;
  keyframes: readonly Keyframe[];
}

export interface BehaviourFrame {
  pose: Pose;
  light: Rgb | undefined;
  done: boolean;
}

/** Head centred, arms down by the sides. */
export const REST_POSE: Required<Pose> = { headPan: 0, headTilt: 0, leftArm: -70, rightArm: -70 };

const rgb = (r: number, g: number, b: number): Rgb => ({ r, g, b });
const AMBER = rgb(255, 140, 0);
const RED = rgb(255, 0, 0);

export const BEHAVIOURS: Record<BehaviourName, BehaviourDef> = {
  idle: {
    name: 'idle', durationMs: 4000, loop: true,
    keyframes: [
      { atMs: 0, pose: REST_POSE, light: rgb(0, 40, 60) },
      { atMs: 2000, light: rgb(0, 110, 160) },
      { atMs: 4000, pose: REST_POSE, light: rgb(0, 40, 60) },
    ],
  },
  greet: {
    name: 'greet', durationMs: 3000, loop: false, then: 'idle',
    keyframes: [
      { atMs: 0, pose: { headPan: 0, headTilt: 10, rightArm: -70 }, light: rgb(0, 200, 80) },
      { atMs: 600, pose: { rightArm: 60 } },
      { atMs: 900, pose: { rightArm: 40 } },
      { atMs: 1200, pose: { rightArm: 70 } },
      { atMs: 1500, pose: { rightArm: 40 } },
      { atMs: 1800, pose: { rightArm: 70 } },
      { atMs: 2600, pose: { rightArm: -70, headTilt: 10 } },
      { atMs: 3000, pose: { headTilt: 0 }, light: rgb(0, 200, 80) },
    ],
  },
  listening: {
    name: 'listening', durationMs: 2000, loop: true,
    keyframes: [
      { atMs: 0, pose: { headPan: 0, headTilt: 8, leftArm: -70, rightArm: -70 }, light: rgb(0, 150, 200) },
      { atMs: 1000, light: rgb(0, 200, 255) },
      { atMs: 2000, pose: { headTilt: 8 }, light: rgb(0, 150, 200) },
    ],
  },
  thinking: {
    name: 'thinking', durationMs: 3000, loop: true,
    keyframes: [
      { atMs: 0, pose: { headPan: -15, headTilt: 12, leftArm: -70, rightArm: -70 }, light: rgb(120, 0, 200) },
      { atMs: 1500, pose: { headPan: 15 }, light: rgb(80, 0, 140) },
      { atMs: 3000, pose: { headPan: -15 }, light: rgb(120, 0, 200) },
    ],
  },
  printing: {
    name: 'printing', durationMs: 4000, loop: false, then: 'idle',
    keyframes: [
      // look down at the ticket slot (below-right of the screen) and point to it
      { atMs: 0, pose: { headPan: -30, headTilt: -15, rightArm: -70 }, light: rgb(200, 200, 200) },
      { atMs: 800, pose: { rightArm: -20 } },
      { atMs: 3200, pose: { rightArm: -20, headPan: -30 } },
      { atMs: 4000, pose: { rightArm: -70, headPan: 0, headTilt: 0 } },
    ],
  },
  success: {
    name: 'success', durationMs: 2000, loop: false, then: 'idle',
    keyframes: [
      { atMs: 0, pose: { headTilt: 10, leftArm: -70, rightArm: -70 }, light: rgb(0, 255, 0) },
      { atMs: 700, pose: { leftArm: 30, rightArm: 30 } },
      { atMs: 1400, pose: { leftArm: -70, rightArm: -70 } },
      { atMs: 2000, pose: { headTilt: 0 }, light: rgb(0, 255, 0) },
    ],
  },
  error: {
    name: 'error', durationMs: 3000, loop: false, then: 'idle',
    keyframes: [
      { atMs: 0, pose: { headPan: 0, headTilt: -5, leftArm: -70, rightArm: -70 }, light: RED },
      { atMs: 500, pose: { headPan: -10 } },
      { atMs: 1000, pose: { headPan: 10 } },
      { atMs: 1500, pose: { headPan: 0 } },
      { atMs: 3000, pose: { headTilt: 0 }, light: RED },
    ],
  },
  serviceMode: {
    name: 'serviceMode', durationMs: 4000, loop: true, relaxServos: true,
    keyframes: [{ atMs: 0, light: AMBER }, { atMs: 4000, light: AMBER }],
  },
};

function lerp(a: number, b: number, f: number): number {
  return a + (b - a) * f;
}

/** Value of one track at time t: hold before the first key and after the last, linear between. */
function track<T>(keys: readonly Keyframe[], pick: (k: Keyframe) => T | undefined, t: number, mix: (a: T, b: T, f: number) => T): T | undefined {
  let before: { at: number; v: T } | undefined;
  for (const k of keys) {
    const v = pick(k);
    if (v === undefined) continue;
    if (k.atMs <= t) before = { at: k.atMs, v };
    else if (!before) return v;
    else return mix(before.v, v, (t - before.at) / (k.atMs - before.at));
  }
  return before?.v;
}

export function behaviourFrame(def: BehaviourDef, elapsedMs: number): BehaviourFrame {
  const elapsed = Math.max(0, elapsedMs);
  const done = !def.loop && elapsed >= def.durationMs;
  const t = def.loop ? elapsed % def.durationMs : Math.min(elapsed, def.durationMs);
  const pose: Pose = {};
  if (!def.relaxServos) {
    for (const servo of SERVO_NAMES as readonly ServoName[]) {
      const v = track(def.keyframes, (k) => k.pose?.[servo], t, lerp);
      if (v !== undefined) pose[servo] = v;
    }
  }
  const light = track(def.keyframes, (k) => k.light, t, (a, b, f) => ({
    r: Math.round(lerp(a.r, b.r, f)), g: Math.round(lerp(a.g, b.g, f)), b: Math.round(lerp(a.b, b.b, f)),
  }));
  return { pose, light, done };
}
