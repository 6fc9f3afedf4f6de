/**
 * The center the robot syncs with (the embedded one `lobby-robot start` passes, else config
 * center.url; none: the robot works alone), the catalog in force (the one the center published
 * last wins over the installed one, also offline) and the center link with its outboxes.
 */
import type { Catalog } from '../../contract';
import type { DeviceHealth } from '../../contract/sync';
import type { CheckInLog } from '../store/check-in-log';
import { centerMode, type RobotConfig } from '../config/schema';
import type { Logger } from '../log';
import type { RatingOutbox } from '../ratings/rating-outbox';
import type { ServiceAudit } from '../store/service-audit';
import type { StaffCallOutbox } from '../staff/staff-outbox';
import type { QueueStore } from '../store/queue-store';
import { loadCenterCatalog, saveCenterCatalog } from '../sync/center-catalog';
import { createCenterLink, type CenterLink } from '../sync/create-sync';
import type { Teardown } from '../teardown';
import { VERSION } from '../version';

export interface CenterAddress {
  url: string;
  enrolmentCode?: string;
}

export function centerAddress(config: RobotConfig, given: CenterAddress | undefined): CenterAddress | undefined {
  if (given) return given;
  return centerMode(config) === 'remote' && config.center.url ? { url: config.center.url, enrolmentCode: config.center.enrolmentCode } : undefined;
}

/** The catalog in force: read by every part, replaced when the center publishes a new one. */
export interface CatalogHolder {
  get(): Catalog;
  set(catalog: Catalog): void;
}

export function catalogInForce(config: RobotConfig, center: CenterAddress | undefined, installed: Catalog, log: Logger): CatalogHolder {
  let catalog = (center && loadCenterCatalog(config.dataDir, log)) || installed;
  return { get: () => catalog, set: (c) => void (catalog = c) };
}

/** The robot's queues for the center, kept in its store until the center has them. */
export interface Outboxes {
  checkIns: CheckInLog;
  staffCalls: StaffCallOutbox;
  ratings: RatingOutbox;
  /** Service-mode audit rows (outbox type service.audit). */
  audit: ServiceAudit;
}

export interface LinkDeps {
  config: RobotConfig;
  center: CenterAddress | undefined;
  store: QueueStore;
  outboxes: Outboxes;
  catalog: CatalogHolder;
  /** Devices and store for the heartbeat. */
  parts: () => Pick<DeviceHealth, 'parts' | 'uptimeSeconds'>;
  now: () => Date;
  log: Logger;
  opened: Teardown;
}

/** The link, made but not started (it starts once the API listens); null without a center. */
export function openCenterLink({ config, center, store, outboxes, catalog, parts, now, log, opened }: LinkDeps): CenterLink | null {
  if (!center) return null;
  const link = createCenterLink({
    centerUrl: center.url, enrolmentCode: center.enrolmentCode, dataDir: config.dataDir, robotId: config.robotId, version: VERSION,
    preferredSlot: config.queue.robotSlot, store, log, now: () => now().getTime(), pollMs: config.center.pollSeconds * 1000,
    checkIns: outboxes.checkIns, staffCalls: outboxes.staffCalls, audit: outboxes.audit, ratings: outboxes.ratings,
    onCatalog: (published) => {
      catalog.set(published);
      store.setCatalog(published);
      saveCenterCatalog(config.dataDir, published);
      log.info('catalog updated from the center');
    },
    health: parts,
  });
  opened.add('center link', () => link.stop());
  return link;
}
