/**
 * Builds the robot's sync client on the production store: the queue store is the outbox, the
 * lease holder and the ticket marks; the enrolment lives in <dataDir>/center-credentials.json.
 * A fresh robot with an enrolment code spends it on first start; a robot with saved credentials
 * never needs one again (tokens are refreshed ahead of expiry).
 */
import { join } from 'node:path';
import type { Catalog } from '../../contract/catalog';
import type { CenterLinkStatus } from '../../contract/health';
import type { DeviceHealth } from '../../contract/sync';
import { listCrashReports } from '../crash-reports';
import type { Logger } from '../log';
import type { QueueStore } from '../store/queue-store';
import type { CheckInOutboxPort } from './check-in-outbox-port';
import { fileCredentialStore, type CredentialStore } from './credentials';
import type { AuditPort, StaffCallsPort } from './outbox-port';
import type { RatingsPort } from './ratings-drain';
import { SyncClient } from './sync-client';

export interface CenterLinkOptions {
  centerUrl: string;
  enrolmentCode?: string;
  dataDir: string;
  robotId: string;
  version: string;
  /** The slot this robot asks for at enrolment (config queue.robotSlot). */
  preferredSlot?: number;
  /** How soon an enrolment that found the center unreachable is tried again (5 s). */
  enrolRetryMs?: number;
  store: QueueStore;
  log: Logger;
  health: () => Pick<DeviceHealth, 'parts' | 'uptimeSeconds'>;
  now: () => number;
  pollMs?: number;
  heartbeatMs?: number;
  /** Staff calls for the center (the controller's StaffCallOutbox); a new call wakes the sync loop. */
  staffCalls?: StaffCallsPort;
  /** Service-mode audit rows for the center (ServiceMode.auditOutbox). */
  audit?: AuditPort;
  /** Ratings taken at the robot while cut off (RatingOutbox); a new one wakes the sync loop. */
  ratings?: RatingsPort;
  /** A catalog the center published with a new ETag. */
  onCatalog?: (catalog: Catalog) => void;
  /** Appointment check-ins waiting for the center (issue 6). */
  checkIns?: CheckInOutboxPort;
}

export interface CenterLink {
  readonly client: SyncClient;
  readonly credentials: CredentialStore;
  /** Enrols when a code is given and no credentials exist, then runs the first pass; never throws. */
  start(firstPassTimeoutMs?: number): Promise<void>;
  status(): CenterLinkStatus;
  /** Told when what status() shows changed (online, enrolment, outbox length, now serving): no polling. */
  onStatusChange(listener: () => void): () => void;
  stop(): Promise<void>;
}

export function credentialsFile(dataDir: string): string {
  return join(dataDir, 'center-credentials.json');
}

export function createCenterLink(opts: CenterLinkOptions): CenterLink {
  const credentials = fileCredentialStore(credentialsFile(opts.dataDir), opts.log);
  const client = syncClientOn(opts, credentials);
  const enrolment = enrolmentWithRetry(opts, client, credentials);
  // a visitor waiting for a person should not wait for the next poll
  const unsubscribe = opts.staffCalls?.onCall?.(() => client.kick());
  const unsubscribeRatings = opts.ratings?.onRating?.(() => client.kick());
  const status = (): CenterLinkStatus => {
    const s = client.state();
    return {
      url: opts.centerUrl, online: s.online, enrolment: s.enrolment, outboxLength: s.outboxLength, lastSyncAt: s.lastSyncAt,
      skewMs: s.skewMs, streamConnected: s.streamConnected, nowServing: s.nowServing,
    };
  };
  return {
    client,
    credentials,
    async start(firstPassTimeoutMs = 3000) {
      const first = (async () => {
        await enrolment.run();
        // leases before the first ticket when the center answers quickly; offline is fine too
        await client.syncOnce().catch(() => undefined);
      })();
      await Promise.race([first, new Promise((r) => setTimeout(r, firstPassTimeoutMs).unref())]);
      // the loop's first pass waits for this one when it is still running (passes never overlap)
      client.start();
    },
    status,
    onStatusChange(listener) {
      let shown = status();
      return client.onChange(() => {
        const now = status();
        if (sameShown(now, shown)) return;
        shown = now;
        listener();
      });
    },
    stop: () => {
      enrolment.stop();
      unsubscribe?.();
      unsubscribeRatings?.();
      return client.stop();
    },
  };
}

/** The sync client on the production store: outbox, leases and marks; the granted slot wins at once. */
function syncClientOn(opts: CenterLinkOptions, credentials: CredentialStore): SyncClient {
  /** docs/sync-protocol.md: the store closes any run of another slot. */
  const useSlot = (slot: number): void => {
    const saved = credentials.load();
    if (saved && saved.robotSlot !== slot) credentials.save({ ...saved, robotSlot: slot });
    try {
      opts.store.setRobotSlot(slot);
    } catch (e) {
      opts.log.warn({ granted: slot, code: (e as { code?: string }).code ?? 'QUEUE_STORE_FAILED' }, 'the granted robot slot could not be applied');
    }
  };
  return new SyncClient({
    centerUrl: opts.centerUrl, robotId: opts.robotId, version: opts.version, credentials,
    outbox: opts.store, leases: opts.store, marks: opts.store,
    staffCalls: opts.staffCalls, audit: opts.audit, ratings: opts.ratings, checkIns: opts.checkIns,
    health: opts.health, now: opts.now, log: opts.log, pollMs: opts.pollMs, heartbeatMs: opts.heartbeatMs,
    onCatalog: opts.onCatalog ? (r) => opts.onCatalog!(r.catalog) : undefined,
    // crash dumps and fatal-error reports ride along with the heartbeat (summary only)
    crashReports: () => listCrashReports(opts.dataDir),
    onSlot: useSlot,
  });
}

/**
 * Spends the code when this robot holds no credentials of its own. An unreachable center is
 * tried again: a robot without a granted slot issues nothing until it is enrolled.
 */
function enrolmentWithRetry(opts: CenterLinkOptions, client: SyncClient, credentials: CredentialStore): { run(): Promise<void>; stop(): void } {
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    const saved = credentials.load();
    if (stopped || !opts.enrolmentCode || (saved && saved.robotId === opts.robotId)) return;
    try {
      const slot = await client.enrol(opts.enrolmentCode, opts.preferredSlot);
      if (opts.preferredSlot !== undefined && slot !== opts.preferredSlot) opts.log.warn({ granted: slot, configured: opts.preferredSlot }, 'the center granted another robot slot; it is used from now on');
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'SYNC_CENTER_UNREACHABLE';
      opts.log.warn({ code }, 'enrolment failed');
      if (code === 'SYNC_CENTER_UNREACHABLE' && !stopped) retry = setTimeout(() => void run(), opts.enrolRetryMs ?? 5000).unref();
    }
  };
  return {
    run,
    stop() {
      stopped = true;
      clearTimeout(retry);
    },
  };
}

/** What the screen shows of the link: online, enrolment, outbox length and who is being served. */
function sameShown(a: CenterLinkStatus, b: CenterLinkStatus): boolean {
  if (a.online !== b.online || a.enrolment !== b.enrolment || a.outboxLength !== b.outboxLength) return false;
  const counters = Object.keys(a.nowServing);
  return counters.length === Object.keys(b.nowServing).length && counters.every((c) => a.nowServing[c] === b.nowServing[c]);
}
