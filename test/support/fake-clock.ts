/**
 * A clock whose time moves only when a test says so: timers fire in order as `advance` passes
 * their instant. Shared by the shell's and the watchdog's tests; each test creates its own.
 */
export interface FakeClock {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(handle: unknown): void;
  advance(ms: number): void;
  pending(): number;
}

export function createFakeClock(start = 1_000_000): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}
