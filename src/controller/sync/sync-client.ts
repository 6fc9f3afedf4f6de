/**
 * The robot's side of the sync protocol (docs/sync-protocol.md), composed from one module per
 * job around a pass scheduler: enrolment (./enrolment.ts), the device token (./device-token.ts),
 * leases (./leases.ts), the ticket drain (./ticket-drain.ts), the robot-event drains, the
 * heartbeat and catalog (./heartbeat.ts, ./catalog-refresh.ts), the live board over the stream
 * (./live-board.ts) and the look-ups a citizen waits for (./lookups.ts). The jobs share one
 * named link state (./link-state.ts).
 *
 * Nothing here is needed to issue a ticket: when the center is down, revoked or slow, the robot
 * keeps issuing (leased blocks, then its fallback series) and the outbox keeps every change until
 * the center acknowledges it. `syncOnce` asks for one full pass; `start` runs passes in a loop,
 * plus the stream. Passes never overlap (./pass-scheduler.ts).
 */
import { createBackoff } from '../../core/backoff';
import { CenterHttp } from './center-http';
import { enrol } from './enrolment';
import { linkHealth, newLinkState, type SyncState } from './link-state';
import { createLiveBoard, type LiveBoard } from './live-board';
import { createLookups, type CenterLookups } from './lookups';
import { createPassScheduler, type PassScheduler } from './pass-scheduler';
import { type SyncClientOptions, type SyncContext, type SyncLog } from './sync-context';
import { syncPass, type SyncRound } from './sync-pass';

export type { Enrolment, SyncState } from './link-state';
export type { SyncClientOptions, SyncLog } from './sync-context';
export type { SyncRound } from './sync-pass';

const noLog: SyncLog = { info: () => undefined, warn: () => undefined };

export class SyncClient {
  private readonly ctx: SyncContext;
  private readonly board: LiveBoard;
  private readonly passes: PassScheduler<SyncRound>;
  private readonly listeners = new Set<() => void>();
  // the look-ups a citizen waits for (./lookups.ts)
  readonly lookupAppointment: CenterLookups['lookupAppointment'];
  readonly checkInAppointment: CenterLookups['checkInAppointment'];
  readonly lookupDossier: CenterLookups['lookupDossier'];
  readonly ticketStatus: CenterLookups['ticketStatus'];
  readonly rateTicket: CenterLookups['rateTicket'];
  readonly ask: CenterLookups['ask'];

  constructor(private readonly options: SyncClientOptions) {
    const now = options.now ?? Date.now;
    const http = new CenterHttp({ baseUrl: options.centerUrl.replace(/\/$/, ''), now, timeoutMs: options.timeoutMs, fetchImpl: options.fetchImpl });
    const link = newLinkState(!!options.credentials.load());
    this.ctx = { options, http, now, log: options.log ?? noLog, link, changed: () => this.listeners.forEach((l) => l()) };
    this.board = createLiveBoard(this.ctx);
    const backoff = createBackoff({ initialMs: 1000, maxMs: 60_000, jitter: 'full' }, options.random ?? Math.random);
    const pollMs = options.pollMs ?? 2000;
    this.passes = createPassScheduler({
      pass: () => syncPass(this.ctx),
      delay: (ok) => (ok ? (backoff.reset(), pollMs) : link.enrolment === 'enrolled' ? backoff.next() : pollMs * 5),
      afterSuccess: () => this.board.start(),
    });
    ({ lookupAppointment: this.lookupAppointment, checkInAppointment: this.checkInAppointment, lookupDossier: this.lookupDossier, ticketStatus: this.ticketStatus, rateTicket: this.rateTicket, ask: this.ask } = createLookups(this.ctx));
  }

  state(): SyncState {
    const { lastHeartbeatAt: _heartbeat, ...link } = this.ctx.link;
    return { ...link, skewMs: this.ctx.http.skewMs, outboxLength: this.options.outbox.pendingCount(), nowServing: { ...link.nowServing }, waiting: { ...link.waiting } };
  }

  /** For HealthReport.sync (/healthz and the UI): ok online, degraded offline or not enrolled. */
  status(): { state: 'ok' | 'degraded'; adapter: string; code?: string } {
    return linkHealth(this.ctx.link, this.options.centerUrl);
  }

  /** Called whenever what state() shows may have changed (a pass ended, the stream moved, enrolment). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Spends a one-time code; asks for `preferredSlot` (the configured one) and returns the slot granted. */
  async enrol(code: string, preferredSlot?: number): Promise<number> {
    const slot = await enrol(this.ctx, code, preferredSlot);
    this.kick();
    return slot;
  }

  /** One full pass, after the running one if any. Throws a CodedError when the center cannot be used. */
  syncOnce(): Promise<SyncRound> {
    return this.passes.run();
  }

  /** Starts the loop and, once a pass succeeded, the stream; failures back off with jitter, never throw. */
  start(): void {
    this.passes.start();
  }

  /** Wakes the loop now (a ticket was just issued). */
  kick(): void {
    this.passes.kick();
  }

  async stop(): Promise<void> {
    this.board.stop();
    await this.passes.stop();
    // a pass that ended after the board was stopped may have opened it again
    this.board.stop();
  }
}
