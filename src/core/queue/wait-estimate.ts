/**
 * How long a new ticket will wait: people ahead and a range of minutes, never negative.
 * The center's live data wins when known; otherwise the robot's own recent service times;
 * otherwise the catalog's expected minutes with a fixed spread.
 */
export interface LiveQueueData {
  peopleAhead: number;
  /** The center's current mean minutes per dossier for this counter group. */
  meanServiceMinutes?: number;
  openCounters?: number;
}

export interface WaitInput {
  /** Used when the center's live data is unknown (offline): the robot's own count. */
  localPeopleAhead: number;
  live?: LiveQueueData;
  /** Recent service durations (minutes) of this service from the robot's history. */
  recentServiceMinutes: readonly number[];
  expectedServiceMinutes: number;
  /** Counters serving this service's group; at least one is assumed. */
  counters: number;
}

export interface WaitEstimate {
  peopleAhead: number;
  minMinutes: number;
  maxMinutes: number;
  /** The point estimate used by the cut-off rule. */
  expectedMinutes: number;
  source: 'center' | 'history' | 'catalog';
}

/** Samples below this count are not trusted as history. */
export const MIN_HISTORY_SAMPLES = 5;

const finiteNonNegative = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x >= 0;

/** Bounds on inputs from the network or a corrupt history: a lobby, not an overflow. */
const MAX_PEOPLE = 10_000;
const MAX_MINUTES_PER_PERSON = 24 * 60;
const MAX_COUNTERS = 100;
const clamp = (x: number, hi: number) => Math.min(hi, Math.max(0, x));

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function estimateWait(input: WaitInput): WaitEstimate {
  const live = input.live;
  const rawAhead = finiteNonNegative(live?.peopleAhead) ? live!.peopleAhead : finiteNonNegative(input.localPeopleAhead) ? input.localPeopleAhead : 0;
  const peopleAhead = Math.floor(clamp(rawAhead, MAX_PEOPLE));
  const rawCounters = finiteNonNegative(live?.openCounters) && live!.openCounters! >= 1 ? live!.openCounters! : finiteNonNegative(input.counters) ? input.counters : 1;
  const counters = Math.max(1, Math.floor(clamp(rawCounters, MAX_COUNTERS)));
  const history = input.recentServiceMinutes.filter((m) => finiteNonNegative(m) && m <= MAX_MINUTES_PER_PERSON).slice().sort((a, b) => a - b);
  const expectedPer = finiteNonNegative(input.expectedServiceMinutes) ? clamp(input.expectedServiceMinutes, MAX_MINUTES_PER_PERSON) : 0;

  let low: number, mid: number, high: number, source: WaitEstimate['source'];
  if (finiteNonNegative(live?.meanServiceMinutes)) {
    mid = clamp(live!.meanServiceMinutes!, MAX_MINUTES_PER_PERSON);
    low = mid * 0.75;
    high = mid * 1.25;
    source = 'center';
  } else if (history.length >= MIN_HISTORY_SAMPLES) {
    low = quantile(history, 0.25);
    mid = quantile(history, 0.5);
    high = quantile(history, 0.75);
    source = live ? 'center' : 'history';
  } else {
    mid = expectedPer;
    low = expectedPer * 0.5;
    high = expectedPer * 1.5;
    source = live ? 'center' : 'catalog';
  }
  const perCounter = peopleAhead / counters;
  const minMinutes = Math.max(0, Math.floor(perCounter * low));
  const maxMinutes = Math.max(minMinutes, Math.ceil(perCounter * high));
  const expectedMinutes = Math.min(maxMinutes, Math.max(minMinutes, Math.round(perCounter * mid)));
  return { peopleAhead, minMinutes, maxMinutes, expectedMinutes, source };
}
