/**
 * Who a counter calls next: the one calling rule, used by the center for "call next" and for
 * the people ahead of a ticket.
 *
 * Priority first: the heaviest category (a normal ticket weighs 1), then order of issue, then
 * the order the center received the tickets (ties between robots, deterministic). But priority
 * may not starve anyone: a waiting ticket already passed by `maxOvertakes` tickets issued after
 * it is passed by no more — nobody issued after it is called before it. Within that limit the
 * weights still decide, so the bound bites only where a queue would otherwise starve.
 *
 * `overtakenBy` is counted by the caller from its history: tickets of the same counter group and
 * day already called that were issued after this one. Pure: no clock, no storage.
 */
export interface QueuedTicket {
  id: string;
  categoryId?: string | null;
  issuedAtMs: number;
  /** Order of receipt at the center: breaks ties of issue time. */
  seq: number;
  /** How many tickets issued after this one were called while it waited. */
  overtakenBy: number;
}

export interface CallRule {
  /** Category id → weight (≥ 1); unknown, broken or missing categories weigh 1. */
  weights: Readonly<Record<string, number>>;
  /** How many later-issued tickets may be called before a waiting one (0: strict order of issue). */
  maxOvertakes: number;
}

/** The default bound: a normal citizen sees at most this many later priority tickets go first. */
export const DEFAULT_MAX_OVERTAKES = 5;

function weightOf(weights: CallRule['weights'], categoryId: string | null | undefined): number {
  if (!categoryId) return 1;
  const w = weights[categoryId];
  return w !== undefined && Number.isFinite(w) && w >= 1 ? w : 1;
}

/** Order of issue: < 0 when `a` was issued before `b`. */
function issueOrder(a: QueuedTicket, b: QueuedTicket): number {
  return a.issuedAtMs - b.issuedAtMs || a.seq - b.seq;
}

function byPriority(rule: CallRule, a: QueuedTicket, b: QueuedTicket): number {
  return weightOf(rule.weights, b.categoryId) - weightOf(rule.weights, a.categoryId) || issueOrder(a, b);
}

export function nextToCall<T extends QueuedTicket>(waiting: readonly T[], rule: CallRule): T | undefined {
  return pick(waiting, rule, (t) => t.overtakenBy);
}

function pick<T extends QueuedTicket>(waiting: readonly T[], rule: CallRule, overtakes: (t: T) => number): T | undefined {
  // the earliest ticket that may not be passed again bounds who may be called now
  let limit: T | undefined;
  for (const t of waiting) if (overtakes(t) >= rule.maxOvertakes && (!limit || issueOrder(t, limit) < 0)) limit = t;
  let best: T | undefined;
  for (const t of waiting) {
    if (limit && issueOrder(t, limit) > 0) continue;
    if (!best || byPriority(rule, t, best) < 0) best = t;
  }
  return best;
}

/** The order the waiting tickets would be called in if nobody else arrived. */
export function callOrder<T extends QueuedTicket>(waiting: readonly T[], rule: CallRule): T[] {
  const left = [...waiting];
  const passed = new Map<T, number>(left.map((t) => [t, t.overtakenBy]));
  const order: T[] = [];
  while (left.length) {
    const next = pick(left, rule, (t) => passed.get(t)!)!;
    order.push(next);
    left.splice(left.indexOf(next), 1);
    for (const t of left) if (issueOrder(next, t) > 0) passed.set(t, passed.get(t)! + 1);
  }
  return order;
}

/** How many of the waiting tickets would be called before `ticketId` (all of them when it is not among them). */
export function peopleAhead(waiting: readonly QueuedTicket[], rule: CallRule, ticketId: string): number {
  const i = callOrder(waiting, rule).findIndex((t) => t.id === ticketId);
  return i < 0 ? waiting.length : i;
}
