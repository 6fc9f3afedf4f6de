/**
 * Who a counter calls next: the waiting ticket with the highest weighted wait, so priority
 * categories go ahead without starving normal tickets (a normal ticket that has waited more than
 * three times as long as an elderly person's, weight 3, comes first). Ties keep the order of issue.
 * Pure, for the center (issue 7) and for the robot's own offline estimate alike.
 */
import type { PriorityCategory } from '../../contract';

export interface WaitingTicket {
  id: string;
  categoryId?: string;
  issuedAtMs: number;
}

/** Weighted wait never drops to zero, so a just-issued priority ticket still outranks nobody waiting. */
const MIN_WAIT_MS = 60_000;

export function callScore(t: WaitingTicket, categories: readonly PriorityCategory[], nowMs: number): number {
  const weight = (t.categoryId && categories.find((c) => c.id === t.categoryId)?.weight) || 1;
  return weight * Math.max(MIN_WAIT_MS, nowMs - t.issuedAtMs);
}

export function nextToCall<T extends WaitingTicket>(waiting: readonly T[], categories: readonly PriorityCategory[], nowMs: number): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const t of waiting) {
    const s = callScore(t, categories, nowMs);
    if (s > bestScore || (s === bestScore && best && t.issuedAtMs < best.issuedAtMs)) {
      best = t;
      bestScore = s;
    }
  }
  return best;
}
