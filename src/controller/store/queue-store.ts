/**
 * The robot's durable queue store on one SQLite file (WAL, synchronous FULL): numbers, the ticket
 * life cycle, leases, the outbox and audit. The connection is private: each table belongs to a
 * module of this folder, each schema change to queue-migrations.ts, each write to one transaction
 * wrapper that maps errors to codes (store-errors.ts). The caller prints only after `issue`
 * returned and `markPrinting` committed, so no paper exists that the store does not know.
 */
import { randomUUID } from 'node:crypto';
import type { Catalog, ErrorCode, Service, Ticket } from '../../contract';
// the zod-free module: the store itself never needs the schemas at run time
import { CodedError } from '../../contract/error-codes';
import { businessDay } from '../../core/business-day';
import { afterPrintFailure, estimateWait, numberingFor, printedState, type LiveQueueData, type WaitEstimate, type WaitInput } from '../../core/queue';
import { CheckInLog } from './check-in-log';
import { EffectiveClock } from './effective-clock';
import { registerConnection } from './connection';
import { openDatabase, type Db } from './database';
import { issueTicket, type IssueOutcome, type IssueRequest } from './issue-ticket';
import { ack, audit, pendingCount, recentAudit, takeBatch, type AuditEntry, type OutboxAck, type OutboxEvent } from './journal';
import { leaseAnswered, leaseRequestId } from './lease-requests';
import { addLease, leaseNeeds, switchFallbackSlot, type Lease, type LeaseNeed } from './number-sources';
import { sqliteOutboxQueue, type OutboxKind, type OutboxQueue, type OutboxQueues } from './outbox-queue';
import { ServiceAudit } from './service-audit';
import { writeTransaction, type WriteTransaction } from './store-errors';
import type { QueueStoreOptions } from './store-options';
import * as queries from './ticket-queries';
import { rowToTicket, type TicketRow } from './ticket-rows';
import { flag, loadRow, recordCenterMark, transition, type CenterMark } from './ticket-transitions';

export type { IssueOutcome, IssueRequest } from './issue-ticket';
export type { TicketTimes } from './ticket-queries';
export type { QueueStoreOptions, StoreClock } from './store-options';

const SYSTEM = 'robot';

export class QueueStore implements OutboxQueues {
  private catalog: Catalog;
  private readonly clock: EffectiveClock;
  private readonly newId: () => string;
  /** The fallback slot in use: the configured one until the center grants another (setRobotSlot). */
  private robotSlot: number | null;
  /** Every write of this store and of its repositories: one IMMEDIATE transaction, errors mapped once. */
  private readonly tx: WriteTransaction;
  /** Fallback runs known to exist (issue-ticket.ts); forgotten when the slot or catalog changes or an issue fails. */
  private readonly fallbackEnsured = new Set<string>();
  /** Each service's recent service times as read from service_times: only applyCenterMark adds to them (it forgets these). */
  private readonly serviceHistory = new Map<string, number[]>();

  private constructor(
    private readonly options: QueueStoreOptions,
    private readonly db: Db,
  ) {
    registerConnection(this, db);
    this.tx = writeTransaction(db);
    this.robotSlot = options.robotSlot;
    this.catalog = options.catalog;
    this.clock = new EffectiveClock(db, options);
    this.newId = options.newId ?? randomUUID;
  }

  static open(options: QueueStoreOptions): QueueStore {
    return new QueueStore(options, openDatabase(options.file, { synchronous: options.synchronous }));
  }

  get robotId(): string {
    return this.options.robotId;
  }

  /** A new catalog from the center applies to the next ticket; numbers already given stay. */
  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    this.fallbackEnsured.clear();
  }

  /** The effective time of a write (effective-clock.ts), persisted in the caller's transaction. */
  private tick(): number {
    return this.clock.tick();
  }

  /** Effective now without writing (for display). */
  now(): Date {
    return this.clock.now();
  }

  businessDay(): string {
    return businessDay(this.now());
  }

  issue(request: IssueRequest, live?: LiveQueueData): IssueOutcome {
    const { db, catalog, robotSlot, newId, options } = this;
    let atMs = 0;
    const tick = () => (atMs = this.clock.tick(true));
    const context = { db, catalog, robotSlot, newId, robotId: options.robotId, numberAuthority: options.numberAuthority, fallbackEnsured: this.fallbackEnsured, tick, waitInputs: this.waitInputs };
    try {
      const outcome = this.tx(() => issueTicket(context, request, live));
      // the ticket holds its time (inside issueForPrinting, once that commits: as for the clock row, a
      // rollback leaves the mark ahead by at most this millisecond)
      if (outcome.ok) this.clock.committedTicketAt(atMs);
      return outcome;
    } catch (e) {
      // the run the failed transaction made rolled back with it
      this.fallbackEnsured.clear();
      throw e;
    }
  }

  /** `issue` and `markPrinting` in one transaction: one fsync on the way from tap to paper. */
  issueForPrinting(request: IssueRequest, live?: LiveQueueData): IssueOutcome {
    return this.tx(() => {
      const issued = this.issue(request, live);
      return issued.ok ? { ...issued, ticket: this.markPrinting(issued.ticket.id) } : issued;
    });
  }

  /** The slot the center granted applies at once: runs of other slots are closed (number-sources.ts). */
  setRobotSlot(slot: number): void {
    if (slot === this.robotSlot) return;
    this.fallbackEnsured.clear();
    this.tx(() => {
      const atMs = this.tick();
      switchFallbackSlot(this.db, this.catalog, slot, businessDay(new Date(atMs)));
      audit(this.db, atMs, 'center', 'slot.changed', null, { from: this.robotSlot, to: slot });
    });
    this.robotSlot = slot;
  }

  /** Written before a byte goes to the printer. */
  markPrinting(id: string): Ticket {
    return this.write((atMs) => {
      const row = loadRow(this.db, id);
      return transition(this.db, row, 'printing', atMs, SYSTEM, { print_attempts: row.print_attempts + 1, attention: null }, { attempt: row.print_attempts + 1 });
    });
  }

  markPrinted(id: string, actor = SYSTEM, detail?: Record<string, unknown>): Ticket {
    return this.write((atMs) => {
      const row = loadRow(this.db, id);
      return transition(this.db, row, printedState(row.print_attempts), atMs, actor, { last_print_error: null, attention: null }, detail);
    });
  }

  /** Records the failure and applies the catalog's rule: print again (same number) or void. */
  markPrintFailed(id: string, errorCode: ErrorCode): { ticket: Ticket; action: 'reprint' | 'void' } {
    let action: 'reprint' | 'void' = 'void';
    const ticket = this.write((atMs) => {
      const row = loadRow(this.db, id);
      const failed = transition(this.db, row, 'print_failed', atMs, SYSTEM, { last_print_error: errorCode }, { error: errorCode });
      action = afterPrintFailure(this.catalog.printFailure, failed.print_attempts) === 'reprint' ? 'reprint' : 'void';
      if (action === 'reprint') return failed;
      return transition(this.db, failed, 'voided', atMs, SYSTEM, {}, { reason: 'print_failed', error: errorCode });
    });
    return { ticket, action };
  }

  /** An operator (or a rule) voids a ticket; its number is recorded and never reused. */
  voidTicket(id: string, reason: string, actor = 'operator'): Ticket {
    return this.write((atMs) => transition(this.db, loadRow(this.db, id), 'voided', atMs, actor, { attention: null }, { reason: reason.slice(0, 60) }));
  }

  /** An operator settles a ticket flagged after a crash: the paper came out, or void it. */
  resolveAttention(id: string, outcome: 'printed' | 'void', actor = 'operator'): Ticket {
    return this.write((atMs) => {
      const row = loadRow(this.db, id);
      if (outcome === 'void') return transition(this.db, row, 'voided', atMs, actor, { attention: null }, { reason: 'operator_resolved' });
      return transition(this.db, row, printedState(row.print_attempts), atMs, actor, { attention: null }, { resolvedBy: 'operator' });
    });
  }

  /** Records a ticket for the operator without changing its state. */
  flag(id: string, attention: ErrorCode, actor = SYSTEM): Ticket {
    return this.write((atMs) => flag(this.db, loadRow(this.db, id), attention, atMs, actor));
  }

  /** Marks from the center (called, served): they feed the robot's own wait history. */
  applyCenterMark(id: string, mark: CenterMark): void {
    try {
      this.tx(() => recordCenterMark(this.db, id, mark));
    } finally {
      this.serviceHistory.clear();
    }
  }

  /** The wait a new ticket of this service would have now (for the UI before issuing). */
  estimate(serviceId: string, live?: LiveQueueData): WaitEstimate {
    const service = this.catalog.services.find((s) => s.id === serviceId);
    if (!service) throw new CodedError('SERVICE_UNKNOWN', serviceId);
    return estimateWait({ ...this.waitInputs(service, this.businessDay(), live), expectedServiceMinutes: service.expectedServiceMinutes });
  }

  private readonly waitInputs = (service: Service, day: string, live?: LiveQueueData): Omit<WaitInput, 'expectedServiceMinutes'> => {
    const counters = this.catalog.counters.filter((c) => c.counterGroup === service.counterGroup).length;
    let history = this.serviceHistory.get(service.id);
    if (!history) this.serviceHistory.set(service.id, (history = queries.recentServiceMinutes(this.db, service.id)));
    const input = { localPeopleAhead: queries.peopleAhead(this.db, service, day), recentServiceMinutes: history, counters: Math.max(1, counters) };
    return live ? { ...input, live } : input;
  };

  get(id: string): Ticket | undefined {
    return queries.ticketById(this.db, id);
  }

  /** Tickets needing an operator (print outcome unknown after a crash), or only those flagged with `code`. */
  needingAttention(code?: ErrorCode): Ticket[] {
    return queries.ticketsNeedingAttention(this.db, code ?? null);
  }

  ticketsOfDay(day: string): Ticket[] {
    return queries.ticketsOfDay(this.db, day);
  }

  /** The day's tickets (not voided) with their issue and call times, for the technician's statistics. */
  ticketTimesOfDay(day: string): queries.TicketTimes[] {
    return queries.ticketTimesOfDay(this.db, day);
  }

  /** Sheets printed or reprinted since `sinceMs`. */
  printedSince(sinceMs: number): number {
    return queries.printedSince(this.db, sinceMs);
  }

  latestTicketOfDay(day: string): Ticket | undefined {
    return queries.latestTicketOfDay(this.db, day);
  }

  addLease(lease: Lease): 'added' | 'known' {
    return this.tx(() => {
      const atMs = this.tick();
      const result = addLease(this.db, numberingFor(this.catalog, lease.prefix), lease, atMs);
      if (result === 'added') audit(this.db, atMs, 'center', 'lease.added', null, { ...lease });
      return result;
    });
  }

  /** The request id for the next lease of (prefix, day), stored before it is sent; the same until answered. */
  leaseRequestId(prefix: string, day: string): string {
    return this.tx(() => leaseRequestId(this.db, prefix, day, this.newId, this.now().getTime()));
  }

  leaseAnswered(requestId: string): void {
    this.tx(() => leaseAnswered(this.db, requestId));
  }

  /** Which prefixes need a new block for `day` (default today): the sync client asks the center. */
  leaseNeeds(day = this.businessDay(), lowWater?: number): LeaseNeed[] {
    const prefixes = [...new Set(this.catalog.services.map((s) => s.prefix))];
    return prefixes.flatMap((p) => leaseNeeds(this.db, [p], day, lowWater ?? Math.ceil(numberingFor(this.catalog, p).blockSize / 2)));
  }

  takeBatch(n: number): OutboxEvent[] {
    return takeBatch(this.db, n);
  }

  ack(acks: readonly OutboxAck[]): number {
    return this.tx(() => ack(this.db, acks, this.now().getTime()));
  }

  pendingCount(): number {
    return pendingCount(this.db);
  }

  recentAudit(limit?: number): AuditEntry[] {
    return recentAudit(this.db, limit);
  }

  /** A bounded queue of one kind of item for the center in the outbox table (staff calls, ratings). */
  outboxQueue<T>(kind: OutboxKind): OutboxQueue<T> {
    return sqliteOutboxQueue<T>(this.db, this.tx, kind);
  }

  /** The appointments checked in at this robot; opening it releases claims a stop left without a ticket. */
  checkInLog(): CheckInLog {
    return new CheckInLog(this.db, this.tx);
  }

  /** The service-mode audit trail (technician actions) of robot `robotId`, with its own outbox drain. */
  serviceAudit(robotId: string, nowMs: () => number): ServiceAudit {
    return new ServiceAudit(this.db, this.tx, robotId, nowMs);
  }

  /** Runs `fn` in an IMMEDIATE transaction with the effective time. */
  private write(fn: (atMs: number) => TicketRow): Ticket {
    return rowToTicket(this.tx(() => fn(this.tick())));
  }

  /** The file is open and answers a query (health, watchdog). */
  answers(): boolean {
    return queries.answers(this.db);
  }

  integrityCheck(): string {
    return queries.integrityCheck(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
