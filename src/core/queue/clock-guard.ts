/**
 * Clock safety. The store keeps a high-water mark of the time it has acted on; the effective
 * time is never earlier than it, so a wall clock set backwards (NTP, a dead RTC battery) cannot
 * bring back a business day that is over or reuse its numbers. A jump forward is accepted (a
 * long power-off looks the same) but reported, using the monotonic clock when the process has one.
 */
export interface ClockState {
  highWaterMs: number;
  lastWallMs?: number;
  lastMonoMs?: number;
}

export interface ClockReading {
  effectiveMs: number;
  state: ClockState;
  /** Set when the wall clock moved differently from the monotonic clock by more than the tolerance. */
  jump?: { direction: 'backward' | 'forward'; deltaMs: number };
}

export const JUMP_TOLERANCE_MS = 2 * 60_000;

export function readClock(state: ClockState, wallMs: number, monoMs?: number): ClockReading {
  const effectiveMs = Math.max(wallMs, state.highWaterMs);
  let jump: ClockReading['jump'];
  if (wallMs < state.highWaterMs - JUMP_TOLERANCE_MS) {
    jump = { direction: 'backward', deltaMs: wallMs - state.highWaterMs };
  } else if (monoMs !== undefined && state.lastMonoMs !== undefined && state.lastWallMs !== undefined) {
    const drift = wallMs - (state.lastWallMs + (monoMs - state.lastMonoMs));
    if (drift > JUMP_TOLERANCE_MS) jump = { direction: 'forward', deltaMs: drift };
  }
  const next: ClockState = { highWaterMs: effectiveMs, lastWallMs: wallMs };
  if (monoMs !== undefined) next.lastMonoMs = monoMs;
  return jump ? { effectiveMs, state: next, jump } : { effectiveMs, state: next };
}
