/** Helpers each store test uses for its own temp directory and hand-driven clock (no sleeping). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../../src/contract';
import { DEMO_CATALOG } from '../../../src/controller/config/demo-catalog';
import { QueueStore } from '../../../src/controller/store/queue-store';

export class ManualClock {
  constructor(public ms: number) {}
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advanceMinutes(m: number): void {
    this.ms += m * 60_000;
  }
  readonly wallMs = (): number => this.ms;
}

export interface StoreHarness {
  dir: string;
  file: string;
  clock: ManualClock;
  open(overrides?: { catalog?: Catalog; robotSlot?: number | null; robotId?: string }): QueueStore;
  cleanup(): void;
}

/** Monday 2026-11-30 08:00 in Ha Noi. */
export const MONDAY_MORNING = '2026-11-30T01:00:00Z';

export function storeHarness(startIso = MONDAY_MORNING): StoreHarness {
  const dir = mkdtempSync(join(tmpdir(), 'queue-store-'));
  const file = join(dir, 'robot.sqlite');
  const clock = new ManualClock(Date.parse(startIso));
  const opened: QueueStore[] = [];
  return {
    dir,
    file,
    clock,
    open: (o = {}) => {
      const s = QueueStore.open({ file, robotId: o.robotId ?? 'robot-1', robotSlot: o.robotSlot === undefined ? 1 : o.robotSlot, catalog: o.catalog ?? DEMO_CATALOG, clock: { wallMs: clock.wallMs } });
      opened.push(s);
      return s;
    },
    cleanup: () => {
      for (const s of opened) s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
