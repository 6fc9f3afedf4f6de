import fc from 'fast-check';
import {
  angleForPulse, clampAngle, DEFAULT_PROFILE, lightDuties, MotionProfile, PULSE_MAX_US, PULSE_MIN_US, pulseForAngle, pulseForPose, stepTowards, type ServoCalibration,
} from '../../../src/controller/devices/motion/calibration';

const cal = (over: Partial<ServoCalibration> = {}): ServoCalibration => ({
  centreUs: 1500, trimUs: 0, usPerDeg: 10, minDeg: -45, maxDeg: 45, inverted: false, maxSpeedDegPerS: 90, ...over,
});

describe('pulseForAngle', () => {
  test('centre plus trim plus angle times µs per degree', () => {
    expect(pulseForAngle(cal(), 0)).toBe(1500);
    expect(pulseForAngle(cal({ trimUs: -35 }), 10)).toBe(1565);
    expect(pulseForAngle(cal({ usPerDeg: 11.1 }), 20)).toBe(1722);
  });

  test('an inverted (mirrored) servo moves the other way around its trimmed centre', () => {
    expect(pulseForAngle(cal({ inverted: true, trimUs: 20 }), 30)).toBe(1220);
  });

  test('angles beyond the joint limits are clamped, and garbage goes to centre', () => {
    expect(pulseForAngle(cal(), 170)).toBe(1950);
    expect(pulseForAngle(cal(), -1e9)).toBe(1050);
    expect(pulseForAngle(cal(), Number.NaN)).toBe(1500);
    expect(clampAngle(cal({ minDeg: -20 }), -90)).toBe(-20);
  });

  test('whatever the (valid) calibration and request, the pulse stays within the hardware limits and the joint limits', () => {
    const profileServo = MotionProfile.shape.servos.shape.headPan;
    const arbitraryCal = fc.record({
      centreUs: fc.integer({ min: 1000, max: 2000 }), trimUs: fc.integer({ min: -300, max: 300 }), usPerDeg: fc.double({ min: 5, max: 20, noNaN: true }),
      minDeg: fc.double({ min: -90, max: 0, noNaN: true }), maxDeg: fc.double({ min: 0, max: 90, noNaN: true }), inverted: fc.boolean(),
      maxSpeedDegPerS: fc.double({ min: 5, max: 360, noNaN: true }),
    });
    fc.assert(fc.property(arbitraryCal, fc.double(), (c, deg) => {
      expect(profileServo.safeParse(c).success).toBe(true);
      const us = pulseForAngle(c, deg);
      expect(us).toBeGreaterThanOrEqual(PULSE_MIN_US);
      expect(us).toBeLessThanOrEqual(PULSE_MAX_US);
      const lo = pulseForAngle(c, c.minDeg);
      const hi = pulseForAngle(c, c.maxDeg);
      expect(us).toBeGreaterThanOrEqual(Math.min(lo, hi));
      expect(us).toBeLessThanOrEqual(Math.max(lo, hi));
    }));
  });
});

describe('lightDuties', () => {
  test('brightness and per-channel correction scale each channel', () => {
    expect(lightDuties({ brightness: 1, correction: { r: 1, g: 0.5, b: 1 } }, { r: 255, g: 128, b: 0 })).toEqual({ r: 255, g: 64, b: 0 });
    expect(lightDuties({ brightness: 0.5, correction: { r: 1, g: 1, b: 0.8 } }, { r: 200, g: 100, b: 255 })).toEqual({ r: 100, g: 50, b: 102 });
  });

  test('out-of-range input never produces a duty outside 0..255', () => {
    expect(lightDuties({ brightness: 1, correction: { r: 1, g: 1, b: 1 } }, { r: 9999, g: -5, b: Number.NaN })).toEqual({ r: 255, g: 0, b: 0 });
  });
});

describe('stepTowards (the speed limit)', () => {
  test('moves at most maxDegPerS × dt and lands exactly on the target', () => {
    expect(stepTowards(0, 90, 90, 100)).toBeCloseTo(9);
    expect(stepTowards(0, -90, 90, 100)).toBeCloseTo(-9);
    expect(stepTowards(85, 90, 90, 100)).toBe(90);
    expect(stepTowards(10, 90, 90, -50)).toBe(10);
  });
});

test('the default profile is valid and keeps the arms off the shell', () => {
  expect(MotionProfile.safeParse(DEFAULT_PROFILE).success).toBe(true);
  expect(DEFAULT_PROFILE.servos.leftArm.inverted).toBe(true);
  for (const s of Object.values(DEFAULT_PROFILE.servos)) expect(s.maxDeg - s.minDeg).toBeLessThanOrEqual(150);
});

test('a pulse maps back to the angle that sends it, beyond the limits too (calibration changes travel from there)', () => {
  const arm = { ...DEFAULT_PROFILE.servos.leftArm, trimUs: 40 };
  for (const us of [900, 1500, 1540, 2300]) expect(pulseForPose(arm, angleForPulse(arm, us))).toBe(us);
  expect(angleForPulse(arm, 1540 - 800)).toBe(80); // mirrored: a lower pulse is a raised arm, past maxDeg 75
  expect(pulseForPose(arm, 80)).toBe(740);
  expect(pulseForAngle(arm, 80)).toBe(1540 - 750); // a command is still clamped
});
