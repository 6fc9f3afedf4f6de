/**
 * An in-memory stand-in for the robot's queue store with the sync client's ports (outbox, leases,
 * marks): numbers from leased blocks first, then the robot's fallback series, like the real one.
 * Each test creates its own.
 */
import { randomUUID } from 'node:crypto';
import { fallbackRange, DEFAULT_NUMBER_SPACE } from '../../../src/center/domain/number-space';
import type { ErrorCode } from '../../../src/contract/error-codes';
import type { Lease } from '../../../src/contract/sync';
import type { LeaseNeed, LeasePort, OutboxEvent, OutboxPort, TicketMarksPort } from '../../../src/controller/sync/outbox-port';

export class FakeRobotStore implements OutboxPort, LeasePort, TicketMarksPort {
  readonly outbox: OutboxEvent[] = [];
  readonly issued: { id: string; prefix: string; number: number; issuedAtMs: number }[] = [];
  readonly blocks: (Lease & { next: number })[] = [];
  readonly flagged: [string, ErrorCode][] = [];
  readonly marks: [string, string][] = [];
  private nextEventId = 1;
  private fallbackNext: number;

  constructor(
    readonly robotId: string,
    slot: number,
    private readonly day = '2026-11-30',
  ) {
    this.fallbackNext = fallbackRange(DEFAULT_NUMBER_SPACE, slot).first;
  }

  issue(atMs: number, prefix = 'A', serviceId = 'birth-registration', categoryId?: string): { id: string; number: number } {
    const block = this.blocks.find((b) => b.prefix === prefix && b.next <= b.last);
    const number = block ? block.next++ : this.fallbackNext++;
    const id = randomUUID();
    const issuedAt = new Date(atMs).toISOString();
    this.issued.push({ id, prefix, number, issuedAtMs: atMs });
    this.outbox.push({
      id: this.nextEventId++,
      key: `${this.robotId}:${id}:v3`,
      ticketId: id,
      payload: {
        ticket: { id, serviceId, day: this.day, number, display: prefix + String(number).padStart(3, '0'), language: 'vi', state: 'printed', issuedAt, ...(categoryId ? { categoryId } : {}) },
        version: 3, kind: categoryId ? 'priority' : 'normal', prefix, printAttempts: 1, attention: null, changedAt: issuedAt,
      },
    });
    return { id, number };
  }

  takeBatch(max: number): OutboxEvent[] {
    return this.outbox.slice(0, max);
  }

  ack(ids: readonly number[]): number {
    const set = new Set(ids);
    const before = this.outbox.length;
    this.outbox.splice(0, this.outbox.length, ...this.outbox.filter((e) => !set.has(e.id)));
    return before - this.outbox.length;
  }

  pendingCount(): number {
    return this.outbox.length;
  }

  leaseNeeds(day = this.day, lowWater = 10): LeaseNeed[] {
    const held = this.blocks.filter((b) => b.prefix === 'A' && b.day === day);
    const remaining = held.reduce((n, b) => n + b.last - b.next + 1, 0);
    return remaining < lowWater ? [{ prefix: 'A', day, remaining, leasedUpTo: held.length ? Math.max(...held.map((b) => b.last)) : null }] : [];
  }

  addLease(lease: Lease): 'added' | 'known' {
    if (this.blocks.some((b) => b.leaseId === lease.leaseId)) return 'known';
    this.blocks.push({ ...lease, next: lease.first });
    return 'added';
  }

  /** Request ids per prefix|day, as the real store keeps them (in its file). */
  readonly leaseRequests = new Map<string, string>();

  leaseRequestId(prefix: string, day: string): string {
    const k = `${prefix}|${day}`;
    if (!this.leaseRequests.has(k)) this.leaseRequests.set(k, randomUUID());
    return this.leaseRequests.get(k)!;
  }

  leaseAnswered(requestId: string): void {
    for (const [k, id] of this.leaseRequests) if (id === requestId) this.leaseRequests.delete(k);
  }

  applyCenterMark(ticketId: string, mark: { calledAt?: Date; servedAt?: Date }): void {
    this.marks.push([ticketId, mark.calledAt ? 'called' : 'served']);
  }

  flag(ticketId: string, code: ErrorCode): void {
    this.flagged.push([ticketId, code]);
  }
}
