import { INITIAL_PRESENCE, presenceStep, type PresenceState } from '../../../src/core/presence';

const opt = { debounceMs: 300, cooldownMs: 20_000 };

/** Feeds (time, level) events; level undefined = a re-check at that time. Returns the greet times. */
function run(events: Array<[number, boolean | undefined]>): { greets: number[]; rechecks: Array<number | null> } {
  let state: PresenceState = INITIAL_PRESENCE;
  const greets: number[] = [];
  const rechecks: Array<number | null> = [];
  for (const [t, level] of events) {
    const step = presenceStep(state, level, t, opt);
    state = step.state;
    if (step.greet) greets.push(t);
    rechecks.push(step.recheckAtMs);
  }
  return { greets, rechecks };
}

test('a glitch shorter than the debounce greets nobody', () => {
  expect(run([[0, true], [100, false], [400, undefined]]).greets).toEqual([]);
});

test('a person present past the debounce is greeted once, at the re-check time the step asked for', () => {
  const { greets, rechecks } = run([[1000, true], [1300, undefined], [5000, undefined]]);
  expect(rechecks[0]).toBe(1300);
  expect(greets).toEqual([1300]);
});

test('a sensor edge after the debounce greets at once', () => {
  expect(run([[0, true], [350, true]]).greets).toEqual([350]);
});

test('people arriving one after another are greeted at most once per cool-down', () => {
  const { greets, rechecks } = run([
    [0, true], [300, undefined], [2000, false],
    [5000, true], [5300, undefined], [6000, false],
    [25_000, true], [25_300, undefined],
  ]);
  expect(greets).toEqual([300, 25_300]);
  expect(rechecks[4]).toBe(20_300); // still in cool-down: come back when it ends
});

test('someone who arrived during the cool-down and is still there when it ends is greeted then', () => {
  expect(run([[0, true], [300, undefined], [1000, false], [10_000, true], [20_300, undefined]]).greets).toEqual([300, 20_300]);
});
