import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MotionConfig } from '../../../src/controller/config/motion-schema';
import { PinMap, REFERENCE_PIN_MAP } from '../../../src/controller/devices/motion/pinmap';

test('the reference pin map: servos off the light pins, light on PWM pins outside timer1, fail-safe e-stop', () => {
  expect(REFERENCE_PIN_MAP.servos).toEqual({ headPan: 7, headTilt: 8, leftArm: 9, rightArm: 10 });
  expect(REFERENCE_PIN_MAP.light).toEqual({ r: 3, g: 5, b: 6 });
  expect(REFERENCE_PIN_MAP.estopActiveLevel).toBe('high');
});

test('hardware/pinmap.json (the workshop copy) is the map the controller uses', () => {
  const { $comment: _c, board, ...pins } = JSON.parse(readFileSync(join(__dirname, '../../../hardware/pinmap.json'), 'utf8'));
  expect(board).toBe('arduino-uno');
  expect(pins).toEqual(REFERENCE_PIN_MAP);
});

test('a pin map that shares a pin, uses the serial pins or puts the light on a timer1 pin is refused', () => {
  const shared = { ...REFERENCE_PIN_MAP, inputs: { presence: 7, estop: 2 } };
  expect(PinMap.safeParse(shared).success).toBe(false);
  expect(PinMap.safeParse({ ...REFERENCE_PIN_MAP, inputs: { presence: 1, estop: 2 } }).success).toBe(false);
  expect(PinMap.safeParse({ ...REFERENCE_PIN_MAP, light: { r: 9, g: 5, b: 6 } }).success).toBe(false);
});

test('johnny-five defaults to /dev/lobby-board at 57600 with bounded timings', () => {
  const c = MotionConfig.parse({ adapter: 'johnny-five' });
  expect(c).toMatchObject({ adapter: 'johnny-five', path: '/dev/lobby-board', baudRate: 57600, readyTimeoutMs: 10_000 });
  expect(MotionConfig.safeParse({ adapter: 'johnny-five', readyTimeoutMs: 10 }).success).toBe(false);
  expect(MotionConfig.safeParse({ adapter: 'johnny-five', extra: 1 }).success).toBe(false);
});

test('the simulator runs at real time by default; none needs nothing', () => {
  expect(MotionConfig.parse({ adapter: 'simulator' })).toMatchObject({ adapter: 'simulator', speed: 1 });
  expect(MotionConfig.parse({ adapter: 'none' })).toEqual({ adapter: 'none' });
  const bad = MotionConfig.safeParse({ adapter: 'usb' });
  expect(bad.success).toBe(false);
});
