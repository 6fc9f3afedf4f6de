import { WakeTrigger } from '../../../src/core/wake-trigger';

describe('wake trigger', () => {
  it('fires at the threshold, then not again within the refractory period', () => {
    const t = new WakeTrigger({ threshold: 0.5, refractorySeconds: 2 });
    const fired = [
      [1.0, 0.49], [1.08, 0.5], [1.16, 0.99], [3.0, 0.9], [3.08, 0.9], [3.2, 0.1],
    ].filter(([at, score]) => t.offer(at!, score!)).map(([at]) => at);
    expect(fired).toEqual([1.08, 3.08]);
  });

  it('forgets the last detection on reset', () => {
    const t = new WakeTrigger({ threshold: 0.5, refractorySeconds: 2 });
    expect(t.offer(1, 0.9)).toBe(true);
    t.reset();
    expect(t.offer(0.5, 0.9)).toBe(true);
  });

  it('refuses nonsense settings', () => {
    expect(() => new WakeTrigger({ threshold: 0, refractorySeconds: 1 })).toThrow(RangeError);
    expect(() => new WakeTrigger({ threshold: 0.5, refractorySeconds: -1 })).toThrow(RangeError);
  });
});
