/**
 * Command-to-pulse latency through the simulated board: from `moveServo()` to the first servo
 * pulse of the new width on the simulated chip's pin, i.e. controller -> johnny-five -> firmata-io
 * -> serialport -> pty -> USART at 57600 baud -> StandardFirmata -> Servo library -> pin.
 *
 * Beside it, in the same run and on the same simulated board, the bare peer (bench/motion-bare.ts):
 * the same Firmata bytes written straight to the pty. Both wait a random 5–45 ms between moves,
 * the same sequence for both, so commands land at every phase of the Servo library's 20 ms frame
 * (a fixed cadence would lock onto one phase and report that phase's latency, not the servo's).
 * The board runs at real time (speed 1), as a real Uno does: wall-clock delays in the controller
 * are then simulated time one for one.
 *
 * Prints percentiles in simulated time and as a ratio to the 20 ms servo frame (the floor every
 * servo command pays: the change shows in the next frame), plus wall time and the simulator's
 * speed. Run: npm run bench:motion [-- iterations]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulatedBoard } from '../hardware/sim/board';
import { MotionConfig } from '../src/controller/config/motion-schema';
import { DEFAULT_PROFILE, pulseForPose } from '../src/controller/devices/motion/calibration';
import { createMotion } from '../src/controller/devices/motion/create-motion';
import { REFERENCE_PIN_MAP } from '../src/controller/devices/motion/pinmap';
import { openBareServo } from './motion-bare';
import { isEntry, percentile } from './stats';

const SERVO_FRAME_US = 20_000;
export const SLICE_MS = Number(process.env.BENCH_MOTION_SLICE_MS ?? 0.5);

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
}

export interface MotionLatency {
  bootWallS: number;
  bootSimS: number;
  /** Command-to-pulse latencies, µs of simulated time, sorted. */
  simUs: number[];
  /** The same, ms of wall time, sorted. */
  wallMs: number[];
  /** Simulated time per wall time while measuring. */
  speed: number;
  /** The bare peer's command-to-pulse latencies (Firmata bytes straight to the pty), µs of simulated time, sorted. */
  bareSimUs: number[];
}

/** The same pseudo-random gaps for ours and the bare peer (mulberry32). */
function gaps(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return 5 + (40 * ((t ^ (t >>> 14)) >>> 0)) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One round: boots the simulated board, then `iterations` head moves. */
export async function measureMotionLatency(iterations: number): Promise<MotionLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-motion-'));
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (o: object) => console.error(o) };
  // 0.5 ms slices: a byte waits at most that long for the simulated chip (the suite keeps 2 ms)
  const board = await startSimulatedBoard({ linkPath: join(dir, 'lobby-board'), speed: 1, sliceMs: SLICE_MS });
  const motion = createMotion(MotionConfig.parse({ adapter: 'johnny-five', path: board.path, readyTimeoutMs: 30_000 }), { dataDir: dir, log: quiet });
  const bootWall = performance.now();
  await until(() => motion.status === 'ready', 60_000);
  while (!(await motion.setLight({ r: 0, g: 0, b: 0 }).then(() => true, () => false))) await new Promise((r) => setTimeout(r, 20));
  const bootWallS = (performance.now() - bootWall) / 1000;
  const bootSimS = board.simTimeUs() / 1e6;

  const pin = REFERENCE_PIN_MAP.servos.headPan;
  // the same warm-up as the bare peer's: one real write and a pause before timing (a move to where
  // the head already is writes nothing, so the first timed move used to pay the first write: ~54 ms)
  await motion.moveServo('headPan', 2);
  await pause(60);
  await motion.moveServo('headPan', 0);
  await pause(60);
  const sim: number[] = [];
  const wall: number[] = [];
  const simStart = board.simTimeUs();
  const wallStart = performance.now();
  let gap = gaps(20);
  for (let i = 0; i < iterations; i++) {
    // a 2° step is below one 20 ms tick at the head's speed limit: exactly one servo write
    const deg = i % 2 === 0 ? 2 : 0;
    const changedBefore = board.pulseChangedAtUs(pin);
    const t0Sim = board.simTimeUs();
    const t0Wall = performance.now();
    await motion.moveServo('headPan', deg);
    await until(() => board.pulseChangedAtUs(pin) > changedBefore, 10_000);
    sim.push(board.pulseChangedAtUs(pin) - t0Sim);
    wall.push(performance.now() - t0Wall);
    await pause(gap());
  }
  const speed = (board.simTimeUs() - simStart) / 1000 / (performance.now() - wallStart);
  sim.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  await motion.close();

  // the peer on the same board, same pulses, same gaps
  const bare = await openBareServo(board.path, pin);
  const pulses = [2, 0].map((deg) => pulseForPose(DEFAULT_PROFILE.servos.headPan, deg));
  const bareSim: number[] = [];
  gap = gaps(20);
  await bare.write(pulses[1]!);
  await pause(60);
  for (let i = 0; i < iterations; i++) {
    const changedBefore = board.pulseChangedAtUs(pin);
    const t0Sim = board.simTimeUs();
    await bare.write(pulses[i % 2]!);
    await until(() => board.pulseChangedAtUs(pin) > changedBefore, 10_000);
    bareSim.push(board.pulseChangedAtUs(pin) - t0Sim);
    await pause(gap());
  }
  bareSim.sort((a, b) => a - b);
  await bare.close();
  await board.close();
  rmSync(dir, { recursive: true, force: true });
  return { bootWallS, bootSimS, simUs: sim, wallMs: wall, speed, bareSimUs: bareSim };
}

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 100);
  const m = await measureMotionLatency(iterations);
  console.log(`board ready in ${m.bootWallS.toFixed(2)} s wall, ${m.bootSimS.toFixed(2)} s simulated`);
  const row = (p: number) =>
    `p${String(p).padEnd(3)} ${(percentile(m.simUs, p) / 1000).toFixed(1).padStart(6)} ms simulated  ` +
    `${(percentile(m.simUs, p) / SERVO_FRAME_US).toFixed(2).padStart(5)} × servo frame  ${percentile(m.wallMs, p).toFixed(1).padStart(6)} ms wall`;
  console.log(`command-to-pulse latency, ${iterations} moves of the head pan servo`);
  for (const p of [50, 90, 99, 100]) console.log(row(p));
  console.log(`bare peer (Firmata bytes straight to the pty): ${[50, 90, 99, 100].map((p) => `p${p} ${(percentile(m.bareSimUs, p) / 1000).toFixed(1)} ms`).join(', ')}`);
  console.log(`ours / bare: p50 ${(percentile(m.simUs, 50) / percentile(m.bareSimUs, 50)).toFixed(2)}, p99 ${(percentile(m.simUs, 99) / percentile(m.bareSimUs, 99)).toFixed(2)}`);
  console.log(`simulator speed: ${m.speed.toFixed(2)} × real time`);
}

if (isEntry('motion-latency')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
