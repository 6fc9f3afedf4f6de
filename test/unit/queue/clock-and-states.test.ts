import { businessDay } from '../../../src/core/business-day';
import { afterPrintFailure, canTransition, printedState, readClock } from '../../../src/core/queue';

describe('clock guard', () => {
  it('holds time at the high-water mark when the wall clock goes backwards, so a closed day stays closed', () => {
    const evening = Date.parse('2026-11-30T17:05:00Z'); // 00:05 on 1 December in Ha Noi
    const first = readClock({ highWaterMs: 0 }, evening);
    const back = readClock(first.state, Date.parse('2026-11-30T16:00:00Z')); // 23:00 on 30 November
    expect(back.effectiveMs).toBe(evening);
    expect(businessDay(new Date(back.effectiveMs))).toBe('2026-12-01');
    expect(back.jump).toEqual({ direction: 'backward', deltaMs: -65 * 60_000 });
    expect(back.state.highWaterMs).toBe(evening);
  });

  it('reports a backward jump once, when it happens, not on every reading while the clock stays behind; a second set-back again', () => {
    const t = Date.parse('2026-11-30T03:00:00Z');
    const minute = 60_000;
    const a = readClock({ highWaterMs: 0 }, t, 0);
    const back = readClock(a.state, t - 60 * minute, 1_000); // set back an hour
    expect(back.jump).toEqual({ direction: 'backward', deltaMs: -60 * minute - 1_000 });
    // the next writes of that hour: still behind the mark, no new jump
    const later = readClock(back.state, t - 50 * minute, 1_000 + 10 * minute);
    expect(later.jump).toBeUndefined();
    expect(later.effectiveMs).toBe(t);
    // set back again while behind: a new jump
    expect(readClock(later.state, t - 20 * 60 * minute, 1_000 + 11 * minute).jump?.direction).toBe('backward');
    // without a monotonic clock the same holds: a reading behind the previous one is a jump, one a little later is not
    const noMono = readClock(readClock({ highWaterMs: 0 }, t).state, t - 60 * minute);
    expect(noMono.jump?.direction).toBe('backward');
    expect(readClock(noMono.state, t - 59 * minute).jump).toBeUndefined();
  });

  it('reports a clock set back while the process was off at its first reading', () => {
    const t = Date.parse('2026-11-30T03:00:00Z');
    expect(readClock({ highWaterMs: t }, t - 3_600_000, 5).jump).toEqual({ direction: 'backward', deltaMs: -3_600_000 });
    expect(readClock({ highWaterMs: t }, t - 60_000, 5).jump).toBeUndefined(); // within NTP's tolerance
  });

  it('absorbs small NTP corrections silently and follows the clock forward again', () => {
    const t = Date.parse('2026-11-30T03:00:00Z');
    const a = readClock({ highWaterMs: t }, t - 5_000);
    expect(a).toEqual({ effectiveMs: t, state: { highWaterMs: t, lastWallMs: t - 5_000 } });
    expect(readClock(a.state, t + 1_000).effectiveMs).toBe(t + 1_000);
  });

  it('reports a forward jump that the monotonic clock did not see', () => {
    const t = Date.parse('2026-11-30T03:00:00Z');
    const a = readClock({ highWaterMs: 0 }, t, 1_000);
    const b = readClock(a.state, t + 3 * 3600_000, 2_000);
    expect(b.jump?.direction).toBe('forward');
    expect(readClock(a.state, t + 1_000, 2_000).jump).toBeUndefined();
  });
});

describe('ticket states', () => {
  it('allows the documented path and forbids leaving voided', () => {
    expect(canTransition('issued', 'printing')).toBe(true);
    expect(canTransition('printing', 'print_failed')).toBe(true);
    expect(canTransition('print_failed', 'printing')).toBe(true);
    expect(canTransition('print_failed', 'voided')).toBe(true);
    expect(canTransition('issued', 'printed')).toBe(false);
    for (const s of ['issued', 'printing', 'printed', 'print_failed', 'reprinted', 'voided'] as const) expect(canTransition('voided', s)).toBe(false);
  });

  it('names a later successful attempt a reprint, and voids by rule after the last attempt', () => {
    expect(printedState(1)).toBe('printed');
    expect(printedState(2)).toBe('reprinted');
    expect(afterPrintFailure({ action: 'reprint', maxAttempts: 2 }, 1)).toBe('reprint');
    expect(afterPrintFailure({ action: 'reprint', maxAttempts: 2 }, 2)).toBe('void');
    expect(afterPrintFailure({ action: 'void', maxAttempts: 2 }, 1)).toBe('void');
  });
});
