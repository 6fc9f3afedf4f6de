import { BEHAVIOUR_NAMES, SERVO_NAMES } from '../../../src/contract/motion';
import { BEHAVIOURS, behaviourFrame, REST_POSE } from '../../../src/core/behaviours';

test('every named behaviour exists, is time-bounded and has ordered keyframes within its duration', () => {
  for (const name of BEHAVIOUR_NAMES) {
    const def = BEHAVIOURS[name];
    expect(def.name).toBe(name);
    expect(def.durationMs).toBeGreaterThan(0);
    expect(def.durationMs).toBeLessThanOrEqual(10_000);
    const times = def.keyframes.map((k) => k.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(def.durationMs);
    if (!def.loop) expect(def.then).toBeDefined();
  }
});

test('idle: head centred, arms at rest, a slow breathing light that loops', () => {
  const idle = BEHAVIOURS.idle;
  const start = behaviourFrame(idle, 0);
  const peak = behaviourFrame(idle, 2000);
  expect(start.pose).toEqual(REST_POSE);
  expect(peak.light!.b).toBeGreaterThan(start.light!.b);
  expect(behaviourFrame(idle, 4000 * 7 + 2000)).toEqual(peak);
  expect(behaviourFrame(idle, 1_000_000).done).toBe(false);
});

test('greet raises and waves the right arm, looks up, then ends and hands over to idle', () => {
  const greet = BEHAVIOURS.greet;
  expect(behaviourFrame(greet, 0).pose.rightArm).toBe(-70);
  expect(behaviourFrame(greet, 600).pose.rightArm).toBe(60);
  // halfway between two wave keyframes (40 at 900 ms, 70 at 1200 ms)
  expect(behaviourFrame(greet, 1050).pose.rightArm).toBeCloseTo(55);
  expect(behaviourFrame(greet, 300).pose.headTilt).toBe(10);
  expect(behaviourFrame(greet, 2999).done).toBe(false);
  const end = behaviourFrame(greet, 3000);
  expect(end.done).toBe(true);
  expect(end.pose.rightArm).toBe(-70);
  expect(greet.then).toBe('idle');
});

test('printing turns the head towards the ticket slot and points at it', () => {
  const mid = behaviourFrame(BEHAVIOURS.printing, 2000);
  expect(mid.pose.headPan).toBeLessThan(0);
  expect(mid.pose.headTilt).toBeLessThan(0);
  expect(mid.pose.rightArm).toBeGreaterThan(REST_POSE.rightArm);
});

test('error is red, service mode is amber with no servo commands (servos relaxed)', () => {
  expect(behaviourFrame(BEHAVIOURS.error, 100).light).toEqual({ r: 255, g: 0, b: 0 });
  const service = behaviourFrame(BEHAVIOURS.serviceMode, 1234);
  expect(service.light).toEqual({ r: 255, g: 140, b: 0 });
  expect(service.pose).toEqual({});
  expect(BEHAVIOURS.serviceMode.relaxServos).toBe(true);
});

test('frames only ever name known servos with finite angles', () => {
  for (const def of Object.values(BEHAVIOURS)) {
    for (let t = -100; t <= def.durationMs + 100; t += 50) {
      const frame = behaviourFrame(def, t);
      for (const [servo, deg] of Object.entries(frame.pose)) {
        expect(SERVO_NAMES).toContain(servo);
        expect(Number.isFinite(deg)).toBe(true);
      }
    }
  }
});
