/**
 * Issuing one ticket, inside the caller's IMMEDIATE transaction. The ticket row is the whole
 * record: it moves its source's cursor (number_cursors), it is owed to the center until acknowledged
 * (acked_version), and it says who issued it, when, from which source: one row, one commit, so a
 * crash keeps all of it or none (migration 6 says why there is no second row).
 */
import type { Catalog, ErrorCode, Language, NumberingRule, Service, Ticket } from '../../contract';
import { formatTicketNumber } from '../../core/ticket-number';
import { exhaustionCode, pickSource, planIssue, type LiveQueueData, type WaitEstimate, type WaitInput } from '../../core/queue';
import { stmt, type Db } from './database';
import { audit } from './journal';
import { ensureFallback, markUsedUp, selfLease, sourcesFor } from './number-sources';
import { rowToTicket, type TicketRow } from './ticket-rows';

export interface IssueRequest {
  serviceId: string;
  language: Language;
  categoryId?: string;
}

export type IssueOutcome =
  | { ok: true; ticket: Ticket; estimate: WaitEstimate }
  | { ok: false; code: ErrorCode; nextOpeningAt: Date | null };

/** What issuing reads from the store it runs in. */
export interface IssueContext {
  db: Db;
  catalog: Catalog;
  robotId: string;
  robotSlot: number | null;
  numberAuthority: 'center' | 'self' | undefined;
  newId: () => string;
  /** Fallback runs (slot, prefix, day) known to exist: ensureFallback's two statements run once per run. */
  fallbackEnsured: Set<string>;
  /** Effective time, persisted in the transaction. */
  tick(): number;
  waitInputs(service: Service, day: string, live?: LiveQueueData): Omit<WaitInput, 'expectedServiceMinutes'>;
}

const SYSTEM = 'robot';

export function issueTicket(c: IssueContext, request: IssueRequest, live?: LiveQueueData): IssueOutcome {
  const { db } = c;
  const atMs = c.tick();
  const at = new Date(atMs);
  const plan = planIssue(c.catalog, request, at, (service, day) => c.waitInputs(service, day, live));
  if (!plan.ok) return plan;
  const prefix = plan.service.prefix;
  if (c.robotSlot !== null) ensureFallbackOnce(c, plan.rule, c.robotSlot, prefix, plan.day, atMs);
  if (c.numberAuthority === 'self') selfLease(db, plan.rule, c.robotId, prefix, plan.day, atMs);
  // leased blocks first (the fallback run's cursor is looked up only when they are used up); no
  // slot yet: a fallback run left from before is not this robot's to continue
  let sources = sourcesFor(db, prefix, plan.day, 'lease');
  let source = pickSource(sources);
  if (!source && c.robotSlot !== null) source = pickSource((sources = sourcesFor(db, prefix, plan.day)));
  if (!source) return { ok: false, code: c.robotSlot === null ? 'QUEUE_NOT_ENROLLED' : exhaustionCode(plan.rule, sources), nextOpeningAt: null };
  const row: TicketRow = {
    id: c.newId(), robot_id: c.robotId, service_id: plan.service.id, counter_group: plan.service.counterGroup,
    prefix, day: plan.day, number: source.next, display: formatTicketNumber(prefix, source.next, plan.rule.width),
    source_id: source.id, category_id: plan.category?.id ?? null, kind: plan.kind, language: request.language,
    state: 'issued', version: 1, print_attempts: 0, last_print_error: null, attention: null,
    issued_at_ms: atMs, updated_at_ms: atMs, synced_at_ms: null, acked_version: 0, called_at_ms: null, served_at_ms: null, counter_id: null,
  };
  // positional: binding 17 named values from an object costs a third of a bare insert again
  stmt(db,
    `INSERT INTO tickets (id, robot_id, service_id, counter_group, prefix, day, number, display, source_id, category_id, kind,
       language, state, version, print_attempts, issued_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.robot_id, row.service_id, row.counter_group, row.prefix, row.day, row.number, row.display, row.source_id, row.category_id, row.kind,
    row.language, row.state, row.version, row.print_attempts, row.issued_at_ms, row.updated_at_ms);
  if (source.next === source.last) markUsedUp(db, source.id);
  return { ok: true, ticket: rowToTicket(row), estimate: plan.estimate };
}

function ensureFallbackOnce(c: IssueContext, rule: NumberingRule, slot: number, prefix: string, day: string, atMs: number): void {
  const key = `${slot}\u0000${prefix}\u0000${day}`;
  if (c.fallbackEnsured.has(key)) return;
  for (const closed of ensureFallback(c.db, rule, slot, prefix, day, atMs)) audit(c.db, atMs, SYSTEM, 'fallback.closed', null, { ...closed });
  c.fallbackEnsured.add(key);
}
