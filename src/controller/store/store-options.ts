/** How a QueueStore is opened: its file, robot, catalog, clock and who hands out numbers. */
import type { Catalog } from '../../contract';
import type { OpenOptions } from './database';

export interface StoreClock {
  /** Wall clock, ms since the epoch. */
  wallMs(): number;
  /** Monotonic clock of this process, ms; lets forward jumps be told from elapsed time. */
  monoMs?(): number;
}

export interface QueueStoreOptions {
  file: string;
  robotId: string;
  /** This robot's fallback slot, 1..numbering.fallbackSlots, distinct within the center; null: none granted yet (leased blocks only). */
  robotSlot: number | null;
  catalog: Catalog;
  clock?: StoreClock;
  newId?: () => string;
  synchronous?: OpenOptions['synchronous'];
  /**
   * Who hands out blocks: 'center' (the sync client adds leases; the fallback run covers gaps)
   * or 'self' for a robot that is alone in its center and may lease to itself. Two robots both
   * on 'self' would duplicate numbers: the config allows it only without a center.
   */
  numberAuthority?: 'center' | 'self';
  /** Told of each wall-clock jump the store detected (already in its audit), e.g. to log it. */
  onClockJump?: (jump: { direction: 'backward' | 'forward'; deltaMs: number }) => void;
}
