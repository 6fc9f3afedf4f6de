/** Every chaos scenario, in the order a run goes through them. */
import type { Recorder } from '../recorder';
import { boardUnplug } from './board-unplug';
import { centerPartition } from './center-partition';
import { clockBackwards } from './clock-backwards';
import { controllerKill } from './controller-kill';
import { diskFull } from './disk-full';
import { killLoop } from './kill-loop';
import type { ChaosOptions } from './options';
import { printerFaults } from './printer-faults';

export interface Scenario {
  id: string;
  run: (opts: ChaosOptions) => Promise<Recorder>;
  /** Left out of the short form (jest): each of its rounds starts the real program, seconds apiece. */
  fullOnly?: string;
}

export const SCENARIOS: Scenario[] = [
  { id: 'kill-loop', run: killLoop },
  { id: 'controller-kill', run: controllerKill, fullOnly: 'every round is a cold start of lobby-robot; kill-loop covers SIGKILL of the store in the short form' },
  { id: 'printer-faults', run: printerFaults },
  { id: 'board-unplug', run: boardUnplug },
  { id: 'center-partition', run: centerPartition },
  { id: 'disk-full', run: diskFull },
  { id: 'clock-backwards', run: clockBackwards },
];
