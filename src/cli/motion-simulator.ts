/**
 * `npm start` composition for the motion board: with `motion.adapter = "simulator"` the simulated
 * board (real StandardFirmata in avr8js behind a pty) is started first, and the controller's
 * createMotion then opens its tty with johnny-five exactly as it would open /dev/lobby-board.
 */
import type { SimulatedBoard } from './simulators';
import { loadSimulators } from './load-simulators';
import type { MotionConfig } from '../controller/config/motion-schema';
import { simulatorLinkPath } from '../controller/devices/motion/create-motion';

export async function startMotionSimulator(
  config: MotionConfig,
  dataDir: string,
  log: { info(obj: object, msg?: string): void },
): Promise<SimulatedBoard | undefined> {
  if (config.adapter !== 'simulator') return undefined;
  const board = await loadSimulators().startSimulatedBoard({ linkPath: simulatorLinkPath(config, dataDir), speed: config.speed });
  log.info({ path: board.path, speed: config.speed }, 'simulated motion board running StandardFirmata');
  return board;
}
