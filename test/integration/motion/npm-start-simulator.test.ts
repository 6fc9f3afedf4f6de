/**
 * What `npm start` does with `motion.adapter = "simulator"`: start the simulated board at the
 * configured link, hand its tty to createMotion, and run the idle behaviour on it.
 */
import { join } from 'node:path';
import type { SimulatedBoard } from '../../../hardware/sim/board';
import { startMotionSimulator } from '../../../src/cli/motion-simulator';
import { MotionConfig } from '../../../src/controller/config/motion-schema';
import { createMotion } from '../../../src/controller/devices/motion/create-motion';
import { REFERENCE_PIN_MAP as PINS } from '../../../src/controller/devices/motion/pinmap';
import type { MotionPort } from '../../../src/controller/devices/motion/port';
import { recordingLog, simulatedWait, tempDir, waitFor } from './helpers';

let board: SimulatedBoard | undefined;
let motion: MotionPort | undefined;

afterAll(async () => {
  await motion?.close();
  await board?.close();
});

test('the simulator adapter: board started at <dataDir>/lobby-board, idle breathes the light and centres the head', async () => {
  const dataDir = tempDir('motion-npm-start');
  const config = MotionConfig.parse({ adapter: 'simulator', speed: 1, heartbeatTimeoutMs: 3000 });
  const log = recordingLog();
  board = await startMotionSimulator(config, dataDir, log);
  expect(board?.path).toBe(join(dataDir, 'lobby-board'));
  expect(() => createMotion(config, { dataDir, log })).toThrow(/simulated board/);
  motion = createMotion(config, { dataDir, log, simulatorPath: board!.path, defaultBehaviour: 'idle' });
  expect(motion.adapter).toBe(`johnny-five ${board!.path}`);
  let idleStarted = false;
  motion.on('behaviour', (e) => (idleStarted ||= e.name === 'idle' && e.phase === 'start'));
  await waitFor('ready', () => motion!.status === 'ready', 25_000);
  await waitFor('idle to start by itself', () => idleStarted, 5000);
  await simulatedWait(board!, 300);
  const blue: number[] = [];
  for (let i = 0; i < 8; i++) {
    blue.push(board!.pwmDuty(PINS.light.b));
    await simulatedWait(board!, 250);
  }
  // breathing: the blue channel swings between about 60 and 160 (× calibration) over a 4 s cycle
  expect(Math.max(...blue) - Math.min(...blue)).toBeGreaterThan(0.1);
  expect(Math.abs(board!.pulseWidthUs(PINS.servos.headPan) - 1500)).toBeLessThanOrEqual(20);
  expect(Math.abs(board!.pulseWidthUs(PINS.servos.headTilt) - 1500)).toBeLessThanOrEqual(20);
}, 40_000);
