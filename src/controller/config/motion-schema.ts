/**
 * Config fragment for the motion board (head, arms, light). To be wired into RobotConfig as
 * `motion: MotionConfig.default({ adapter: 'simulator' })`.
 */
import { z } from 'zod';
import { PinMap } from '../devices/motion/pinmap';

const Ms = (min: number, max: number) => z.number().int().min(min).max(max);

/** Connection tuning shared by the real board and the simulated one (both are reached the same way). */
const Link = {
  /** From opening the port to Firmata's capability answer; a booting Uno needs about 2 s. */
  readyTimeoutMs: Ms(1000, 60_000).default(10_000),
  /** A reportVersion ping every so often; no answer in time = the board hung. */
  heartbeatMs: Ms(100, 60_000).default(1000),
  heartbeatTimeoutMs: Ms(100, 60_000).default(1500),
  reconnectInitialMs: Ms(50, 60_000).default(250),
  reconnectMaxMs: Ms(100, 300_000).default(5000),
  /** Pins when the robot is wired differently from hardware/pinmap.json. */
  pins: PinMap.optional(),
  presenceDebounceMs: Ms(0, 10_000).default(300),
  presenceCooldownMs: Ms(0, 600_000).default(20_000),
};

export const MotionConfig = z.discriminatedUnion('adapter', [
  z.object({
    adapter: z.literal('johnny-five'),
    /** The board's tty; the udev rule in hardware/deploy/udev makes /dev/lobby-board stable. */
    path: z.string().min(1).max(255).default('/dev/lobby-board'),
    baudRate: z.number().int().positive().default(57600),
    ...Link,
  }).strict(),
  z.object({
    adapter: z.literal('simulator'),
    /** Where the simulated board's pty link appears; default <dataDir>/lobby-board. */
    linkPath: z.string().min(1).max(255).optional(),
    /** Simulated time per wall time; 1 keeps `npm start` at one real-time AVR. */
    speed: z.number().positive().max(100).default(1),
    ...Link,
  }).strict(),
  z.object({ adapter: z.literal('none') }).strict(),
]);
export type MotionConfig = z.infer<typeof MotionConfig>;
export type MotionConfigInput = z.input<typeof MotionConfig>;
