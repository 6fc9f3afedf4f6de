import { IdleWatch, type IdlePhase, type Timers } from '../../../src/ui/idle';

/** A manual clock: `advance` fires what falls due, in order. */
function manualTimers() {
  let now = 0;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      due.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clear: (h) => void due.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      due.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  };
  return { timers, advance };
}

describe('idle watch', () => {
  it('prompts after the idle time and expires only after the prompt time', () => {
    const { timers, advance } = manualTimers();
    const phases: IdlePhase[] = [];
    const w = new IdleWatch(60_000, 30_000, timers, (p) => phases.push(p));
    w.start();
    advance(59_999);
    expect(phases).toEqual([]);
    advance(1);
    expect(phases).toEqual(['prompt']);
    advance(29_999);
    expect(w.current()).toBe('prompt');
    advance(1);
    expect(phases).toEqual(['prompt', 'expired']);
  });

  it('a touch during the prompt keeps the session and restarts the idle time', () => {
    const { timers, advance } = manualTimers();
    const phases: IdlePhase[] = [];
    const w = new IdleWatch(60_000, 30_000, timers, (p) => phases.push(p));
    w.start();
    advance(70_000);
    w.activity();
    expect(w.current()).toBe('active');
    advance(59_000);
    expect(phases).toEqual(['prompt', 'active']);
    advance(1_000 + 30_000);
    expect(phases).toEqual(['prompt', 'active', 'prompt', 'expired']);
  });

  it('never gives less than 20 s to answer, whatever the setting', () => {
    const { timers, advance } = manualTimers();
    const w = new IdleWatch(15_000, 5_000, timers, () => undefined);
    w.start();
    advance(15_000 + 19_999);
    expect(w.current()).toBe('prompt');
    advance(1);
    expect(w.current()).toBe('expired');
  });

  it('stop cancels everything', () => {
    const { timers, advance } = manualTimers();
    const w = new IdleWatch(1_000, 20_000, timers, () => undefined);
    w.start();
    w.stop();
    advance(1_000_000);
    expect(w.current()).toBe('active');
  });
});
