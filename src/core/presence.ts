/**
 * Presence sensor (PIR) -> "greet now?", debounced and rate-limited. Pure: the caller passes the
 * time and re-asks at `recheckAtMs` (a debounce or cool-down ending needs no new sensor edge).
 * One greeting per arrival: the sensor must fall before the next arrival can be greeted.
 */
export interface PresenceOptions {
  /** The sensor must stay high this long: PIRs glitch on heat and light changes. */
  debounceMs: number;
  /** At most one greeting per this period: people queue past the robot all day. */
  cooldownMs: number;
}

export const DEFAULT_PRESENCE: PresenceOptions = { debounceMs: 300, cooldownMs: 20_000 };

export interface PresenceState {
  high: boolean;
  highSinceMs: number | null;
  lastGreetMs: number | null;
  greetedThisArrival: boolean;
}

export const INITIAL_PRESENCE: PresenceState = { high: false, highSinceMs: null, lastGreetMs: null, greetedThisArrival: false };

export interface PresenceStep {
  state: PresenceState;
  greet: boolean;
  recheckAtMs: number | null;
}

export function presenceStep(prev: PresenceState, level: boolean | undefined, nowMs: number, opt: PresenceOptions = DEFAULT_PRESENCE): PresenceStep {
  let state = { ...prev };
  if (level !== undefined && level !== state.high) {
    state = level
      ? { ...state, high: true, highSinceMs: nowMs }
      : { ...state, high: false, highSinceMs: null, greetedThisArrival: false };
  }
  if (!state.high || state.highSinceMs === null || state.greetedThisArrival) return { state, greet: false, recheckAtMs: null };
  const debouncedAt = state.highSinceMs + opt.debounceMs;
  const cooledAt = state.lastGreetMs === null ? -Infinity : state.lastGreetMs + opt.cooldownMs;
  const readyAt = Math.max(debouncedAt, cooledAt);
  if (nowMs < readyAt) return { state, greet: false, recheckAtMs: readyAt };
  return { state: { ...state, lastGreetMs: nowMs, greetedThisArrival: true }, greet: true, recheckAtMs: null };
}
