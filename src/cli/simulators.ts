/**
 * Everything of hardware/sim the command line can start, as one bundle of its own (dist/simulators.js).
 * It is loaded by `loadSimulators()` only when a config asks for the simulator profile, so a
 * production `lobby-robot start` never loads a virtual printer or a simulated board.
 */
export { startVirtualPrinter, decodeJob, type VirtualPrinter } from '../../hardware/sim/virtual-printer/server';
export { startSimulatedBoard, type SimulatedBoard } from '../../hardware/sim/board';
