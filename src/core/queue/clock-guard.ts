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
  const jump = jumpOf(state, wallMs, monoMs);
  const next: ClockState = { highWaterMs: effectiveMs, lastWallMs: wallMs };
  if (monoMs !== undefined) next.lastMonoMs = monoMs;
  return jump ? { effectiveMs, state: next, jump } : { effectiveMs, state: next };
}

/**
 * A jump is the wall clock moving unlike time itself since the previous reading: reported once,
 * when it happens, not again on every write while the clock stays behind (a robot whose clock was
 * set back an hour would otherwise audit and log each ticket of that hour). The first reading of
 * a process compares with the time the file holds: a clock set back while the robot was off.
 */
function jumpOf(state: ClockState, wallMs: number, monoMs?: number): ClockReading['jump'] {
  if (state.lastWallMs === undefined) {
    return wallMs < state.highWaterMs - JUMP_TOLERANCE_MS ? { direction: 'backward', deltaMs: wallMs - state.highWaterMs } : undefined;
  }
  const elapsed = monoMs !== undefined && state.lastMonoMs !== undefined ? monoMs - state.lastMonoMs : undefined;
  // where the wall clock should be had nobody set it; without a monotonic clock, at least not behind its last reading
  const drift = wallMs - (state.lastWallMs + (elapsed ?? 0));
  if (drift < -JUMP_TOLERANCE_MS) return { direction: 'backward', deltaMs: drift };
  // forward only against the monotonic clock: without it, a quiet hour between writes looks the same
  if (elapsed !== undefined && drift > JUMP_TOLERANCE_MS) return { direction: 'forward', deltaMs: drift };
  return undefined;
}
