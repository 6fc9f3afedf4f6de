/**
 * A robot as the center sees it, for load and failover runs with dozens of robots: it speaks the
 * exact robot sync protocol (src/contract/sync: enrolment, POST /v1/leases, POST
 * /v1/tickets/batch; every answer parsed with the contract's schemas) and keeps the robot's
 * rules that matter to the center: a lease request id is fixed before it is sent and reused until
 * answered, a batch is re-sent unchanged until acknowledged, numbers come only from leased blocks,
 * and failures are retried after core's backoff (src/core/backoff.ts), as the real sync client
 * does. Why not the real controller: 20-336 robots each with a QueueStore SQLite file (synchronous
 * FULL) and its sync loop would spend this shared 2-core machine's time on the robots' own disks,
 * not on the centers under test; the robot side has its own crash and sync suites.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EnrolResponse, IngestResponse, LeaseResponse, type TicketChangeInput } from '../../src/contract/sync';
import { createBackoff } from '../../src/core/backoff';

export interface IssuedTicket {
  id: string;
  prefix: string;
  day: string;
  number: number;
}

export interface HeldLease {
  prefix: string;
  day: string;
  first: number;
  last: number;
}

/** A failure a retry may cure: the network, the balancer (502/503/504) or a restarting center. */
class Retryable extends Error {}

const CodeResponse = z.object({ code: z.string() });

export class ProtocolRobot {
  readonly tickets: IssuedTicket[] = [];
  readonly leases: HeldLease[] = [];
  /** Time of every answered request, ms (the bench's p99). */
  readonly latencies: number[] = [];
  requests = 0;
  retries = 0;
  /** Tickets the center has acknowledged. */
  acked = 0;
  private readonly held = new Map<string, { lease: HeldLease; next: number }>();
  private readonly leaseRequestIds = new Map<string, string>();
  private unsent: TicketChangeInput[] = [];
  private turn = 0;

  private constructor(
    private readonly base: string,
    readonly robotId: string,
    private readonly token: string,
    private readonly day: string,
    private readonly services: readonly { prefix: string; serviceId: string }[],
  ) {}

  /** A one-time code from the staff key, then enrolment, both through `base`. */
  static async enrol(base: string, staffKey: string, robotId: string, day: string, services: readonly { prefix: string; serviceId: string }[]): Promise<ProtocolRobot> {
    const probe = new ProtocolRobot(base, robotId, '', day, services);
    const { code } = CodeResponse.parse(await probe.send('/v1/admin/enrolment-codes', { robotId }, `Staff ${staffKey}`));
    const enrolled = EnrolResponse.parse(await probe.send('/v1/enrol', { code, robotId, version: 'protocol-robot' }));
    return new ProtocolRobot(base, robotId, enrolled.device.token, day, services);
  }

  /** Issues `count` tickets from leased blocks (leasing as needed), then reports them in one batch. */
  async issue(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const { prefix, serviceId } = this.services[this.turn++ % this.services.length]!;
      const source = await this.source(prefix);
      const number = source.next++;
      const id = randomUUID();
      const at = new Date().toISOString();
      this.tickets.push({ id, prefix, day: this.day, number });
      this.unsent.push({
        ticket: { id, serviceId, day: this.day, number, display: prefix + String(number).padStart(4, '0'), language: 'vi', state: 'printed', issuedAt: at },
        version: 3, prefix, changedAt: at,
      });
    }
    await this.flush();
  }

  /** Sends what is not acknowledged yet, the same batch again until it is. */
  async flush(): Promise<void> {
    if (!this.unsent.length) return;
    const answer = IngestResponse.parse(await this.retrying('/v1/tickets/batch', { changes: this.unsent }));
    const refused = answer.results.filter((r) => r.status === 'rejected' || r.status === 'stale');
    if (refused.length) throw new Error(`${this.robotId}: the center refused ${refused.length} tickets: ${JSON.stringify(refused[0])}`);
    this.acked += this.unsent.length;
    this.unsent = [];
  }

  private async source(prefix: string): Promise<{ lease: HeldLease; next: number }> {
    const held = this.held.get(prefix);
    if (held && held.next <= held.lease.last) return held;
    // the id is fixed before the first try and kept until answered: a lost answer costs no block
    let requestId = this.leaseRequestIds.get(prefix);
    if (!requestId) this.leaseRequestIds.set(prefix, (requestId = randomUUID()));
    const answer = LeaseResponse.parse(await this.retrying('/v1/leases', { requests: [{ requestId, prefix, day: this.day }] }));
    const result = answer.results[0]!;
    if (!result.ok) throw new Error(`${this.robotId}: lease refused: ${result.code}`);
    this.leaseRequestIds.delete(prefix);
    const lease = { prefix, day: this.day, first: result.lease.first, last: result.lease.last };
    this.leases.push(lease);
    const source = { lease, next: lease.first };
    this.held.set(prefix, source);
    return source;
  }

  private async retrying(path: string, body: unknown): Promise<unknown> {
    const backoff = createBackoff({ initialMs: 50, maxMs: 2000, jitter: 'full' }, Math.random);
    for (;;) {
      try {
        return await this.send(path, body, `Bearer ${this.token}`);
      } catch (e) {
        if (!(e instanceof Retryable)) throw e;
        this.retries++;
        await new Promise((r) => setTimeout(r, backoff.next()));
      }
    }
  }

  private async send(path: string, body: unknown, authorization?: string): Promise<unknown> {
    const started = performance.now();
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(30_000),
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      });
    } catch (e) {
      throw new Retryable(`${path}: ${(e as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    this.requests++;
    if (res.status >= 500) throw new Retryable(`${path}: ${res.status}`);
    if (!res.ok) throw new Error(`${this.robotId} ${path}: ${res.status} ${text.slice(0, 300)}`);
    this.latencies.push(performance.now() - started);
    return JSON.parse(text);
  }
}
