/**
 * What every sync job is handed: the client's options, the HTTP client (which measures the clock
 * skew), the clock, the log and the link state they share. Jobs are plain functions of this
 * context, one module each (docs/sync-protocol.md names the jobs); the SyncClient composes them.
 */
import type { CatalogResponse, CrashReportSummary, DeviceHealth } from '../../contract/sync';
import type { CheckInOutboxPort } from './check-in-outbox-port';
import type { CenterHttp } from './center-http';
import type { CredentialStore } from './credentials';
import type { LinkState } from './link-state';
import type { AuditPort, LeasePort, OutboxPort, StaffCallsPort, TicketMarksPort } from './outbox-port';
import type { RatingsPort } from './ratings-drain';

export interface SyncLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface SyncClientOptions {
  centerUrl: string;
  robotId: string;
  version: string;
  outbox: OutboxPort;
  credentials: CredentialStore;
  leases?: LeasePort;
  marks?: TicketMarksPort;
  /** Staff calls for the center, drained every pass after tickets (docs/sync-protocol.md, robot events). */
  staffCalls?: StaffCallsPort;
  /** Service-mode audit rows for the center, drained every pass after staff calls. */
  audit?: AuditPort;
  /** Ratings taken at the robot while the center could not be reached (issue 18). */
  ratings?: RatingsPort;
  /** Parts and uptime for the heartbeat; outbox length and robot time are added here. */
  health?: () => Pick<DeviceHealth, 'parts' | 'uptimeSeconds'>;
  /** Crash reports kept on the robot (listCrashReports in ../crash-reports.ts), sent with each heartbeat. */
  crashReports?: () => CrashReportSummary;
  now?: () => number;
  random?: () => number;
  log?: SyncLog;
  batchSize?: number;
  leaseLowWater?: number;
  heartbeatMs?: number;
  /** A pass that sent nothing sends a heartbeat when the last one is older than this (default 5 s). */
  probeMs?: number;
  pollMs?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Called with the new catalog when its ETag changed. */
  onCatalog?: (c: CatalogResponse) => void;
  /** Appointment check-ins made while the center was unreachable (issue 6); sent on each pass. */
  checkIns?: CheckInOutboxPort;
  /** Deadline of a look-up a citizen waits for at the screen (default 4 s). */
  lookupTimeoutMs?: number;
  /** The slot the center holds for this robot (enrolment and lease answers): the store switches to it at once. */
  onSlot?: (robotSlot: number) => void;
}

export interface SyncContext {
  readonly options: SyncClientOptions;
  readonly http: CenterHttp;
  readonly now: () => number;
  readonly log: SyncLog;
  /** The link state the jobs share (online, enrolment, board, catalog ETag, last heartbeat). */
  readonly link: LinkState;
  /** Something the link's status shows may have changed: listeners compare and push it. */
  changed(): void;
}

/** The center's clock as best known: use it for anything compared with the center's times. */
export function centerNow(ctx: Pick<SyncContext, 'now' | 'http'>): number {
  return ctx.now() + ctx.http.skewMs;
}

/** The center orders its queue by issue time across robots: report it on the center's clock. */
export function toCenterTime(ctx: Pick<SyncContext, 'http'>, iso: string): string {
  const skew = ctx.http.skewMs;
  const t = Date.parse(iso);
  return Math.abs(skew) < 2000 || !Number.isFinite(t) ? iso : new Date(t + skew).toISOString();
}
