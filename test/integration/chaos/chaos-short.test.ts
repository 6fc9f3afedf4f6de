/**
 * The short form of `npm run chaos` inside `npm test`: every scenario once, with fewer kills,
 * taps and cycles. Each scenario's invariants are asserted; the report is printed on failure.
 */
import { formatReport } from '../../chaos/recorder';
import { SCENARIOS } from '../../chaos/scenarios';

describe('chaos, short form', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: every invariant holds', async (_id, scenario) => {
    const report = (await scenario.run({ short: true })).report();
    // CI logs show what each run did and checked, as `npm run chaos` prints it
    console.error(formatReport(report));
    // a scenario that checked nothing proves nothing
    expect(report.invariants.length).toBeGreaterThan(2);
    expect({ violated: report.invariants.filter((i) => !i.ok), report: formatReport(report) }).toMatchObject({ violated: [] });
  }, 60_000);
});
