/**
 * The robot's durable queue store: issuing numbers, the ticket life cycle, number leases, the
 * outbox for the center and the audit trail, on one SQLite file (WAL, synchronous FULL).
 *
 * Issuing is one IMMEDIATE transaction: clock high-water mark, number cursor, ticket row,
 * outbox event and audit line commit together or not at all. The caller prints only after
 * `issue` returned and `markPrinting` committed, so no paper exists that the store does not know.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Catalog, ErrorCode, Language, NumberingRule, Ticket } from '../../contract';
// the zod-free module: the store itself never needs the schemas at run time
import { CodedError } from '../../contract/error-codes';
import { businessDay } from '../../core/business-day';
import { formatTicketNumber } from '../../core/ticket-number';
import {
  afterPrintFailure, estimateWait, exhaustionCode, numberingFor, pickSource, planIssue, printedState, readClock,
  type ClockState, type LiveQueueData, type WaitEstimate, type WaitInput,
} from '../../core/queue';
import type { Service } from '../../contract';
import { ack, audit, enqueueTicketEvent, pendingCount, recentAudit, takeBatch, type AuditEntry, type OutboxEvent } from './journal';
import { addLease, advance, ensureFallback, leaseNeeds, selfLease, sourcesFor, switchFallbackSlot, type Lease, type LeaseNeed } from './number-sources';
import { leaseAnswered, leaseRequestId } from './lease-requests';
import type Database from 'better-sqlite3';
import { isDiskFull, openDatabase, stmt, type Db, type OpenOptions } from './database';
import { flag, loadRow, transition } from './ticket-transitions';
import { rowToTicket, type TicketRow } from './ticket-rows';

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

export interface IssueRequest {
  serviceId: string;
  language: Language;
  categoryId?: string;
}

export type IssueOutcome =
  | { ok: true; ticket: Ticket; estimate: WaitEstimate }
  | { ok: false; code: ErrorCode; nextOpeningAt: Date | null };

const SYSTEM = 'robot';

/** SQLITE_FULL (disk or max_page_count) gets its own code so staff know what to fix; the transaction rolled back whole. */
function storeFailure(e: unknown): CodedError {
  return new CodedError(isDiskFull(e) ? 'STORE_DISK_FULL' : 'QUEUE_STORE_FAILED', (e as Error).message);
}
const HISTORY_SAMPLES = 20;
/** People waiting in a counter group on a day, read by every issue: kept by triggers in waiting_counts (migration 5). */
export const PEOPLE_AHEAD_SQL = 'SELECT coalesce((SELECT n FROM waiting_counts WHERE day = ? AND counter_group = ?), 0) AS n';

export class QueueStore {
  readonly db: Db;
  private catalog: Catalog;
  private clockState: ClockState;
  private readonly clock: StoreClock;
  private readonly newId: () => string;
  /** The fallback slot in use: the configured one until the center grants another (setRobotSlot). */
  private robotSlot: number | null;
  /**
   * Fallback runs (slot, prefix, day, range) known to exist: ensureFallback changes something only
   * the first time, so later issues skip its two statements. Forgotten when the slot or the
   * catalog changes, or when an issue fails (its transaction, and the run it made, rolled back).
   */
  private readonly fallbackEnsured = new Set<string>();
  /** The last HISTORY_SAMPLES service minutes per service; dropped whenever service_times is written. */
  private readonly history = new Map<string, number[]>();
  /** Runs a function in a transaction; made once, as better-sqlite3 builds five wrappers per `transaction()` call. */
  private readonly inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;

  private constructor(private readonly options: QueueStoreOptions, db: Db) {
    this.db = db;
    this.inTransaction = db.transaction((fn: () => unknown) => fn());
    this.robotSlot = options.robotSlot;
    this.catalog = options.catalog;
    this.clock = options.clock ?? { wallMs: () => Date.now(), monoMs: () => performance.now() };
    this.newId = options.newId ?? randomUUID;
    const row = stmt(db, 'SELECT high_water_ms FROM clock WHERE id = 1').get() as { high_water_ms: number };
    this.clockState = { highWaterMs: row.high_water_ms };
  }

  static open(options: QueueStoreOptions): QueueStore {
    const db = openDatabase(options.file, { synchronous: options.synchronous });
    return new QueueStore(options, db);
  }

  get robotId(): string {
    return this.options.robotId;
  }

  /** A new catalog from the center applies to the next ticket; numbers already given stay. */
  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    this.fallbackEnsured.clear();
  }

  /** Effective time: never earlier than any time the store already acted on. Persisted in `tx`. */
  private tick(): number {
    const mono = this.clock.monoMs?.();
    const reading = readClock(this.clockState, this.clock.wallMs(), mono);
    if (reading.jump) audit(this.db, reading.effectiveMs, SYSTEM, `clock.${reading.jump.direction}-jump`, null, { deltaMs: reading.jump.deltaMs });
    if (reading.jump) this.options.onClockJump?.(reading.jump);
    if (reading.effectiveMs > this.clockState.highWaterMs) {
      stmt(this.db, 'UPDATE clock SET high_water_ms = ? WHERE id = 1 AND high_water_ms < ?').run(reading.effectiveMs, reading.effectiveMs);
    }
    this.clockState = reading.state;
    return reading.effectiveMs;
  }

  /** Effective now without writing (for display): max(wall clock, high-water mark). */
  now(): Date {
    return new Date(Math.max(this.clock.wallMs(), this.clockState.highWaterMs));
  }

  businessDay(): string {
    return businessDay(this.now());
  }

  issue(request: IssueRequest, live?: LiveQueueData): IssueOutcome {
    try {
      return this.immediate((): IssueOutcome => {
        const atMs = this.tick();
        const at = new Date(atMs);
        const day = businessDay(at);
        const plan = planIssue(this.catalog, request, at, (service) => this.waitInputs(service, day, live));
        if (!plan.ok) return plan;
        const prefix = plan.service.prefix;
        if (this.robotSlot !== null) this.ensureFallback(plan.rule, this.robotSlot, prefix, plan.day, atMs);
        if (this.options.numberAuthority === 'self') selfLease(this.db, plan.rule, this.options.robotId, prefix, plan.day, atMs);
        const sources = sourcesFor(this.db, prefix, plan.day);
        // no slot yet: a fallback run left from before is not this robot's to continue
        const source = pickSource(this.robotSlot === null ? sources.filter((s) => s.kind === 'lease') : sources);
        if (!source) return { ok: false, code: this.robotSlot === null ? 'QUEUE_NOT_ENROLLED' : exhaustionCode(plan.rule, sources), nextOpeningAt: null };
        const row: TicketRow = {
          id: this.newId(), robot_id: this.options.robotId, service_id: plan.service.id, counter_group: plan.service.counterGroup,
          prefix, day: plan.day, number: source.next, display: formatTicketNumber(prefix, source.next, plan.rule.width),
          source_id: source.id, category_id: plan.category?.id ?? null, kind: plan.kind, language: request.language,
          state: 'issued', version: 1, print_attempts: 0, last_print_error: null, attention: null,
          issued_at_ms: atMs, updated_at_ms: atMs, synced_at_ms: null, called_at_ms: null, served_at_ms: null, counter_id: null,
        };
        advance(this.db, source.id);
        stmt(this.db, 
          `INSERT INTO tickets (id, robot_id, service_id, counter_group, prefix, day, number, display, source_id, category_id, kind,
             language, state, version, print_attempts, issued_at_ms, updated_at_ms)
           VALUES (@id, @robot_id, @service_id, @counter_group, @prefix, @day, @number, @display, @source_id, @category_id, @kind,
             @language, @state, @version, @print_attempts, @issued_at_ms, @updated_at_ms)`,
        ).run(row);
        enqueueTicketEvent(this.db, row);
        audit(this.db, atMs, SYSTEM, 'ticket.issued', row.id, { display: row.display, day: row.day, source: source.kind });
        return { ok: true, ticket: rowToTicket(row), estimate: plan.estimate };
      });
    } catch (e) {
      this.fallbackEnsured.clear();
      if (e instanceof CodedError) throw e;
      throw storeFailure(e);
    }
  }

  private ensureFallback(rule: NumberingRule, slot: number, prefix: string, day: string, atMs: number): void {
    const key = `${slot}\u0000${prefix}\u0000${day}`;
    if (this.fallbackEnsured.has(key)) return;
    for (const c of ensureFallback(this.db, rule, slot, prefix, day, atMs)) audit(this.db, atMs, SYSTEM, 'fallback.closed', null, { ...c });
    this.fallbackEnsured.add(key);
  }

  /**
   * `issue` and `markPrinting` in one transaction: on the way from tap to paper one fsync instead
   * of two, and the same rows (both versions go to the outbox). Nothing prints before it returns.
   */
  issueForPrinting(request: IssueRequest, live?: LiveQueueData): IssueOutcome {
    try {
      return this.immediate((): IssueOutcome => {
        const issued = this.issue(request, live);
        return issued.ok ? { ...issued, ticket: this.markPrinting(issued.ticket.id) } : issued;
      });
    } catch (e) {
      this.fallbackEnsured.clear();
      if (e instanceof CodedError) throw e;
      throw storeFailure(e);
    }
  }

  /** The slot the center granted applies at once: runs of other slots are closed (number-sources.ts). */
  setRobotSlot(slot: number): void {
    if (slot === this.robotSlot) return;
    this.fallbackEnsured.clear();
    this.db.transaction(() => {
      const atMs = this.tick();
      switchFallbackSlot(this.db, this.catalog, slot, businessDay(new Date(atMs)));
      audit(this.db, atMs, 'center', 'slot.changed', null, { from: this.robotSlot, to: slot });
    }).immediate();
    this.robotSlot = slot;
  }

  /** Written before a byte goes to the printer. */
  markPrinting(id: string): Ticket {
    return this.write((atMs) => {
      const row = loadRow(this.db, id);
      return transition(this.db, row, 'printing', atMs, SYSTEM, { print_attempts: row.print_attempts + 1, attention: null }, { attempt: row.print_attempts + 1 });
    });
  }

  markPrinted(id: string): Ticket {
    return this.write((atMs) => {
      const row = loadRow(this.db, id);
      return transition(this.db, row, printedState(row.print_attempts), atMs, SYSTEM, { last_print_error: null, attention: null });
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

  /** Marks from the center (called, served): they feed the robot's own wait history. */
  applyCenterMark(id: string, mark: { calledAt?: Date; servedAt?: Date; counterId?: string }): void {
    this.history.clear();
    this.db.transaction(() => {
      const row = stmt(this.db, 'SELECT service_id, called_at_ms, served_at_ms FROM tickets WHERE id = ?').get(id) as
        | { service_id: string; called_at_ms: number | null; served_at_ms: number | null } | undefined;
      if (!row) return;
      const called = mark.calledAt?.getTime() ?? row.called_at_ms;
      const served = mark.servedAt?.getTime() ?? row.served_at_ms;
      stmt(this.db, 'UPDATE tickets SET called_at_ms = ?, served_at_ms = ?, counter_id = coalesce(?, counter_id) WHERE id = ?').run(called, served, mark.counterId ?? null, id);
      if (row.served_at_ms === null && served !== null && called !== null && served >= called) {
        stmt(this.db, 'INSERT INTO service_times (service_id, minutes, at_ms) VALUES (?, ?, ?)').run(row.service_id, (served - called) / 60_000, served);
      }
    }).immediate();
  }

  /** The wait a new ticket of this service would have now (for the UI before issuing). */
  estimate(serviceId: string, live?: LiveQueueData): WaitEstimate {
    const service = this.catalog.services.find((s) => s.id === serviceId);
    if (!service) throw new CodedError('SERVICE_UNKNOWN', serviceId);
    return estimateWait({ ...this.waitInputs(service, this.businessDay(), live), expectedServiceMinutes: service.expectedServiceMinutes });
  }

  private waitInputs(service: Service, day: string, live?: LiveQueueData): Omit<WaitInput, 'expectedServiceMinutes'> {
    const ahead = stmt(this.db, PEOPLE_AHEAD_SQL).get(day, service.counterGroup) as { n: number };
    let recent = this.history.get(service.id);
    if (!recent) {
      const rows = stmt(this.db, 'SELECT minutes FROM service_times WHERE service_id = ? ORDER BY id DESC LIMIT ?').all(service.id, HISTORY_SAMPLES) as { minutes: number }[];
      this.history.set(service.id, (recent = rows.map((h) => h.minutes)));
    }
    const counters = this.catalog.counters.filter((c) => c.counterGroup === service.counterGroup).length;
    const input: Omit<WaitInput, 'expectedServiceMinutes'> = { localPeopleAhead: ahead.n, recentServiceMinutes: [...recent], counters: Math.max(1, counters) };
    return live ? { ...input, live } : input;
  }

  get(id: string): Ticket | undefined {
    const row = stmt(this.db, 'SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
    return row ? rowToTicket(row) : undefined;
  }

  /** Tickets needing an operator (print outcome unknown after a crash), or only those flagged with `code`. */
  needingAttention(code?: ErrorCode): Ticket[] {
    const rows = stmt(this.db, 'SELECT * FROM tickets WHERE attention IS NOT NULL AND (? IS NULL OR attention = ?) ORDER BY issued_at_ms').all(code ?? null, code ?? null) as TicketRow[];
    return rows.map(rowToTicket);
  }

  ticketsOfDay(day: string): Ticket[] {
    return (stmt(this.db, 'SELECT * FROM tickets WHERE day = ? ORDER BY issued_at_ms, rowid').all(day) as TicketRow[]).map(rowToTicket);
  }

  addLease(lease: Lease): 'added' | 'known' {
    return this.db.transaction(() => {
      const atMs = this.tick();
      const result = addLease(this.db, numberingFor(this.catalog, lease.prefix), lease, atMs);
      if (result === 'added') audit(this.db, atMs, 'center', 'lease.added', null, { ...lease });
      return result;
    }).immediate();
  }

  /** The request id for the next lease of (prefix, day), stored before it is sent; the same until answered. */
  leaseRequestId(prefix: string, day: string): string {
    return leaseRequestId(this.db, prefix, day, this.newId, this.now().getTime());
  }

  leaseAnswered(requestId: string): void {
    leaseAnswered(this.db, requestId);
  }

  /** Which prefixes need a new block for `day` (default today): the sync client asks the center. */
  leaseNeeds(day = this.businessDay(), lowWater?: number): LeaseNeed[] {
    const prefixes = [...new Set(this.catalog.services.map((s) => s.prefix))];
    return prefixes.flatMap((p) => leaseNeeds(this.db, [p], day, lowWater ?? Math.ceil(numberingFor(this.catalog, p).blockSize / 2)));
  }

  takeBatch(n: number): OutboxEvent[] {
    return takeBatch(this.db, n);
  }

  ack(ids: readonly number[]): number {
    return ack(this.db, ids, this.now().getTime());
  }

  pendingCount(): number {
    return pendingCount(this.db);
  }

  recentAudit(limit?: number): AuditEntry[] {
    return recentAudit(this.db, limit);
  }

  private immediate<T>(fn: () => T): T {
    return this.inTransaction.immediate(fn) as T;
  }

  /** Runs `fn` in an IMMEDIATE transaction with the effective time. */
  write(fn: (atMs: number) => TicketRow): Ticket {
    try {
      return rowToTicket(this.immediate(() => fn(this.tick())));
    } catch (e) {
      // a full disk is the one store failure with its own code; the rest keep theirs (conflicts are CodedErrors)
      if (isDiskFull(e)) throw storeFailure(e);
      throw e;
    }
  }

  /** Records a ticket for the operator without changing its state. */
  flag(id: string, attention: ErrorCode, actor = SYSTEM): Ticket {
    return this.write((atMs) => flag(this.db, loadRow(this.db, id), attention, atMs, actor));
  }

  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
