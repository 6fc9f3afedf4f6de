/**
 * The robot's store: opened with the slot the center granted (else the configured one), the
 * catalog in force and the robot's clock; then the tickets a crash left half-way are recovered
 * (voided or flagged for the operator, never dropped). A store that cannot open is a coded
 * start-up failure naming its file.
 */
import { join } from 'node:path';
import type { Catalog } from '../../contract';
import { centerMode, type RobotConfig } from '../config/schema';
import type { Logger } from '../log';
import { startupStep } from '../startup-error';
import { QueueStore } from '../store/queue-store';
import { recoverInterrupted } from '../store/recovery';
import { credentialsFile } from '../sync/create-sync';
import { fileCredentialStore } from '../sync/credentials';
import type { Teardown } from '../teardown';
import type { CenterAddress } from './center-part';

export interface StoreDeps {
  config: RobotConfig;
  center: CenterAddress | undefined;
  catalog: Catalog;
  now: () => Date;
  log: Logger;
  opened: Teardown;
}

export async function openStore({ config, center, catalog, now, log, opened }: StoreDeps): Promise<QueueStore> {
  const file = join(config.dataDir, 'robot.sqlite');
  const step = { dir: config.dataDir, sqlite: { file, corrupt: 'STARTUP_STORE_CORRUPT' as const } };
  // the slot the center granted at enrolment wins over the configured one
  const grantedSlot = center ? fileCredentialStore(credentialsFile(config.dataDir), log).load()?.robotSlot : undefined;
  const store = await startupStep(step, () => QueueStore.open({
    file,
    robotId: config.robotId,
    robotSlot: grantedSlot ?? config.queue.robotSlot ?? (mustAwaitSlot(config, center) ? null : 1),
    catalog,
    // the monotonic clock tells a forward jump of the wall clock from time that really passed
    clock: { wallMs: () => now().getTime(), monoMs: () => performance.now() },
    onClockJump: (jump) => log.warn({ code: 'STORE_CLOCK_JUMPED', ...jump }, 'the wall clock jumped'),
    numberAuthority: config.queue.numberAuthority ?? (center || config.profile !== 'simulator' ? 'center' : 'self'),
  }));
  opened.add('store', () => store.close());
  return store;
}

/** Tickets a crash left half-way: voided or flagged for the operator, never dropped. */
export async function recoverStore(store: QueueStore, config: RobotConfig, log: Logger): Promise<void> {
  const file = join(config.dataDir, 'robot.sqlite');
  const recovered = await startupStep({ dir: config.dataDir, sqlite: { file, corrupt: 'STARTUP_STORE_CORRUPT' } }, () => recoverInterrupted(store));
  if (recovered.voided.length + recovered.flagged.length + recovered.confirmedPrinted.length > 0) {
    log.warn({ voided: recovered.voided.length, flagged: recovered.flagged.length, printed: recovered.confirmedPrinted.length }, 'recovered interrupted tickets');
  }
}

/** A production robot of a remote center waits for its granted slot: slot 1, shared by every robot left at the default, prints duplicates. */
function mustAwaitSlot(config: RobotConfig, center: CenterAddress | undefined): boolean {
  return !!center && config.profile === 'production' && centerMode(config) !== 'embedded' && config.queue.numberAuthority !== 'self';
}
