/**
 * The state the sync jobs share, named: whether the center answers, the enrolment, the last
 * failure, the board the stream keeps current, the catalog ETag and the last heartbeat. Failures
 * move it by their codes only (never by message text).
 */
import { CodedError, type ErrorCode } from '../../contract/error-codes';

export type Enrolment = 'enrolled' | 'not-enrolled' | 'revoked' | 'expired';

export interface LinkState {
  online: boolean;
  enrolment: Enrolment;
  lastErrorCode: ErrorCode | null;
  lastSyncAt: number | null;
  streamConnected: boolean;
  /** counter id -> display number being served. */
  nowServing: Record<string, string | null>;
  /** counter group -> waiting tickets. */
  waiting: Record<string, number>;
  catalogEtag: string | null;
  /** Robot time of the last heartbeat the center answered; 0 before the first. */
  lastHeartbeatAt: number;
}

/** What SyncClient.state() hands out: a copy, with the skew and outbox length of the moment. */
export interface SyncState extends Omit<LinkState, 'lastHeartbeatAt'> {
  skewMs: number;
  outboxLength: number;
}

export function newLinkState(enrolled: boolean): LinkState {
  return {
    online: false, enrolment: enrolled ? 'enrolled' : 'not-enrolled', lastErrorCode: null, lastSyncAt: null,
    streamConnected: false, nowServing: {}, waiting: {}, catalogEtag: null, lastHeartbeatAt: 0,
  };
}

/** A failed pass: the code says whether the center is away or this robot's enrolment is gone. */
export function noteFailure(link: LinkState, e: unknown): ErrorCode {
  const code: ErrorCode = e instanceof CodedError ? e.code : 'SYNC_CENTER_UNREACHABLE';
  link.lastErrorCode = code;
  if (code === 'SYNC_DEVICE_REVOKED') link.enrolment = 'revoked';
  else if (code === 'SYNC_TOKEN_EXPIRED') link.enrolment = 'expired';
  else if (code === 'SYNC_NOT_ENROLLED') link.enrolment = 'not-enrolled';
  else link.online = false;
  if (link.enrolment !== 'enrolled') link.online = code !== 'SYNC_CENTER_UNREACHABLE' && code !== 'SYNC_RESPONSE_INVALID';
  return code;
}

/** For HealthReport.sync (/healthz and the UI): ok online, degraded offline or not enrolled. */
export function linkHealth(link: LinkState, centerUrl: string): { state: 'ok' | 'degraded'; adapter: string; code?: string } {
  const adapter = `center ${centerUrl}`;
  if (link.enrolment !== 'enrolled') return { state: 'degraded', adapter, code: link.enrolment === 'revoked' ? 'SYNC_DEVICE_REVOKED' : link.enrolment === 'expired' ? 'SYNC_TOKEN_EXPIRED' : 'SYNC_NOT_ENROLLED' };
  if (!link.online) return { state: 'degraded', adapter, code: link.lastErrorCode ?? 'SYNC_CENTER_UNREACHABLE' };
  return { state: 'ok', adapter };
}
