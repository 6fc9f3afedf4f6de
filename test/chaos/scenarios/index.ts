/** Every chaos scenario, in the order a run goes through them. */
import type { Recorder } from '../recorder';
import { boardUnplug } from './board-unplug';
import { centerPartition } from './center-partition';
import { clockBackwards } from './clock-backwards';
import { diskFull } from './disk-full';
import { killLoop } from './kill-loop';
import type { ChaosOptions } from './options';
import { printerFaults } from './printer-faults';

export const SCENARIOS: { id: string; run: (opts: ChaosOptions) => Promise<Recorder> }[] = [
  { id: 'kill-loop', run: killLoop },
  { id: 'printer-faults', run: printerFaults },
  { id: 'board-unplug', run: boardUnplug },
  { id: 'center-partition', run: centerPartition },
  { id: 'disk-full', run: diskFull },
  { id: 'clock-backwards', run: clockBackwards },
];
