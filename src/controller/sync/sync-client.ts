/**
 * The robot's side of the sync protocol (docs/sync-protocol.md): enrolment and token refresh
 * ahead of expiry, number-block leases, draining the outbox in idempotent batches with
 * exponential backoff and jitter, heartbeats with device health, the realtime stream for
 * now-serving and queue lengths, and the clock skew measured from every answer.
 *
 * Nothing here is needed to issue a ticket: when the center is down, revoked or slow, the robot
 * keeps issuing (leased blocks, then its fallback series) and the outbox keeps every change until
 * the center acknowledges it. `syncOnce` does one full pass and is what tests drive; `start` runs
 * passes in a loop, plus the stream.
 */
import type { ZodType } from 'zod';
import { businessDay } from '../../core/business-day';
import { CodedError, type ErrorCode } from '../../contract/error-codes';
import {
  AppointmentResponse, Board, CatalogResponse, CheckInResponse, CrashReportSummary, DossierResponse, EnrolResponse, HeartbeatResponse, IngestResponse, LeaseResponse, RefreshResponse,
  RatingResponse, TicketStatus, type RatingRequest,
  type Appointment, type CheckInRequest, type Lease, type DeviceHealth, type Dossier, type StreamEvent,
} from '../../contract/sync';
import type { CheckInOutboxPort } from './check-in-outbox-port';
import { createBackoff } from '../../core/backoff';
import { CenterHttp } from './center-http';
import type { CredentialStore } from './credentials';
import type { AuditPort, LeasePort, OutboxPort, StaffCallsPort, TicketMarksPort } from './outbox-port';
import { drainCheckIns } from './check-ins-drain';
import { drainAudit, drainStaffCalls } from './robot-events-drain';
import { drainRatings, type RatingsPort } from './ratings-drain';
import { StreamClient } from './stream-client';

export type Enrolment = 'enrolled' | 'not-enrolled' | 'revoked' | 'expired';

export interface SyncState {
  online: boolean;
  enrolment: Enrolment;
  lastErrorCode: ErrorCode | null;
  lastSyncAt: number | null;
  skewMs: number;
  outboxLength: number;
  streamConnected: boolean;
  /** counter id -> display number being served. */
  nowServing: Record<string, string | null>;
  /** counter group -> waiting tickets. */
  waiting: Record<string, number>;
  catalogEtag: string | null;
}

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

export interface SyncRound {
  sent: number;
  acked: number;
  rejected: number;
  leases: number;
  /** Staff calls and audit rows the center acknowledged this pass. */
  staffCalls: number;
  auditRows: number;
}

const noLog: SyncLog = { info: () => undefined, warn: () => undefined };

export class SyncClient {
  private readonly http: CenterHttp;
  private readonly now: () => number;
  private readonly log: SyncLog;
  private readonly backoff;
  private stream: StreamClient | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private lastHeartbeatAt = 0;
  private readonly s: SyncState = {
    online: false, enrolment: 'not-enrolled', lastErrorCode: null, lastSyncAt: null, skewMs: 0, outboxLength: 0,
    streamConnected: false, nowServing: {}, waiting: {}, catalogEtag: null,
  };

  constructor(private readonly opts: SyncClientOptions) {
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? noLog;
    this.http = new CenterHttp({ baseUrl: opts.centerUrl.replace(/\/$/, ''), now: this.now, timeoutMs: opts.timeoutMs, fetchImpl: opts.fetchImpl });
    this.backoff = createBackoff({ initialMs: 1000, maxMs: 60_000, jitter: 'full' }, opts.random ?? Math.random);
    if (opts.credentials.load()) this.s.enrolment = 'enrolled';
  }

  state(): SyncState {
    return { ...this.s, skewMs: this.http.skewMs, outboxLength: this.opts.outbox.pendingCount(), nowServing: { ...this.s.nowServing }, waiting: { ...this.s.waiting } };
  }

  /** For HealthReport.sync (/healthz and the UI): ok online, degraded offline or not enrolled. */
  status(): { state: 'ok' | 'degraded'; adapter: string; code?: string } {
    const adapter = `center ${this.opts.centerUrl}`;
    if (this.s.enrolment !== 'enrolled') return { state: 'degraded', adapter, code: this.s.enrolment === 'revoked' ? 'SYNC_DEVICE_REVOKED' : this.s.enrolment === 'expired' ? 'SYNC_TOKEN_EXPIRED' : 'SYNC_NOT_ENROLLED' };
    if (!this.s.online) return { state: 'degraded', adapter, code: this.s.lastErrorCode ?? 'SYNC_CENTER_UNREACHABLE' };
    return { state: 'ok', adapter };
  }

  /** How the stream is doing: reconnections, events refused as invalid, last id seen. */
  streamStats(): { connects: number; invalidEvents: number; lastEventId: number | null } {
    return { connects: this.stream?.connects ?? 0, invalidEvents: this.stream?.invalidEvents ?? 0, lastEventId: this.stream?.lastEventId ?? null };
  }

  /** GET /v1/appointments/:code. Throws CodedError (CENTER_NOT_FOUND, SYNC_CENTER_UNREACHABLE, ...). */
  async lookupAppointment(code: string): Promise<Appointment> {
    const token = await this.currentToken();
    const r = await this.http.request('GET', `/v1/appointments/${encodeURIComponent(code)}`, AppointmentResponse, { token, timeoutMs: this.opts.lookupTimeoutMs ?? 4000 });
    return r.body!.appointment;
  }

  /** POST /v1/appointments/:code/check-in: idempotent by request.checkInId. */
  async checkInAppointment(code: string, request: CheckInRequest): Promise<CheckInResponse> {
    const token = await this.currentToken();
    const body = { ...request, at: this.toCenterTime(request.at) };
    const r = await this.http.request('POST', `/v1/appointments/${encodeURIComponent(code)}/check-in`, CheckInResponse, { token, body, timeoutMs: this.opts.lookupTimeoutMs ?? 4000 });
    return r.body!;
  }

  /** GET /v1/dossiers/:code. Throws CodedError like lookupAppointment. */
  async lookupDossier(code: string): Promise<Dossier> {
    const token = await this.currentToken();
    const r = await this.http.request('GET', `/v1/dossiers/${encodeURIComponent(code)}`, DossierResponse, { token, timeoutMs: this.opts.lookupTimeoutMs ?? 4000 });
    return r.body!.dossier;
  }

  /** GET /v1/tickets/:id/status (issue 18: is it served, is it rated). Throws CodedError like lookupAppointment. */
  async ticketStatus(ticketId: string): Promise<TicketStatus> {
    const r = await this.http.request('GET', `/v1/tickets/${encodeURIComponent(ticketId)}/status`, TicketStatus, { timeoutMs: this.opts.lookupTimeoutMs ?? 4000 });
    return r.body!;
  }

  /** POST /v1/robot/ratings/:id: once per ticket; the same rating sent again is answered as done. */
  async rateTicket(ticketId: string, rating: RatingRequest): Promise<void> {
    const token = await this.currentToken();
    await this.http.request('POST', `/v1/robot/ratings/${encodeURIComponent(ticketId)}`, RatingResponse, { token, body: rating, timeoutMs: this.opts.lookupTimeoutMs ?? 4000 });
  }

  /** One booking request a citizen waits for at the screen (issue 18): device token, the look-up deadline. */
  async ask<T>(method: 'GET' | 'POST', path: string, schema: ZodType<T>, body?: unknown): Promise<T> {
    const token = await this.currentToken();
    const r = await this.http.request(method, path, schema, { token, body, timeoutMs: this.opts.lookupTimeoutMs ?? 4000 });
    return r.body!;
  }

  /** The center's clock as best known: use it for anything compared with the center's times. */
  centerNow(): number {
    return this.now() + this.http.skewMs;
  }

  /** Spends a one-time code; asks for `preferredSlot` (the configured one) and returns the slot granted. */
  async enrol(code: string, preferredSlot?: number): Promise<number> {
    const r = await this.http.request('POST', '/v1/enrol', EnrolResponse, { body: { code, robotId: this.opts.robotId, version: this.opts.version, preferredSlot } });
    const e = r.body!;
    if (e.robotId !== this.opts.robotId) throw new CodedError('SYNC_RESPONSE_INVALID', 'enrolment answered for another robot');
    this.opts.credentials.save({ centerUrl: this.opts.centerUrl, robotId: e.robotId, robotSlot: e.robotSlot, token: e.device.token, expiresAt: e.device.expiresAt, refreshAfter: e.device.refreshAfter });
    this.s.enrolment = 'enrolled';
    this.s.online = true;
    this.log.info({ robotSlot: e.robotSlot }, 'enrolled with the center');
    this.opts.onSlot?.(e.robotSlot);
    this.kick();
    return e.robotSlot;
  }

  /** One full pass. Throws a CodedError when the center cannot be used; the outbox is untouched then. */
  async syncOnce(): Promise<SyncRound> {
    const round: SyncRound = { sent: 0, acked: 0, rejected: 0, leases: 0, staffCalls: 0, auditRows: 0 };
    try {
      const sentBefore = this.http.requests;
      const token = await this.currentToken();
      round.leases = await this.lease(token);
      await this.drain(token, round);
      const events = { http: this.http, token, log: this.log, toCenterTime: (iso: string) => this.toCenterTime(iso) };
      if (this.opts.checkIns) await drainCheckIns(this.opts.checkIns, events);
      // after tickets: a ticket is the citizen's place in the queue, a call or an audit row can wait a pass
      if (this.opts.staffCalls) round.staffCalls = await drainStaffCalls(this.opts.staffCalls, events);
      if (this.opts.audit) round.auditRows = await drainAudit(this.opts.audit, events);
      if (this.opts.ratings) await drainRatings(this.opts.ratings, events);
      const sinceHeartbeat = this.now() - this.lastHeartbeatAt;
      // a quiet pass still probes now and then, so "online" on the screen is never stale for long
      const probe = this.http.requests === sentBefore && sinceHeartbeat >= (this.opts.probeMs ?? 5000);
      if (sinceHeartbeat >= (this.opts.heartbeatMs ?? 30_000) || this.lastHeartbeatAt === 0 || probe) await this.heartbeat(token);
      this.s.online = true;
      this.s.lastErrorCode = null;
      this.s.lastSyncAt = this.now();
      return round;
    } catch (e) {
      this.noteFailure(e);
      throw e;
    }
  }

  /** Starts the loop and the stream; failures back off with jitter, never throw. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Wakes the loop now (a ticket was just issued). */
  kick(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stream?.stop();
    this.stream = null;
    this.kick();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let delay: number;
      try {
        await this.syncOnce();
        this.backoff.reset();
        // stop() may have come during the pass: a stream opened now would never be closed
        if (this.running) this.ensureStream();
        delay = this.opts.pollMs ?? 2000;
      } catch {
        delay = this.s.enrolment === 'enrolled' ? this.backoff.next() : (this.opts.pollMs ?? 2000) * 5;
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  private async currentToken(): Promise<string> {
    const c = this.opts.credentials.load();
    if (!c) {
      this.s.enrolment = this.s.enrolment === 'enrolled' ? 'not-enrolled' : this.s.enrolment;
      throw new CodedError('SYNC_NOT_ENROLLED', 'no device token');
    }
    if (this.centerNow() < c.refreshAfter) return c.token;
    const r = await this.http.request('POST', '/v1/token/refresh', RefreshResponse, { token: c.token });
    const d = r.body!.device;
    this.opts.credentials.save({ ...c, token: d.token, expiresAt: d.expiresAt, refreshAfter: d.refreshAfter });
    this.log.info({ expiresAt: d.expiresAt }, 'device token refreshed');
    return d.token;
  }

  private async lease(token: string): Promise<number> {
    if (!this.opts.leases) return 0;
    const day = businessDay(new Date(this.centerNow()));
    const needs = this.opts.leases.leaseNeeds(day, this.opts.leaseLowWater ?? 10).slice(0, 20);
    if (!needs.length) return 0;
    // the same request id until answered, stored before it is sent: a lost answer or a crash returns the same block
    const requests = needs.map((n) => ({ requestId: this.opts.leases!.leaseRequestId(n.prefix, n.day), prefix: n.prefix, day: n.day }));
    const r = await this.http.request('POST', '/v1/leases', LeaseResponse, { body: { requests }, token });
    let added = 0;
    for (const res of r.body!.results) {
      const req = requests.find((q) => q.requestId === res.requestId);
      if (!req) continue;
      if (res.ok && res.lease.prefix === req.prefix && res.lease.day === req.day) added += this.storeLease(res.lease, req.prefix);
      else if (!res.ok) this.log.warn({ prefix: req.prefix, code: res.code }, 'center refused a number block');
      this.opts.leases.leaseAnswered(req.requestId);
    }
    this.opts.onSlot?.(r.body!.robotSlot);
    return added;
  }

  private storeLease(lease: Lease, prefix: string): number {
    try {
      return this.opts.leases!.addLease(lease) === 'added' ? 1 : 0;
    } catch (e) {
      // the store refuses a block that overlaps its numbers: it keeps its fallback series instead
      this.log.warn({ prefix, code: (e as CodedError).code }, 'number block refused by the store');
      return 0;
    }
  }

  private async drain(token: string, round: SyncRound): Promise<void> {
    const size = Math.max(1, Math.min(200, this.opts.batchSize ?? 100));
    for (;;) {
      const batch = this.opts.outbox.takeBatch(size);
      if (!batch.length) return;
      const changes = batch.map((e) => ({ key: e.key, ...e.payload, ticket: { ...e.payload.ticket, issuedAt: this.toCenterTime(e.payload.ticket.issuedAt) } }));
      const r = await this.http.request('POST', '/v1/tickets/batch', IngestResponse, { body: { changes }, token });
      round.sent += batch.length;
      const acked: number[] = [];
      for (const res of r.body!.results) {
        const ev = batch[res.index];
        // only an answer that names the ticket we sent at that index acknowledges it
        if (!ev || (res.ticketId !== null && res.ticketId !== ev.ticketId)) continue;
        acked.push(ev.id);
        if (res.status === 'rejected') {
          round.rejected++;
          this.opts.marks?.flag(ev.ticketId, res.code ?? 'SYNC_TICKET_CONFLICT');
          this.log.warn({ ticketId: ev.ticketId, code: res.code }, 'center rejected a ticket change');
        }
      }
      this.opts.outbox.ack(acked);
      round.acked += acked.length;
      // a partial answer: stop here, the rest is sent again next pass
      if (acked.length < batch.length) return;
    }
  }

  /** The center orders its queue by issue time across robots: report it on the center's clock. */
  private toCenterTime(iso: string): string {
    const skew = this.http.skewMs;
    const t = Date.parse(iso);
    return Math.abs(skew) < 2000 || !Number.isFinite(t) ? iso : new Date(t + skew).toISOString();
  }

  private async heartbeat(token: string): Promise<void> {
    const h = this.opts.health?.() ?? { parts: {}, uptimeSeconds: Math.round(process.uptime()) };
    const r = await this.http.request('POST', '/v1/heartbeat', HeartbeatResponse, {
      body: { version: this.opts.version, uptimeSeconds: h.uptimeSeconds, parts: h.parts, outboxLength: this.opts.outbox.pendingCount(), robotTime: this.now(), ...this.crashSummary() },
      token,
    });
    this.lastHeartbeatAt = this.now();
    const etag = r.body!.catalogEtag;
    if (etag !== this.s.catalogEtag && this.opts.onCatalog) {
      const cat = await this.http.request('GET', '/v1/catalog', CatalogResponse, { token, headers: this.s.catalogEtag ? { 'if-none-match': this.s.catalogEtag } : {} });
      if (cat.body) this.opts.onCatalog(cat.body);
    }
    this.s.catalogEtag = etag;
  }

  /** Never lets a crash folder it cannot read, or a summary out of bounds, cost the heartbeat. */
  private crashSummary(): { crashReports?: CrashReportSummary } {
    if (!this.opts.crashReports) return {};
    try {
      const summary = CrashReportSummary.safeParse(this.opts.crashReports());
      if (summary.success) return { crashReports: summary.data };
      this.log.warn({ issues: summary.error.issues.length }, 'crash report summary out of bounds; heartbeat sent without it');
    } catch (e) {
      this.log.warn({ err: e instanceof Error ? e.name : typeof e }, 'crash reports could not be listed');
    }
    return {};
  }

  private ensureStream(): void {
    if (this.stream) return;
    this.stream = new StreamClient({
      url: `${this.http.baseUrl}/v1/stream`,
      random: this.opts.random,
      fetchImpl: this.opts.fetchImpl,
      onEvent: (e) => this.applyEvent(e),
      onState: (connected) => {
        this.s.streamConnected = connected;
        // on every (re)connection the board is fetched again: counts are absolute, not deltas
        if (connected) void this.refreshBoard();
      },
    });
    this.stream.start();
  }

  async refreshBoard(): Promise<void> {
    try {
      const r = await this.http.request('GET', '/v1/board', Board);
      const b = r.body!;
      this.s.nowServing = Object.fromEntries(b.counters.map((c) => [c.id, c.serving]));
      this.s.waiting = { ...b.waiting };
    } catch {
      // the stream or the next pass will try again
    }
  }

  /** Applies one stream event to the live state (exposed for tests and for a UI push). */
  applyEvent(e: StreamEvent): void {
    const d = e.data;
    if (e.type === 'stream.reset') return void this.refreshBoard();
    if (d.counterGroup !== undefined && d.waiting !== undefined) this.s.waiting[d.counterGroup] = d.waiting;
    if ((e.type === 'ticket.called' || e.type === 'ticket.recalled') && d.counterId) this.s.nowServing[d.counterId] = d.display ?? null;
    if ((e.type === 'ticket.served' || e.type === 'ticket.skipped' || e.type === 'ticket.transferred') && d.counterId && this.s.nowServing[d.counterId] === d.display) {
      this.s.nowServing[d.counterId] = null;
    }
    if (this.opts.marks && d.ticketId) {
      try {
        if (e.type === 'ticket.called') this.opts.marks.applyCenterMark(d.ticketId, { calledAt: new Date(e.at), counterId: d.counterId });
        if (e.type === 'ticket.served') this.opts.marks.applyCenterMark(d.ticketId, { servedAt: new Date(e.at), counterId: d.counterId });
      } catch (err) {
        // the store ignores other robots' tickets itself: a throw here is the store failing
        this.s.lastErrorCode = 'SYNC_MARK_STORE_FAILED';
        this.log.warn({ code: 'SYNC_MARK_STORE_FAILED', event: e.type, ticket: d.ticketId, err: err instanceof Error ? err.name : typeof err }, 'a call or served mark from the center could not be stored');
      }
    }
  }

  private noteFailure(e: unknown): void {
    const code: ErrorCode = e instanceof CodedError ? e.code : 'SYNC_CENTER_UNREACHABLE';
    this.s.lastErrorCode = code;
    if (code === 'SYNC_DEVICE_REVOKED') this.s.enrolment = 'revoked';
    else if (code === 'SYNC_TOKEN_EXPIRED') this.s.enrolment = 'expired';
    else if (code === 'SYNC_NOT_ENROLLED') this.s.enrolment = 'not-enrolled';
    else this.s.online = false;
    if (this.s.enrolment !== 'enrolled') this.s.online = code !== 'SYNC_CENTER_UNREACHABLE' && code !== 'SYNC_RESPONSE_INVALID';
    this.log.warn({ code }, 'sync with the center failed; tickets stay in the outbox');
  }
}
