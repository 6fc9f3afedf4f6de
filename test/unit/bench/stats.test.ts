import { fmt, isEntry, markdownTable, percentile, summarize } from '../../../bench/stats';

describe('bench statistics', () => {
  it('takes the median of odd and even counts of rounds, with the spread relative to it', () => {
    expect(summarize([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, spreadPct: 100, rounds: 3 });
    expect(summarize([4, 2, 8, 6])).toMatchObject({ median: 5, min: 2, max: 8, spreadPct: 120 });
  });

  it('reads percentiles from sorted samples: p50 the middle, p99 the top of 100', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(51);
    expect(percentile(sorted, 99)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });

  it('prints aligned markdown and numbers with sensible digits', () => {
    expect(markdownTable(['a', 'bb'], [['xyz', '1']])).toBe('| a   | bb |\n|-----|----|\n| xyz | 1  |');
    expect([fmt(0), fmt(1234.5), fmt(12.345), fmt(1.2345), fmt(0.012345)]).toEqual(['0', '1235', '12.3', '1.23', '0.012']);
  });

  it('tells its own bundle from the runner that imported it', () => {
    const argv1 = process.argv[1];
    try {
      process.argv[1] = '/repo/dist/bench/issuance.js';
      expect(isEntry('issuance')).toBe(true);
      process.argv[1] = '/repo/dist/bench/run-all.js';
      expect(isEntry('issuance')).toBe(false);
    } finally {
      process.argv[1] = argv1!;
    }
  });
});
