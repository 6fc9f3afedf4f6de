/**
 * Who is called next at a counter, and how many people are ahead of a ticket. Pure: the
 * storage adapter hands in the waiting tickets of a counter group.
 *
 * Order: higher priority weight first (a normal ticket weighs 1, categories weigh what the
 * catalog says), then order of issue (the robot's issue time, corrected for its clock skew),
 * then the order the center received them, which breaks ties between robots deterministically.
 */
export interface WaitingTicket {
  ticketId: string;
  categoryId: string | null;
  issuedAtMs: number;
  receivedSeq: number;
}

export type Weights = Readonly<Record<string, number>>;

export function weightOf(weights: Weights, categoryId: string | null): number {
  if (!categoryId) return 1;
  const w = weights[categoryId];
  return w !== undefined && Number.isFinite(w) && w >= 1 ? w : 1;
}

export function compareForCalling(weights: Weights, a: WaitingTicket, b: WaitingTicket): number {
  return (
    weightOf(weights, b.categoryId) - weightOf(weights, a.categoryId) ||
    a.issuedAtMs - b.issuedAtMs ||
    a.receivedSeq - b.receivedSeq
  );
}

export function pickNext<T extends WaitingTicket>(weights: Weights, waiting: readonly T[]): T | null {
  let best: T | null = null;
  for (const t of waiting) if (!best || compareForCalling(weights, t, best) < 0) best = t;
  return best;
}

export function peopleAhead(weights: Weights, waiting: readonly WaitingTicket[], ticket: WaitingTicket): number {
  return waiting.filter((t) => t.ticketId !== ticket.ticketId && compareForCalling(weights, t, ticket) < 0).length;
}

/**
 * Minutes until a ticket is likely called: the people ahead share the open counters of the
 * group, each taking about `serviceMinutes`. A range (±30 %, at least a minute wide), never negative.
 */
export function waitRange(ahead: number, serviceMinutes: number, counters: number): { min: number; max: number } {
  const mid = (Math.max(0, ahead) * Math.max(1, serviceMinutes)) / Math.max(1, counters);
  const min = Math.max(0, Math.floor(mid * 0.7));
  return { min, max: Math.max(min + 1, Math.ceil(mid * 1.3)) };
}
