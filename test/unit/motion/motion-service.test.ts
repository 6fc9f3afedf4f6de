/**
 * The runner's sequencing against a fake board link owned by this test, with jest's fake clock:
 * speed limits, gating on e-stop and readiness, and the restore after a reconnect.
 */
import { EventEmitter } from 'node:events';
import { CodedError, type ErrorCode } from '../../../src/contract/error-codes';
import type { MotionStatus } from '../../../src/contract/motion';
import type { BoardLink } from '../../../src/controller/devices/motion/board-link';
import { DEFAULT_PROFILE } from '../../../src/controller/devices/motion/calibration';
import { MotionService } from '../../../src/controller/devices/motion/motion-service';
import { createMotion, motionHealth } from '../../../src/controller/devices/motion/create-motion';
import { REFERENCE_PIN_MAP as PINS } from '../../../src/controller/devices/motion/pinmap';

class FakeLink extends EventEmitter implements BoardLink {
  readonly description = 'fake';
  status: MotionStatus = 'disconnected';
  code: ErrorCode | undefined = 'MOTION_DISCONNECTED';
  writes: Array<[string, number, number]> = [];
  start(): void {}
  servoWrite(pin: number, us: number): void {
    if (this.status !== 'ready') throw new CodedError('MOTION_NOT_READY');
    this.writes.push(['servo', pin, us]);
  }
  servoRelax(pin: number): void {
    this.writes.push(['relax', pin, 0]);
  }
  pwmWrite(pin: number, duty: number): void {
    this.writes.push(['pwm', pin, duty]);
  }
  async close(): Promise<void> {}
  connect(estopPressed = false): void {
    this.status = 'ready';
    this.code = undefined;
    this.emit('ready');
    this.emit('status', { status: 'ready' });
    this.emit('input', PINS.inputs.estop, estopPressed);
  }
  drop(): void {
    this.status = 'disconnected';
    this.code = 'MOTION_DISCONNECTED';
    this.emit('status', { status: 'disconnected', code: 'MOTION_DISCONNECTED' });
  }
  lastServo(pin: number): number | undefined {
    return this.writes.filter((w) => w[0] === 'servo' && w[1] === pin).at(-1)?.[2];
  }
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
let services: MotionService[] = [];

function setup(extra: { defaultBehaviour?: 'idle' } = {}) {
  const link = new FakeLink();
  const saved: unknown[] = [];
  const motion = new MotionService({
    link, pins: PINS, profile: structuredClone(DEFAULT_PROFILE), saveProfile: (p) => void saved.push(p), log: silent, now: () => Date.now(), ...extra,
  });
  services.push(motion);
  return { link, motion, saved };
}

beforeEach(() => jest.useFakeTimers());
afterEach(async () => {
  for (const s of services) await s.close();
  services = [];
  jest.useRealTimers();
});

const PAN = PINS.servos.headPan;

test('nothing is accepted before the board is ready and has reported the e-stop released', async () => {
  const { link, motion } = setup();
  await expect(motion.moveServo('headPan', 10)).rejects.toMatchObject({ code: 'MOTION_NOT_READY' });
  link.status = 'ready';
  link.emit('status', { status: 'ready' });
  await expect(motion.setLight({ r: 1, g: 2, b: 3 })).rejects.toMatchObject({ code: 'MOTION_ESTOP' });
  link.emit('input', PINS.inputs.estop, false);
  await expect(motion.setLight({ r: 255, g: 0, b: 0 })).resolves.toBeUndefined();
});

test('a move runs at the calibrated speed limit, never faster, even across a stalled event loop', async () => {
  const { link, motion } = setup();
  link.connect();
  jest.advanceTimersByTime(40);
  const done = motion.moveServo('headPan', 60, { maxSpeedDegPerS: 1000 }); // asks for more than the 120°/s limit
  jest.advanceTimersByTime(200);
  const after200 = link.lastServo(PAN)!;
  expect(after200).toBeGreaterThan(1500);
  expect(after200).toBeLessThanOrEqual(1500 + 0.22 * 120 * 10);
  jest.advanceTimersByTime(1000);
  await done;
  expect(link.lastServo(PAN)).toBe(2100);
  const pulses = link.writes.filter((w) => w[0] === 'servo' && w[1] === PAN).map((w) => w[2]);
  for (let i = 1; i < pulses.length; i++) expect(pulses[i]! - pulses[i - 1]!).toBeLessThanOrEqual(120 * 10 * 0.1 + 1);

  // the clock jumps a whole second between two ticks (a stalled loop): still one bounded step
  const back = motion.moveServo('headPan', -60);
  const beforeStall = link.lastServo(PAN)!; // the move's first step went out at once
  jest.setSystemTime(Date.now() + 1000);
  jest.advanceTimersByTime(20);
  expect(beforeStall - link.lastServo(PAN)!).toBeLessThanOrEqual(Math.ceil(0.1 * 120 * 10) + 1);
  jest.advanceTimersByTime(2000);
  await back;
});

test('a new target reaches the board at once, not at the next 20 ms tick, still within the speed limit', async () => {
  const { link, motion } = setup();
  link.connect();
  jest.advanceTimersByTime(30); // 10 ms after the last tick
  expect(link.lastServo(PAN)).toBe(1500);
  const writes = link.writes.length;
  const done = motion.moveServo('headPan', 60);
  done.catch(() => undefined); // awaited below; a failed expectation must not leave it unhandled
  // written before any timer ran: from rest, at most one tick's worth of travel (120°/s, 10 µs per degree)
  const first = link.writes.slice(writes).filter((w) => w[0] === 'servo' && w[1] === PAN).map((w) => w[2]);
  expect(first).toHaveLength(1);
  expect(first[0]).toBeGreaterThan(1500);
  expect(first[0]).toBeLessThanOrEqual(1500 + 0.02 * 120 * 10);
  // the tick 10 ms later adds only those 10 ms worth, not a whole tick's
  jest.advanceTimersByTime(10);
  expect(link.lastServo(PAN)).toBeLessThanOrEqual(1500 + 0.03 * 120 * 10);
  jest.advanceTimersByTime(1000);
  await done;
  expect(link.lastServo(PAN)).toBe(2100);

  // a burst of small moves, each done at once, cannot add up to more than the limit allows
  jest.advanceTimersByTime(1000);
  for (let i = 1; i <= 20; i++) {
    motion.moveServo('headPan', 60 - i).catch(() => undefined); // each is superseded by the next
    jest.advanceTimersByTime(1);
  }
  expect(2100 - link.lastServo(PAN)!).toBeGreaterThan(0);
  expect(2100 - link.lastServo(PAN)!).toBeLessThanOrEqual((0.02 + 0.02) * 120 * 10 + 1);

  // while the e-stop is pressed a move is refused and nothing is written
  link.emit('input', PINS.inputs.estop, true);
  const held = link.writes.length;
  await expect(motion.moveServo('headPan', 0)).rejects.toMatchObject({ code: 'MOTION_ESTOP' });
  expect(link.writes.slice(held).filter((w) => w[0] === 'servo')).toEqual([]);
});

test('the e-stop rejects running moves, holds the pose, shows red and blocks until released', async () => {
  const { link, motion } = setup();
  link.connect();
  jest.advanceTimersByTime(40);
  const move = motion.moveServo('headPan', 60);
  jest.advanceTimersByTime(100);
  link.emit('input', PINS.inputs.estop, true);
  await expect(move).rejects.toMatchObject({ code: 'MOTION_ESTOP' });
  const held = link.lastServo(PAN);
  const count = link.writes.length;
  jest.advanceTimersByTime(1000);
  expect(link.lastServo(PAN)).toBe(held);
  expect(link.writes.slice(count).filter((w) => w[0] === 'servo')).toEqual([]);
  expect(link.writes.filter((w) => w[0] === 'pwm' && w[1] === PINS.light.r).at(-1)?.[2]).toBe(Math.round(255 * DEFAULT_PROFILE.light.brightness));
  await expect(motion.runBehaviour('greet')).rejects.toMatchObject({ code: 'MOTION_ESTOP' });
  link.emit('input', PINS.inputs.estop, false);
  expect(motion.estopActive).toBe(false);
  await expect(motion.setLight({ r: 0, g: 0, b: 0 })).resolves.toBeUndefined();
});

test('after a reconnect the last commanded pose is written again, but not while the e-stop is pressed', async () => {
  const { link, motion } = setup();
  link.connect();
  const move = motion.moveServo('headPan', 30);
  jest.advanceTimersByTime(1000);
  await move;
  link.drop();
  link.writes = [];
  link.connect(true); // board back, e-stop pressed
  jest.advanceTimersByTime(200);
  expect(link.writes.filter((w) => w[0] === 'servo')).toEqual([]);
  link.emit('input', PINS.inputs.estop, false);
  jest.advanceTimersByTime(40);
  expect(link.lastServo(PAN)).toBe(1800);
  expect(motion.currentPose().headPan).toBe(30);
});

test('service mode relaxes every servo; a new profile is persisted and re-clamps the pose', async () => {
  const { link, motion, saved } = setup();
  link.connect();
  const move = motion.moveServo('headPan', 50);
  jest.advanceTimersByTime(1000);
  await move;
  void motion.runBehaviour('serviceMode').catch(() => undefined);
  expect(link.writes.filter((w) => w[0] === 'relax').map((w) => w[1]).sort()).toEqual(Object.values(PINS.servos).sort());
  const narrower = structuredClone(DEFAULT_PROFILE);
  narrower.servos.headPan.maxDeg = 20;
  await motion.setProfile(narrower);
  expect(saved).toEqual([narrower]);
  expect(motion.currentPose().headPan).toBe(20);
});

test('/healthz view: fault with a code when disconnected, ok when ready, degraded under e-stop, disabled when none', async () => {
  const { link, motion } = setup();
  expect(motionHealth(motion)).toEqual({ state: 'fault', adapter: 'fake', code: 'MOTION_DISCONNECTED' });
  const seen: string[] = [];
  motion.on('status', (s) => seen.push(s.status));
  link.connect();
  expect(seen).toContain('ready');
  expect(motionHealth(motion)).toEqual({ state: 'ok', adapter: 'fake' });
  link.emit('input', PINS.inputs.estop, true);
  expect(motionHealth(motion)).toEqual({ state: 'degraded', adapter: 'fake', code: 'MOTION_ESTOP' });
  const none = createMotion({ adapter: 'none' }, { dataDir: '/nonexistent', log: silent });
  expect(motionHealth(none)).toEqual({ state: 'disabled', adapter: 'none' });
  await expect(none.moveServo('headPan', 0)).rejects.toMatchObject({ code: 'MOTION_DISABLED' });
});

test('a behaviour replaced by another command settles normally; one halted by stopAll rejects', async () => {
  const { link, motion } = setup();
  link.connect();
  const events: string[] = [];
  motion.on('behaviour', (e) => events.push(`${e.name}:${e.phase}`));
  const idle = motion.runBehaviour('idle');
  jest.advanceTimersByTime(100);
  const greet = motion.runBehaviour('greet');
  await expect(idle).resolves.toBeUndefined();
  jest.advanceTimersByTime(3100); // greet runs to its end and hands over to idle
  await expect(greet).resolves.toBeUndefined();
  expect(events).toEqual(['idle:start', 'idle:interrupted', 'greet:start', 'greet:end', 'idle:start']);
  const thinking = motion.runBehaviour('thinking');
  motion.stopAll();
  await expect(thinking).rejects.toMatchObject({ code: 'MOTION_STOPPED' });
});

test('the default behaviour starts after each (re)connection, but an e-stop release does not restart motion', () => {
  const { link, motion } = setup({ defaultBehaviour: 'idle' });
  const events: string[] = [];
  motion.on('behaviour', (e) => events.push(`${e.name}:${e.phase}`));
  link.connect();
  jest.advanceTimersByTime(40);
  expect(events).toEqual(['idle:start']);
  link.emit('input', PINS.inputs.estop, true);
  link.emit('input', PINS.inputs.estop, false);
  jest.advanceTimersByTime(500);
  expect(events).toEqual(['idle:start', 'idle:interrupted']);
  link.drop();
  link.connect();
  jest.advanceTimersByTime(40);
  expect(events).toEqual(['idle:start', 'idle:interrupted', 'idle:start']);
});
