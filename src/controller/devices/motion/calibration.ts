/**
 * Calibration profile of the head/arm servos and the status light, and the pure arithmetic that
 * turns a requested angle or colour into what goes to the board. Every command passes through
 * `pulseForAngle` / `lightDuties`, so nothing (behaviour, service mode, API) can exceed the limits.
 */
import { z } from 'zod';
import type { Rgb } from '../../../contract/motion';

/** What any hobby servo on the board may receive, whatever a profile says (also sent as SERVO_CONFIG). */
export const PULSE_MIN_US = 600;
export const PULSE_MAX_US = 2400;

export const PROFILE_VERSION = 1;

export const ServoCalibration = z
  .object({
    /** Pulse at the mechanical centre before trim (the servo maker's neutral). */
    centreUs: z.number().int().min(1000).max(2000),
    /** Per-unit correction found in service mode: the horn is never mounted exactly straight. */
    trimUs: z.number().int().min(-300).max(300),
    usPerDeg: z.number().min(5).max(20),
    /** Mechanical limits of this joint in degrees from centre (the shell must not be hit). */
    minDeg: z.number().min(-90).max(0),
    maxDeg: z.number().min(0).max(90),
    /** Mirrored mounting (the left arm): positive angles still mean "raise". */
    inverted: z.boolean(),
    /** Speed limit that makes motion smooth and safe near people. */
    maxSpeedDegPerS: z.number().min(5).max(360),
  })
  .strict();
export type ServoCalibration = z.infer<typeof ServoCalibration>;

const Factor = z.number().min(0).max(1);
export const LightCalibration = z
  .object({
    brightness: Factor,
    /** White balance: per-channel scale so that 255/255/255 looks white on this LED. */
    correction: z.object({ r: Factor, g: Factor, b: Factor }).strict(),
  })
  .strict();
export type LightCalibration = z.infer<typeof LightCalibration>;

export const MotionProfile = z
  .object({
    version: z.literal(PROFILE_VERSION),
    servos: z.object({
      headPan: ServoCalibration,
      headTilt: ServoCalibration,
      leftArm: ServoCalibration,
      rightArm: ServoCalibration,
    }).strict(),
    light: LightCalibration,
  })
  .strict();
export type MotionProfile = z.infer<typeof MotionProfile>;

const servo = (over: Partial<ServoCalibration>): ServoCalibration => ({
  centreUs: 1500, trimUs: 0, usPerDeg: 10, minDeg: -45, maxDeg: 45, inverted: false, maxSpeedDegPerS: 90, ...over,
});

/** Safe defaults: narrow head range, arms that cannot reach the shell, slow speeds. */
export const DEFAULT_PROFILE: MotionProfile = {
  version: PROFILE_VERSION,
  servos: {
    headPan: servo({ minDeg: -60, maxDeg: 60, maxSpeedDegPerS: 120 }),
    headTilt: servo({ minDeg: -20, maxDeg: 25, maxSpeedDegPerS: 60 }),
    leftArm: servo({ minDeg: -75, maxDeg: 75, inverted: true, maxSpeedDegPerS: 150 }),
    rightArm: servo({ minDeg: -75, maxDeg: 75, maxSpeedDegPerS: 150 }),
  },
  light: { brightness: 0.8, correction: { r: 1, g: 0.85, b: 0.9 } },
};

export function clampAngle(cal: ServoCalibration, deg: number): number {
  if (!Number.isFinite(deg)) return 0;
  return Math.min(cal.maxDeg, Math.max(cal.minDeg, deg));
}

/** The pulse width (µs) for an angle: clamped to the joint's limits, trimmed, inverted if mirrored. */
export function pulseForAngle(cal: ServoCalibration, deg: number): number {
  return pulseForPose(cal, clampAngle(cal, deg));
}

/**
 * The pulse for where a servo is, without the joint's limits: after a calibration change the horn
 * may sit beyond the new limits, and it must travel back at its speed limit rather than jump there.
 * Only the motion service's own pose (reached at the speed limit, or mapped back from the pulse
 * last sent) goes through here; every command goes through pulseForAngle.
 */
export function pulseForPose(cal: ServoCalibration, deg: number): number {
  const angle = Number.isFinite(deg) ? deg : 0;
  const us = cal.centreUs + cal.trimUs + (cal.inverted ? -angle : angle) * cal.usPerDeg;
  return Math.round(Math.min(PULSE_MAX_US, Math.max(PULSE_MIN_US, us)));
}

/** The angle (unclamped) at which a calibration sends this pulse: where the horn is, in its terms. */
export function angleForPulse(cal: ServoCalibration, us: number): number {
  const angle = (us - cal.centreUs - cal.trimUs) / cal.usPerDeg;
  return cal.inverted ? -angle : angle;
}

/** PWM duty 0..255 per channel of the status light. */
export function lightDuties(cal: LightCalibration, colour: Rgb): Rgb {
  const ch = (v: number, k: number) => Math.round(Math.min(255, Math.max(0, (Number.isFinite(v) ? v : 0) * cal.brightness * k)));
  return { r: ch(colour.r, cal.correction.r), g: ch(colour.g, cal.correction.g), b: ch(colour.b, cal.correction.b) };
}

/** Moves `current` towards `target` by at most maxDegPerS over dtMs: the speed limit, pure. */
export function stepTowards(current: number, target: number, maxDegPerS: number, dtMs: number): number {
  const maxStep = (maxDegPerS * Math.max(0, dtMs)) / 1000;
  const delta = target - current;
  if (Math.abs(delta) <= maxStep) return target;
  return current + Math.sign(delta) * maxStep;
}
